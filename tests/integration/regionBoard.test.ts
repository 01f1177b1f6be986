import { describe, expect, it } from 'vitest';
import { Region } from '../../main/region/region';
import { RegionStore } from '../../main/region/store';
import type { Hub } from '../../main/hub/hub';
import { hallDay } from '../../shared/queue/rules';
import { Board } from '../../shared/region/board';
import { actors, ok } from '../support/actors';
import { onCleanup } from '../support/hub';
import { caughtUp, REGION_PASSWORD as PASSWORD, regionNetwork as network, work } from '../support/regionHalls';

const signIn = (url: string, login: string, password: string) =>
  fetch(`${url}/api/session`, { method: 'POST', body: JSON.stringify({ login, password }) });

async function boardOf(url: string, login: string): Promise<Board> {
  const { token } = (await (await signIn(url, login, PASSWORD)).json()) as { token: string };
  return Board.parse(await (await fetch(`${url}/api/board`, { headers: { authorization: `Bearer ${token}` } })).json());
}

/** The day's queue at a hall, counted here from its own rows, apart from any figure's code. */
function counted(hub: Hub) {
  const day = hallDay(Date.now(), 480);
  const tickets = hub.store.all('tickets').filter((t) => t.day === day);
  return {
    issued: tickets.length,
    waiting: tickets.filter((t) => t.status === 'waiting').length,
    finished: tickets.filter((t) => t.status === 'finished').length,
    countersOpen: hub.store.all('counters').filter((c) => c.state === 'open').length,
  };
}

describe('the regional board', () => {
  it('shows each supervisor the halls of their node and below, with the halls’ own figures; a county never sees another', async () => {
    const { hubs, region, url } = await network();
    hubs.forEach((hub, i) => {
      work(hub, 3 + i);
      for (let n = 0; n <= i; n++)
        ok(actors(hub).kiosk('ticket.issue', { serviceId: `${hub.hallId}-s-B`, priority: 'normal', confirm: null }));
    });
    await caughtUp(region, hubs);

    const city = await boardOf(url, 'shi');
    expect(city.supervisor).toMatchObject({ node: '示范市', level: 'city' });
    expect(city.halls.map((h) => h.hallId).sort()).toEqual(['H3302', 'H3303', 'H3304']);
    for (const hub of hubs) {
      const tile = city.halls.find((h) => h.hallId === hub.hallId)!;
      expect(tile).toMatchObject({ ...counted(hub), connected: true });
      expect(tile.waiting).toBeGreaterThan(0);
    }
    expect(city.halls.find((h) => h.hallId === 'H3304')!.path).toEqual(['示范市', '甲县', '丙镇']);

    const county = await boardOf(url, 'jia');
    expect(county.halls.map((h) => h.hallId).sort()).toEqual(['H3302', 'H3304']);
    expect(JSON.stringify(county)).not.toContain('乙县');
  });

  it('refuses wrong passwords, locks after five, and answers nothing without a live session', async () => {
    const { url } = await network();
    expect((await fetch(`${url}/api/board`)).status).toBe(401);
    expect((await fetch(`${url}/api/board`, { headers: { authorization: `Bearer ${'x'.repeat(40)}` } })).status).toBe(401);
    expect((await signIn(url, 'nobody', PASSWORD)).status).toBe(401);
    for (let i = 0; i < 4; i++) expect((await signIn(url, 'jia', 'wrong-password')).status).toBe(401);
    expect((await signIn(url, 'jia', 'wrong-password')).status).toBe(423);
    expect((await signIn(url, 'jia', PASSWORD)).status).toBe(423);
    expect((await signIn(url, 'shi', PASSWORD)).status).toBe(200);
    const tooBig = await fetch(`${url}/api/session`, {
      method: 'POST',
      body: JSON.stringify({ login: 'shi', password: 'x'.repeat(10_000) }),
    });
    expect(tooBig.status).toBe(413);
    expect((await fetch(`${url}/api/session`, { method: 'POST', body: '{"login": 1}' })).status).toBe(400);
  });
});

describe('the region’s link to a hall, given bad state', () => {
  it('a forged cursor in the store (ahead of the hall) is answered with a snapshot: the rows end equal to the hall’s', async () => {
    const { hubs, region, pgUrl } = await network();
    hubs.forEach((hub) => work(hub, 2));
    await caughtUp(region, hubs);
    await region.store.pool.query("UPDATE region_halls SET cursor = 999999999 WHERE hall_id = 'H3302'");
    await region.store.pool.query("DELETE FROM hall_rows WHERE hall_id = 'H3302' AND tbl = 'tickets'");
    await region.close();
    const again = await Region.start(RegionStore.connect(pgUrl), () => {});
    onCleanup(() => again.close());
    work(hubs[0]!, 1);
    await caughtUp(again, [hubs[0]!]);
    const { rows } = await again.store.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM hall_rows WHERE hall_id = 'H3302' AND tbl = 'tickets'",
    );
    expect(rows[0]!.n).toBe(hubs[0]!.store.all('tickets').length);
  });
});
