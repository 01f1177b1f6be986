import { describe, expect, it } from 'vitest';
import type { Hub } from '../../main/hub/hub';
import { remakeRatingDays } from '../../main/region/reportDays';
import type { QueryAnswer } from '../../shared/protocol';
import { RegionReport } from '../../shared/region/reports';
import { RATING_SUMS } from '../../shared/reports/figures';
import { actors, ok } from '../support/actors';
import { callerOf, signInManager, terminal } from '../support/hub';
import { supervisorToken } from '../support/regionHalls';
import { nine, regionDays } from '../support/regionDays';

const DAY = '2026-10-26';
const hallDayOf = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);

/** The region's 好差评 sums of one hall for October. */
async function regionRatings(url: string, token: string, hallId: string): Promise<Record<(typeof RATING_SUMS)[number], number>> {
  const answer = await fetch(
    `${url}/api/report?${new URLSearchParams({ kind: 'ratings', from: '2026-10', to: '2026-10', node: 'city' })}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  expect(answer.status).toBe(200);
  const { sums } = RegionReport.parse(await answer.json()).halls.find((h) => h.hallId === hallId)!;
  return Object.fromEntries(RATING_SUMS.map((k) => [k, sums[k]!])) as never;
}

/** The hall's own 好差评 report of the day, as its board asks for it (read live from its records). */
async function hallRatings(hub: Hub): Promise<Record<string, number>> {
  signInManager(hub);
  const answer = (await hub.query(callerOf(terminal(hub, 'manager')), {
    name: 'reports.kpi',
    params: { report: 'ratings', dimension: 'hall', bucket: 'total', from: DAY, to: DAY },
  })) as QueryAnswer;
  if (!answer.ok) throw new Error(answer.error.code);
  const sums = (answer.result as { rows: { sums: Record<string, number> }[] }).rows[0]!.sums;
  return Object.fromEntries(RATING_SUMS.map((k) => [k, sums[k] ?? 0]));
}

/** The same counted here from the hall's rows, apart from both: the day's requests, their ratings not excluded, those expired unrated. */
function fromRows(hub: Hub, now: number): Record<string, number> {
  const requests = hub.store.all('rating_requests').filter((r) => hallDayOf(r.created_at) === DAY);
  const given = new Map(hub.store.all('ratings').map((g) => [g.id, g]));
  const active = requests.map((r) => given.get(r.id)).filter((g) => g !== undefined && g.excluded === 0);
  return {
    services: requests.length,
    active: active.length,
    satisfied: active.filter((g) => g!.level >= 3).length,
    bad: active.filter((g) => g!.level <= 2).length,
    unrated: requests.filter((r) => r.status === 'unrated' || (r.status === 'pending' && r.expires_at <= now)).length,
  };
}

describe('a closed day’s 好差评 at the region after its close', () => {
  it('moves as the hall’s own report does: a 差评 excluded on an upheld appeal, a case’s request expiring unrated, a snapshot replacing the rows', async () => {
    const net = await regionDays(DAY);
    const { url, clock, workDay, settle, accepted, conclude } = net;
    const [jia, yi] = net.hubs as [Hub, Hub];
    workDay(jia, DAY, 5, { ratings: [5, 1], during: () => conclude(jia, accepted(jia)) });
    workDay(yi, DAY, 3, { ratings: [4] });
    await settle();
    const shi = await supervisorToken(url, 'shi');
    const before = await regionRatings(url, shi, 'H3302');
    expect(before).toEqual(await hallRatings(jia));
    expect(before).toEqual(fromRows(jia, clock()));
    expect(before).toMatchObject({ active: 2, satisfied: 1, bad: 1 });
    // The other requests of the day are still pending at its close: neither rated nor unrated yet.
    // The case concluded that day has its rating code on the notice, pending for days after the close.
    expect(before.services - before.active - before.unrated).toBe(1);
    const yiBefore = await regionRatings(url, shi, 'H3303');

    // The next morning the 差评 is appealed and the appeal upheld: it leaves the day's figures.
    clock.set(nine('2026-10-27'));
    const bad = jia.store.all('ratings').find((g) => g.level === 1)!;
    const followup = jia.store.where('followups', 'rating_id = ?', bad.id)[0]!;
    signInManager(jia);
    ok(actors(jia).manager('followup.appeal', { followupId: followup.id, kind: 'mistaken', grounds: '申请人误按' }));
    signInManager(jia, 'manager');
    ok(actors(jia).manager('followup.decideAppeal', { followupId: followup.id, upheld: true, note: '经核查属误评' }));
    expect(jia.store.get('ratings', bad.id)).toMatchObject({ excluded: 1 });
    await settle();
    const excluded = await regionRatings(url, shi, 'H3302');
    expect(excluded).toMatchObject({ active: 1, satisfied: 1, bad: 0 });
    expect(excluded).toEqual(await hallRatings(jia));
    expect(excluded).toEqual(fromRows(jia, clock()));
    // Another hall's day is left as it was.
    expect(await regionRatings(url, shi, 'H3303')).toEqual(yiBefore);

    // A week later the case's request has expired unrated; the next close at the hall brings the day up to date.
    workDay(jia, '2026-11-04', 2);
    await settle();
    const expired = await regionRatings(url, shi, 'H3302');
    expect(expired.unrated).toBe(before.unrated + 1);
    expect(expired).toEqual(await hallRatings(jia));
    expect(expired).toEqual(fromRows(jia, clock()));

    // Made again from nothing, the day is the same: the mark and the expiries only say when to look.
    const { rows } = await net.region.store.pool.query<{ remake_at: string | null }>(
      "SELECT remake_at FROM region_rating_days WHERE hall_id = 'H3302' AND day = $1",
      [DAY],
    );
    expect(rows).toEqual([{ remake_at: null }]);

    // A snapshot replaces the rows under the days, and the changes it stands for are in no change
    // list: every 好差评 day made is made again from it (here a snapshot whose 差评 stands again).
    const store = net.region.store;
    const { rows: held } = await store.pool.query<{ tbl: string; row: Record<string, unknown> }>(
      "SELECT tbl, row FROM hall_rows WHERE hall_id = 'H3302'",
    );
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const r of held) (tables[r.tbl] ??= []).push(r.tbl === 'ratings' && r.row.id === bad.id ? { ...r.row, excluded: 0 } : r.row);
    const cursor = net.region.states().find((h) => h.hallId === 'H3302')!.cursor;
    await store.applySnapshot('H3302', { seq: cursor, tables });
    expect(await remakeRatingDays(store, 'H3302', clock())).toBeGreaterThan(0);
    expect(await regionRatings(url, shi, 'H3302')).toEqual({ ...expired, active: expired.active + 1, bad: 1 });
    expect(await remakeRatingDays(store, 'H3302', clock())).toBe(0);
  });
});
