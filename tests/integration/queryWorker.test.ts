import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { SQLITE_CACHE_KIB } from '../../main/db/open';
import type { QueryJob } from '../../main/hub/queries/request';
import { QueryWorker, startQueryWorker } from '../../main/hub/queries/worker';
import type { ReadonlyDb } from '../../main/hub/readonlyDb';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import { callerOf, demoHub, onCleanup, tempDir, terminal, until } from '../support/hub';
import { demoTokens, freePort, spawnHub } from '../support/process';

const job: QueryJob = {
  name: 'hall.today',
  params: {},
  caller: { terminalId: 'H3301-t-manager-1', role: 'manager', counterId: null },
  now: Date.parse('2026-11-25T01:00:00Z'),
};
const INTERNAL = { ok: false, error: { code: 'INTERNAL' } };

function workerOf(start: () => Worker) {
  const log: string[] = [];
  const worker = new QueryWorker(start, (m) => log.push(m));
  onCleanup(() => worker.close());
  return { worker, log };
}
/** A stand-in worker speaking the protocol: `onMessage` is its message handler's body (`m` the message, `port` its parent port). */
const fake = (onMessage: string) =>
  new Worker(`const port = require('node:worker_threads').parentPort; port.on('message', (m) => { ${onMessage} });`, { eval: true });

describe('the query worker', () => {
  it('answers a query on its own read-only connection; a query cannot write, by type', async () => {
    const hub = await demoHub();
    // The hub's own connection: SQLite's own 2 MB page cache, not better-sqlite3's 16 MB (open.ts SQLITE_CACHE_KIB).
    expect(hub.db.pragma('cache_size', { simple: true })).toBe(-SQLITE_CACHE_KIB);
    expect(await hub.query(callerOf(terminal(hub, 'manager')), { name: 'hall.today', params: {} })).toMatchObject({
      ok: true,
      result: { tickets: { issued: 0 } },
    });
    const db: ReadonlyDb = new Database(path.join(tempDir(), 'x.db'));
    // @ts-expect-error a query's statements read: there is no run
    expect(() => db.prepare('CREATE TABLE t (x)').run).toBeDefined();
    // @ts-expect-error nor exec, pragma or transaction on its database
    expect(db.exec).toBeDefined();
  });

  it('a query that fails is answered with a typed error, logged, and the worker goes on', async () => {
    const file = path.join(tempDir(), 'empty.db');
    new Database(file).close();
    const { worker, log } = workerOf(() => startQueryWorker(file));
    expect(await worker.run(job)).toMatchObject(INTERNAL);
    expect(await worker.run(job)).toMatchObject(INTERNAL);
    expect(log.filter((m) => m.startsWith('query failed:') && m.includes('no such table'))).toHaveLength(2);
    expect(log.some((m) => m.startsWith('query worker stopped'))).toBe(false);
  });

  it('a worker that dies: its queries get a typed error, and the next query starts a new worker', async () => {
    let started = 0;
    const { worker, log } = workerOf(() =>
      ++started === 1 ? fake('process.exit(3)') : fake("port.postMessage({ id: m.id, answer: { ok: true, result: 'again' } })"),
    );
    const [a, b] = await Promise.all([worker.run(job), worker.run(job)]);
    expect(a).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: '查询服务中断（已自动重启），请重试' } });
    expect(b).toEqual(a);
    expect(log).toContain('query worker stopped (exit 3); it starts again with the next query');
    expect(await worker.run(job)).toEqual({ ok: true, result: 'again' });
    expect(started).toBe(2);
  });

  it('a worker that cannot open the database ends, and its query gets a typed error', async () => {
    const { worker, log } = workerOf(() => startQueryWorker(path.join(tempDir(), 'missing', 'hall.db')));
    expect(await worker.run(job)).toMatchObject(INTERNAL);
    expect(log.some((m) => m.startsWith('query worker failed') && m.includes('directory does not exist'))).toBe(true);
  });

  it('closing ends the worker and answers what it was still asked', async () => {
    let thread: Worker | undefined;
    const { worker } = workerOf(() => (thread = fake('')));
    const pending = worker.run(job);
    await until(() => thread !== undefined, 'started');
    const exited = new Promise((resolve) => thread!.once('exit', resolve));
    await worker.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: '大厅服务器正在关闭，查询未完成' } });
    await exited;
    expect(await worker.run(job)).toMatchObject(INTERNAL);
  });

  /** A manager's socket on a hub process, signed in, asking today's figures. */
  async function askToday(url: string, dataDir: string): Promise<unknown> {
    const s = io(url, { auth: { token: demoTokens(dataDir).find((t) => t.role === 'manager')!.token }, transports: ['websocket'] });
    onCleanup(() => void s.close());
    await until(() => s.connected, 'manager connected');
    const signIn = { opId: randomUUID(), type: 'session.signIn', payload: { login: 'admin', password: DEMO_PASSWORD } };
    expect(await s.emitWithAck('command', signIn)).toMatchObject({ ok: true });
    return s.emitWithAck('query', { name: 'hall.today', params: {} });
  }

  it('runs in the hub started from the sources under tsx', async () => {
    const dataDir = tempDir();
    const hub = await spawnHub(dataDir, await freePort());
    expect(await askToday(hub.url, dataDir)).toMatchObject({ ok: true, result: { cases: { running: 0 } } });
  });

  it('runs in the esbuild bundle, from dist/hub/queryWorker.js beside dist/hub/cli.js', async () => {
    const build = spawnSync('npm', ['run', 'build:hub'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    // ASCII text (main/hub/oneByteBundle.mjs): V8 holds a script's source one byte a character only then.
    for (const file of ['cli.js', 'queryWorker.js', 'backupCheck.js'])
      expect(
        readFileSync(path.join('dist/hub', file)).every((b) => b < 0x80),
        file,
      ).toBe(true);
    const dataDir = tempDir();
    const hub = await spawnHub(dataDir, await freePort(), [], 'dist/hub/cli.js');
    expect(await askToday(hub.url, dataDir)).toMatchObject({ ok: true, result: { cases: { running: 0 } } });
  });
});
