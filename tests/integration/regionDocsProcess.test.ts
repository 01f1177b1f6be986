import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { Region } from '../../main/region/region';
import { RegionStore } from '../../main/region/store';
import { TerminalAgent } from '../../main/terminal/agent';
import { DocumentsBoard } from '../../shared/regiondocs/board';
import { ProxyCatalog } from '../../shared/regiondocs/documents';
import { proxyItems } from '../../shared/regiondocs/rules';
import { onCleanup, tempDir, until } from '../support/hub';
import { throwawayPostgres } from '../support/pg';
import { demoTokens, freeFixedPort, freePort, spawnHub, type HubProcess } from '../support/process';
import { eventually, serveBoard, supervisorToken, villageLine } from '../support/regionHalls';
import { sendCommand, welcomed } from '../support/sockets';

const YEAR_2027 = { year: 2027, holidays: ['2027-01-01', '2027-10-01', '2027-10-04'], workdays: ['2027-09-26'] };
const CATALOG = {
  levels: { county: ['SX-AMR-001', 'SX-AMR-002'], township: ['SX-AMR-001'], village: ['SX-AMR-001', 'SX-AMR-004'] },
};

/** A hall hub process with its administrator signed in at its manager terminal. */
async function hall(code: string, name: string, dataDir = tempDir(), port?: number) {
  const hub = await spawnHub(dataDir, port ?? (await freePort()), ['--no-rate-limits', '--hall-code', code, '--hall-name', name]);
  const managerT = demoTokens(dataDir).find((t) => t.role === 'manager')!;
  const manager = new TerminalAgent({ hubUrl: hub.url, token: managerT.token, dataDir: tempDir('agent-') }).start();
  onCleanup(() => manager.close());
  await until(() => manager.connection.status === 'connected', `${code} manager connected`);
  expect(await manager.command('session.signIn', { login: 'admin', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
  return { code, dataDir, hub, manager };
}

async function stop(hub: HubProcess): Promise<void> {
  hub.child.kill('SIGTERM');
  await hub.exited;
}

describe('documents from the region, to hall processes that come and go', () => {
  it('a hall stopped while a version is published gets it when it starts again; its refused item flows up; a region terminal cannot do what it may not', async () => {
    const db = await throwawayPostgres();
    const region = await Region.start(RegionStore.connect(db.url), () => {});
    onCleanup(() => region.close());
    const county = await hall('H3302', '甲县政务服务中心');
    const villagePort = await freeFixedPort();
    let village = await hall('H3305', '丁村便民服务站', tempDir(), villagePort);
    for (const h of [county, village]) {
      const made = await h.manager.command('terminal.create', { role: 'region', name: '市级监管', counterId: null, zone: '' });
      if (made.ok !== true) throw new Error(JSON.stringify(made));
      await region.addHall(h.hub.url, made.result.code);
    }
    const supervisors = await villageLine(region.store, { H3302: 'jx', H3305: 'dc' });
    const url = await serveBoard(region, supervisors);
    const token = await supervisorToken(url, 'shi');
    const publish = async (body: unknown) =>
      (
        await fetch(`${url}/api/documents`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    const board = async () =>
      DocumentsBoard.parse(await (await fetch(`${url}/api/documents`, { headers: { authorization: `Bearer ${token}` } })).json());
    const hallOf = async (id: string) => (await board()).halls.find((h) => h.hallId === id)!;
    await eventually(async () => region.states().every((s) => s.status === 'connected'), 'both halls followed');

    // The village's hall is down while the city publishes the year and the proxy catalog.
    await stop(village.hub);
    expect(await publish({ kind: 'calendar', content: YEAR_2027 })).toMatchObject({ version: 1, created: true });
    expect(await publish({ kind: 'proxy_catalog', content: CATALOG })).toMatchObject({ key: 'levels', version: 1, created: true });
    await eventually(async () => (await hallOf('H3302')).docs.every((d) => d.acked?.version === 1), 'the county hall acknowledged both');
    expect((await hallOf('H3305')).docs.map((d) => d.acked)).toEqual([null, null]);

    // Started again on the same address, it is sent both on reconnecting, and applies them.
    village = await hall('H3305', '丁村便民服务站', village.dataDir, villagePort);
    await eventually(
      async () => (await hallOf('H3305')).docs.every((d) => d.acked?.version === 1 && d.applied?.version === 1),
      'the village caught up',
    );
    const villageDb = new Database(path.join(village.dataDir, 'hall.db'), { readonly: true, fileMustExist: true });
    onCleanup(() => void villageDb.close());
    expect(villageDb.prepare('SELECT source, holidays FROM calendar_years WHERE year = 2027').get()).toEqual({
      source: 'region',
      holidays: JSON.stringify(YEAR_2027.holidays),
    });
    const catalogRow = villageDb.prepare("SELECT hall_level, content FROM region_documents WHERE kind = 'proxy_catalog'").get() as {
      hall_level: string;
      content: string;
    };
    expect(catalogRow.hall_level).toBe('village');

    // The village's administrator does not take in SX-AMR-004; an item not on the village's list cannot be refused.
    const refused = await village.manager.command('regionDoc.addOverride', { type: 'refuse_item', code: 'SX-AMR-004', note: '无专人' });
    expect(refused).toMatchObject({ ok: true });
    expect(await village.manager.command('regionDoc.addOverride', { type: 'refuse_item', code: 'SX-AMR-002', note: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', reason: 'regiondoc.itemNotListed', params: { code: 'SX-AMR-002' } },
    });
    const refusedCodes = (
      villageDb.prepare('SELECT value FROM region_overrides WHERE revoked_at IS NULL').all() as { value: string }[]
    ).map((r) => r.value);
    expect(proxyItems(ProxyCatalog.parse(JSON.parse(catalogRow.content)), 'village', refusedCodes)).toEqual(['SX-AMR-001']);
    await eventually(async () => (await hallOf('H3305')).overrides.length === 1, 'the refused item is on the board');
    expect((await hallOf('H3305')).overrides[0]).toMatchObject({
      kind: 'proxy_catalog',
      type: 'refuse_item',
      value: 'SX-AMR-004',
      note: '无专人',
    });

    // A new catalog version reaches both; then, as the region's terminal at the village, the older one is refused.
    expect(await publish({ kind: 'proxy_catalog', content: { levels: { ...CATALOG.levels, township: [] } } })).toMatchObject({
      version: 2,
    });
    await eventually(
      async () => (await board()).halls.every((h) => h.docs.find((d) => d.kind === 'proxy_catalog')?.acked?.version === 2),
      'v2 acknowledged',
    );
    const { rows } = await region.store.pool.query<{ token: string }>("SELECT token FROM region_halls WHERE hall_id = 'H3305'");
    const asRegion = await welcomed(village.hub.url, rows[0]!.token);
    onCleanup(() => void asRegion.close());
    const apply = (version: number, content: unknown) =>
      sendCommand(asRegion, 'regionDoc.apply', { document: { kind: 'proxy_catalog', version, publishedAt: 1, content }, level: 'village' });
    expect(await apply(1, CATALOG)).toMatchObject({
      ok: false,
      error: { code: 'DOCUMENT_STALE', reason: 'regiondoc.older', params: { applied: 2, given: 1 } },
    });
    expect(await apply(2, CATALOG)).toMatchObject({ ok: false, error: { code: 'DOCUMENT_STALE', reason: 'regiondoc.sameVersionDiffers' } });
    expect(await apply(3, { levels: { county: ['x'] } })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(
      await sendCommand(asRegion, 'regionDoc.apply', {
        document: { kind: 'calendar', version: 9, publishedAt: 1, content: { ...YEAR_2027, holidays: ['2028-01-01'] } },
        level: null,
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // The region's terminal may apply documents and nothing else of the hall's.
    for (const [type, payload] of [
      ['ticket.issue', { serviceId: 'H3305-s-A', priority: 'normal', confirm: null }],
      ['calendar.setYear', YEAR_2027],
      ['regionDoc.addOverride', { type: 'refuse_item', code: 'SX-AMR-001', note: '' }],
    ] as const)
      expect(await sendCommand(asRegion, type, payload)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Nothing of that changed the village's documents.
    expect(villageDb.prepare('SELECT kind, version FROM region_documents ORDER BY kind').all()).toEqual([
      { kind: 'calendar', version: 1 },
      { kind: 'proxy_catalog', version: 2 },
    ]);
    // A region restored from an older backup offers version 1 again: each hall refuses it, typed, and the board says so.
    await region.store.pool.query("DELETE FROM region_documents WHERE kind = 'proxy_catalog' AND version = 2");
    await region.store.pool.query("DELETE FROM region_document_acks WHERE kind = 'proxy_catalog'");
    await region.deliverDocuments();
    for (const h of (await board()).halls)
      expect(h.docs.find((d) => d.kind === 'proxy_catalog')).toMatchObject({
        applied: { version: 2 },
        acked: null,
        refused: { version: 1, error: { code: 'DOCUMENT_STALE', reason: 'regiondoc.older', params: { applied: 2, given: 1 } } },
      });
    // The hall audited every refusal.
    const audit = villageDb.prepare("SELECT outcome FROM audit WHERE type = 'regionDoc.apply' ORDER BY id").all() as { outcome: string }[];
    expect(audit.filter((a) => a.outcome !== 'ok').length).toBeGreaterThanOrEqual(2);
  });
});
