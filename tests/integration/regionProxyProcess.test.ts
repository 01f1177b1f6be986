import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { RegionDocuments } from '../../main/region/documents';
import { enrollHall } from '../../main/region/region';
import { RegionStore } from '../../main/region/store';
import { TerminalAgent } from '../../main/terminal/agent';
import type { CommandPayload } from '../../shared/protocol';
import { APPLICANT_ID } from '../support/cases';
import { onCleanup, tempDir, until } from '../support/hub';
import { throwawayPostgres } from '../support/pg';
import { demoTokens, freeFixedPort, freePort, spawnHub, type HubProcess, startRegion } from '../support/process';
import { eventually, villageLine } from '../support/regionHalls';

/** A hall hub process; an agent at its terminal of `role` (a clerk's at counter 1), its administrator signed in at the board. */
const hubOf = (code: string, name: string, dataDir: string, port: number) =>
  spawnHub(dataDir, port, ['--no-rate-limits', '--hall-code', code, '--hall-name', name]);

async function hall(code: string, name: string, port?: number) {
  const dataDir = tempDir();
  const hub = await hubOf(code, name, dataDir, port ?? (await freePort()));
  const agent = (role: 'manager' | 'clerk') => {
    const t = demoTokens(dataDir).find((x) => x.role === role)!;
    const a = new TerminalAgent({ hubUrl: hub.url, token: t.token, dataDir: tempDir('agent-') }).start();
    onCleanup(() => a.close());
    return a;
  };
  const manager = agent('manager');
  const clerk = agent('clerk');
  await until(() => manager.connection.status === 'connected' && clerk.connection.status === 'connected', `${code} agents connected`);
  expect(await manager.command('session.signIn', { login: 'admin', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
  expect(await clerk.command('counter.signIn', { counterId: `${code}-c-01`, login: 'c01', password: DEMO_PASSWORD })).toMatchObject({
    ok: true,
  });
  const db = new Database(path.join(dataDir, 'hall.db'), { readonly: true, fileMustExist: true });
  onCleanup(() => void db.close());
  return { code, dataDir, hub, manager, clerk, db };
}

async function stop(hub: HubProcess): Promise<void> {
  hub.child.kill('SIGTERM');
  await hub.exited;
}

const request = (code: string, itemCode = 'SX-AMR-001'): CommandPayload<'proxy.register'> => ({
  proxyId: randomUUID(),
  counterId: `${code}-c-01`,
  at: Date.now(),
  itemCode,
  applicant: { type: 'person', name: '张三', idNumber: APPLICANT_ID, creditCode: null, phone: '13800138000' },
  materials: ['申请书'],
  note: '',
});

describe('全程代办 between hall processes through the region process', () => {
  it('a village proxy case is accepted at its county hall and the step comes back; with the region killed and the county down meanwhile, the next one arrives exactly once and its refusal returns', async () => {
    const pg = await throwawayPostgres();
    const store = RegionStore.connect(pg.url);
    onCleanup(() => store.close());
    await store.migrate();
    const countyPort = await freeFixedPort();
    const city = await hall('H3300', '示范市政务服务中心');
    const county = await hall('H3302', '甲县政务服务中心', countyPort);
    const village = await hall('H3305', '丁村便民服务站');
    for (const h of [city, county, village]) {
      const made = await h.manager.command('terminal.create', { role: 'region', name: '市级监管', counterId: null, zone: '' });
      if (made.ok !== true) throw new Error(JSON.stringify(made));
      await enrollHall(store, h.hub.url, made.result.code);
    }
    await villageLine(store, { H3300: 'city', H3302: 'jx', H3305: 'dc' });
    const shi = { login: 'shi', name: '市监管科', nodeId: 'city', nodeName: '示范市', level: 'city' as const };
    const catalog = { levels: { county: [], township: [], village: ['SX-AMR-001'] } };
    expect(await new RegionDocuments(store, Date.now).publish(shi, { kind: 'proxy_catalog', content: catalog })).toMatchObject({
      ok: true,
    });

    let region = (await startRegion(pg.url)).child;
    await until(
      () => village.db.prepare("SELECT hall_level FROM region_documents WHERE kind = 'proxy_catalog'").get() !== undefined,
      'catalog at the village',
    );
    const proxyRow = (id: string) =>
      village.db.prepare('SELECT * FROM proxy_cases WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    const casesFor = (id: string) => county.db.prepare('SELECT * FROM cases WHERE proxy_id = ?').all(id) as Record<string, unknown>[];

    // The first one: up to the county (the nearest hall above with the item), accepted there, the step back.
    const first = request('H3305');
    expect(await village.clerk.command('proxy.register', first)).toMatchObject({ ok: true });
    await eventually(async () => proxyRow(first.proxyId)?.status === 'delivered', 'first delivered');
    const [c] = casesFor(first.proxyId);
    expect(c).toMatchObject({
      department_id: 'H3302-d-amr',
      origin_hall_id: 'H3305',
      origin_hall_name: '丁村便民服务站',
      status: 'received',
    });
    expect(proxyRow(first.proxyId)).toMatchObject({ target_hall_id: 'H3302', target_case_number: c!.number });
    expect(
      await county.clerk.command('case.step', { caseId: c!.id as string, counterId: 'H3302-c-01', at: Date.now(), action: 'accept' }),
    ).toMatchObject({
      ok: true,
    });
    await eventually(async () => proxyRow(first.proxyId)?.target_status === 'accepted', 'the acceptance comes back');
    const accepted = county.db.prepare('SELECT promised_due FROM cases WHERE id = ?').get(c!.id) as { promised_due: string };
    expect(proxyRow(first.proxyId)).toMatchObject({ promised_due: accepted.promised_due });

    // The region is killed; the county goes down; the village takes in another meanwhile.
    region.kill('SIGKILL');
    await new Promise((r) => region.once('exit', r));
    await stop(county.hub);
    const second = request('H3305');
    expect(await village.clerk.command('proxy.register', second)).toMatchObject({ ok: true });
    region = (await startRegion(pg.url)).child;
    // The region takes the request and picks its target, which is away: it waits, nothing lost.
    await eventually(async () => {
      const { rows } = await store.pool.query('SELECT target_hall_id, target_case_id FROM region_proxy_routes WHERE proxy_id = $1', [
        second.proxyId,
      ]);
      return rows[0]?.target_hall_id === 'H3302' && rows[0]?.target_case_id === null;
    }, 'the second routed to the county, waiting');
    expect(proxyRow(second.proxyId)).toMatchObject({ status: 'outbox' });

    // The county comes back on its address: the request arrives once, and the village is told.
    // Its agents (and the region) reconnect to it by themselves.
    county.hub = await hubOf('H3302', '甲县政务服务中心', county.dataDir, countyPort);
    await eventually(async () => proxyRow(second.proxyId)?.status === 'delivered', 'second delivered after the county came back');
    expect(casesFor(second.proxyId)).toHaveLength(1);
    expect(casesFor(first.proxyId)).toHaveLength(1);
    // Killed again and started again, the region sends nothing twice.
    region.kill('SIGKILL');
    await new Promise((r) => region.once('exit', r));
    region = (await startRegion(pg.url)).child;
    await eventually(async () => {
      const { rows } = await store.pool.query('SELECT count(*)::int AS n FROM region_proxy_routes WHERE told_at IS NOT NULL');
      return rows[0]!.n === 2;
    }, 'both told');
    expect(county.db.prepare('SELECT count(*) AS n FROM cases WHERE proxy_id IS NOT NULL').get()).toEqual({ n: 2 });
    // The county sends the second back before accepting it: the village gets it back with the reason.
    // Its clerk's PC reconnects by itself after the county's restart; an online-only command waits for it.
    await until(() => county.clerk.connection.status === 'connected', 'the county clerk back online');
    const [secondCase] = casesFor(second.proxyId);
    expect(
      await county.clerk.command('proxy.refuse', {
        caseId: secondCase!.id as string,
        counterId: 'H3302-c-01',
        reason: 'not_competent',
        text: '应向市级部门申请',
      }),
    ).toMatchObject({ ok: true });
    await eventually(async () => proxyRow(second.proxyId)?.status === 'refused', 'the refusal comes back');
    expect(proxyRow(second.proxyId)).toMatchObject({
      refusal_reason: 'not_competent',
      refusal_text: '应向市级部门申请',
      target_status: 'refused',
    });
    expect(village.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(city.db.prepare('SELECT count(*) AS n FROM cases WHERE proxy_id IS NOT NULL').get()).toEqual({ n: 0 });
  });
});
