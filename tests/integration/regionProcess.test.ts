import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { TerminalAgent } from '../../main/terminal/agent';
import { projectRow, tableSpecs, type AnyRow, type TableName } from '../../shared/protocol/registry';
import { onCleanup, tempDir, until } from '../support/hub';
import { throwawayPostgres } from '../support/pg';
import { demoTokens, freePort, spawnHub, REGION_CLI, startRegion } from '../support/process';
import { eventually } from '../support/regionHalls';

const run = promisify(execFile);

/** Each hall's cursor as the running region reports it. */
async function cursors(port: number): Promise<Record<string, number>> {
  const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as { halls: { hallId: string; cursor: number }[] };
  return Object.fromEntries(health.halls.map((h) => [h.hallId, h.cursor]));
}

describe('the regional server as a process, over three hall hub processes', () => {
  it('killed with SIGKILL while the halls stream and started again: every change the region may see lands exactly once', async () => {
    const db = await throwawayPostgres();
    const halls = await Promise.all(
      ['H3302 甲县政务服务中心', 'H3303 乙县政务服务中心', 'H3304 丙镇便民服务中心'].map(async (h) => {
        const [code, name] = h.split(' ') as [string, string];
        const dataDir = tempDir();
        const hub = await spawnHub(dataDir, await freePort(), ['--no-rate-limits', '--hall-code', code, '--hall-name', name]);
        const managerT = demoTokens(dataDir).find((t) => t.role === 'manager')!;
        const manager = new TerminalAgent({ hubUrl: hub.url, token: managerT.token, dataDir: tempDir('agent-') }).start();
        onCleanup(() => manager.close());
        await until(() => manager.connection.status === 'connected', `${code} manager connected`);
        expect(await manager.command('session.signIn', { login: 'admin', password: DEMO_PASSWORD })).toMatchObject({ ok: true });
        const made = await manager.command('terminal.create', { role: 'region', name: '市级监管', counterId: null, zone: '' });
        if (made.ok !== true) throw new Error(JSON.stringify(made));
        await run(process.execPath, [...REGION_CLI, '--pg', db.url, 'add-hall', '--hub', hub.url, '--code', made.result.code]);
        return { code, dataDir, hub, manager, managerT };
      }),
    );
    // A hall that already took part cannot be added under an id the region follows.
    const again = await halls[0]!.manager.command('terminal.create', { role: 'region', name: '重复', counterId: null, zone: '' });
    if (again.ok !== true) throw new Error(JSON.stringify(again));
    await expect(
      run(process.execPath, [...REGION_CLI, '--pg', db.url, 'add-hall', '--hub', halls[0]!.hub.url, '--code', again.result.code]),
    ).rejects.toThrow(/already followed/);

    let region = await startRegion(db.url);
    let streaming = true;
    const streams = halls.map(async ({ manager }) => {
      for (let i = 0; streaming; i++) await manager.command('hall.setNotice', { text: `通知 ${i}` });
    });
    const seqOf = async (h: (typeof halls)[number]) =>
      ((await (await fetch(`${h.hub.url}/health`, { headers: { authorization: `Bearer ${h.managerT.token}` } })).json()) as { seq: number })
        .seq;
    // Mid-stream: the region has landed a good part of each hall's changes, and the halls go on.
    await eventually(async () => {
      const c = await cursors(region.port);
      return halls.every((h) => (c[h.code] ?? 0) > 150);
    }, 'the region follows three halls');
    region.child.kill('SIGKILL');
    await new Promise((r) => region.child.once('exit', r));
    // While the region is away, each hall makes changes it has to catch up on.
    const away = await Promise.all(halls.map(seqOf));
    await eventually(async () => (await Promise.all(halls.map(seqOf))).every((s, i) => s > away[i]! + 100), 'the halls went on');
    region = await startRegion(db.url);
    await eventually(async () => {
      const c = await cursors(region.port);
      return halls.every((h, i) => (c[h.code] ?? 0) > away[i]!);
    }, 'the restarted region catches up while the halls stream');
    streaming = false;
    await Promise.all(streams);
    const ends = await Promise.all(halls.map(seqOf));
    await eventually(async () => {
      const c = await cursors(region.port);
      return halls.every((h, i) => c[h.code] === ends[i]);
    }, 'the region caught up with every hall');

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    onCleanup(() => client.end());
    for (const h of halls) {
      // The hall's database, read beside the running hub (WAL): its rows as the region may see them, and its feed.
      const hall = new Database(path.join(h.dataDir, 'hall.db'), { readonly: true, fileMustExist: true });
      onCleanup(() => void hall.close());
      const expected = new Map<string, unknown>();
      for (const table of Object.keys(tableSpecs) as TableName[])
        for (const row of hall.prepare(`SELECT * FROM ${table}`).all() as AnyRow[]) {
          const seen = projectRow('region', table, row);
          if (seen) expected.set(`${table}/${row.id}`, seen);
        }
      const { rows } = await client.query<{ tbl: string; id: string; row: unknown }>(
        'SELECT tbl, id, row FROM hall_rows WHERE hall_id = $1',
        [h.code],
      );
      expect(new Map(rows.map((r) => [`${r.tbl}/${r.id}`, r.row]))).toEqual(expected);

      // Every change after the first snapshot, of a table the region sees, was recorded once.
      const changes = await client.query<{ seq: string }>('SELECT seq FROM hall_changes WHERE hall_id = $1 ORDER BY seq', [h.code]);
      const got = changes.rows.map((r) => Number(r.seq));
      expect(got.length).toBeGreaterThan(20);
      const visible = Object.keys(tableSpecs).filter((t) => projectRow('region', t as TableName, { id: 'x' }) !== null);
      const feed = hall
        .prepare(`SELECT seq FROM feed WHERE seq >= ? AND tbl IN (${visible.map(() => '?').join(',')}) ORDER BY seq`)
        .all(got[0], ...visible) as { seq: number }[];
      expect(got).toEqual(feed.map((f) => f.seq));
    }
  });
});
