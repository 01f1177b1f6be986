import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startHub } from '../../main/hub/hub';
import { createTerminal } from '../../main/hub/seed';
import { TerminalAgent } from '../../main/terminal/agent';
import { nowMs, round, summarize } from './stats';

/**
 * npm run bench: the hub against the floors of this machine, measured in the same run.
 * Everything talks over 127.0.0.1; every loop is bounded in count and time.
 */
const SUBSCRIBERS = 100;
const SAMPLES = 2000;
const work = mkdtempSync(path.join(tmpdir(), 'servicehall-bench-'));
const children: ChildProcess[] = [];
const sockets: Socket[] = [];

function spawnNode(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PORT (\d+)|listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ child, port: Number(m[1] ?? m[2]) });
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${out}`)));
  });
}

async function connect(url: string, token?: string): Promise<Socket> {
  const s = io(url, { transports: ['websocket'], auth: token ? { token } : {}, reconnection: false });
  sockets.push(s);
  await new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

/** Times `n` sequential calls of `fn` after a warm-up. */
async function timeLoop(n: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < Math.min(200, n); i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = nowMs();
    await fn(i);
    samples.push(nowMs() - t0);
  }
  return samples;
}

/** Resolves when every listener has seen the message tagged `tag`. */
function allReceive(listeners: Socket[], event: string, match: (msg: unknown) => boolean): Promise<void> {
  let left = listeners.length;
  return new Promise((resolve) => {
    for (const s of listeners) {
      const on = (msg: unknown) => {
        if (!match(msg)) return;
        s.off(event, on);
        if (--left === 0) resolve();
      };
      s.on(event, on);
    }
  });
}

async function floors() {
  const { port } = await spawnNode(['tests/bench/floorServer.ts']);
  const url = `http://127.0.0.1:${port}`;
  const sender = await connect(url);
  const ack = summarize(await timeLoop(SAMPLES, async (i) => void (await sender.emitWithAck('echo', { i }))));
  const listeners = await Promise.all(Array.from({ length: SUBSCRIBERS }, () => connect(url)));
  const broadcast = summarize(
    await timeLoop(500, async (i) => {
      const all = allReceive(listeners, 'b', (m) => (m as { i: number }).i === i);
      sender.emit('bcast', { i, text: '今日 17:00 后暂停受理不动产登记业务。' }, () => {});
      await all;
    }),
  );
  for (const s of [sender, ...listeners]) s.close();

  const db = new Database(path.join(work, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  const commit = summarize(await timeLoop(SAMPLES, async () => void insert.run('x'.repeat(100))));
  db.close();
  return { ack, broadcast, commit };
}

async function prepareHub(terminals: number): Promise<{ dataDir: string; manager: string; displays: string[] }> {
  const dataDir = path.join(work, 'hub');
  const hub = await startHub({ dataDir, port: 0, demo: true });
  const manager = hub.demoTerminals.find((t) => t.role === 'manager')!.token;
  const displays = hub.store.transaction(() =>
    Array.from({ length: terminals }, (_, i) => createTerminal(hub.store, hub.hallId, { id: `bench-display-${i}`, role: 'display', name: `d${i}`, counterId: null }, 0)),
  ).result;
  await hub.close();
  return { dataDir, manager, displays };
}

async function subscribe(s: Socket): Promise<void> {
  await s.emitWithAck('subscribe', { since: 1e12 }); // a cursor from the future: one snapshot, then live
}

async function main() {
  const started = nowMs();
  const floor = await floors();
  const { dataDir, manager, displays } = await prepareHub(200);
  const { child: hubChild, port } = await spawnNode(['main/hub/cli.ts', '--data', dataDir, '--port', '0']);
  const url = `http://127.0.0.1:${port}`;

  const commander = await connect(url, manager);
  const listeners = await Promise.all(displays.slice(0, SUBSCRIBERS).map((t) => connect(url, t)));
  await Promise.all(listeners.map(subscribe));
  const command = (text: string) => commander.emitWithAck('command', { opId: randomUUID(), type: 'hall.setNotice', payload: { text } });

  const rtt = summarize(await timeLoop(SAMPLES, async (i) => {
    const a = await command(`通知 ${i}`);
    if (!a.ok) throw new Error(JSON.stringify(a));
  }));
  const delivered = summarize(
    await timeLoop(500, async (i) => {
      const text = `送达 ${i}`;
      const all = allReceive(listeners, 'feed', (m) => (m as { entries: { row: { notice?: string } | null }[] }).entries.some((e) => e.row?.notice === text));
      await command(text);
      await all;
    }),
  );

  // Sustained throughput: 8 pipelined senders for 3 s, each waiting for its own ack.
  const senders = await Promise.all(Array.from({ length: 8 }, () => connect(url, manager)));
  let done = 0;
  const until = nowMs() + 3000;
  await Promise.all(senders.map(async (s) => {
    while (nowMs() < until) {
      await s.emitWithAck('command', { opId: randomUUID(), type: 'hall.setNotice', payload: { text: `t${done}` } });
      done++;
    }
  }));
  const commandsPerSecond = Math.round(done / 3);

  // Catch-up: a terminal agent away while 20,000 changes happen.
  const agentDir = path.join(work, 'agent');
  const agent = new TerminalAgent({ hubUrl: url, token: displays[SUBSCRIBERS]!, dataDir: agentDir }).start();
  await waitFor(() => agent.connection.status === 'connected');
  await agent.close();
  for (let sent = 0; sent < 20_000; ) {
    await Promise.all(senders.map((s) => s.emitWithAck('command', { opId: randomUUID(), type: 'hall.setNotice', payload: { text: `c${sent}` } })));
    sent += senders.length;
  }
  const health = (await (await fetch(`${url}/health`)).json()) as { seq: number };
  const t0 = nowMs();
  const back = new TerminalAgent({ hubUrl: url, token: displays[SUBSCRIBERS]!, dataDir: agentDir }).start();
  await waitFor(() => back.replica.cursor().seq >= health.seq);
  const catchupMs = nowMs() - t0;
  const catchupMode = back.connection.synced?.mode;
  await back.close();

  // Memory with 200 terminals connected and subscribed.
  const more = await Promise.all(displays.slice(SUBSCRIBERS + 1, 200).map((t) => connect(url, t)));
  await Promise.all(more.map(subscribe));
  const connected = (await (await fetch(`${url}/health`)).json()) as { terminals: Record<string, number> };
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${hubChild.pid}/status`, 'utf8'))![1]);

  const floorP50 = floor.ack.p50 + floor.commit.p50 + floor.broadcast.p50;
  const floorP99 = floor.ack.p99 + floor.commit.p99 + floor.broadcast.p99;
  const result = {
    floor_ack_p50_ms: round(floor.ack.p50), floor_ack_p99_ms: round(floor.ack.p99),
    floor_commit_full_p50_ms: round(floor.commit.p50), floor_commit_full_p99_ms: round(floor.commit.p99),
    floor_broadcast100_p50_ms: round(floor.broadcast.p50), floor_broadcast100_p99_ms: round(floor.broadcast.p99),
    command_p50_ms: round(rtt.p50), command_p99_ms: round(rtt.p99),
    command_p50_ratio: round(rtt.p50 / floorP50, 2), command_p99_ratio: round(rtt.p99 / floorP99, 2),
    command_delivered100_p50_ms: round(delivered.p50), command_delivered100_p99_ms: round(delivered.p99),
    commands_per_s: commandsPerSecond,
    catchup_20k_ms: Math.round(catchupMs), catchup_mode: catchupMode,
    hub_rss_mb: Math.round(rssKb / 1024), terminals_connected: Object.values(connected.terminals).reduce((a, b) => a + b, 0),
    bench_s: Math.round((nowMs() - started) / 1000),
  };
  console.log(`floors: ack ${result.floor_ack_p50_ms}/${result.floor_ack_p99_ms} ms, commit(FULL) ${result.floor_commit_full_p50_ms}/${result.floor_commit_full_p99_ms} ms, broadcast→100 ${result.floor_broadcast100_p50_ms}/${result.floor_broadcast100_p99_ms} ms (p50/p99)`);
  console.log(`hub command round trip with ${SUBSCRIBERS} subscribers: ${result.command_p50_ms}/${result.command_p99_ms} ms → ratio ${result.command_p50_ratio} (p50), ${result.command_p99_ratio} (p99); target ≤ 2.0`);
  console.log(`command → all ${SUBSCRIBERS} replicas: ${result.command_delivered100_p50_ms}/${result.command_delivered100_p99_ms} ms; sustained ${commandsPerSecond} commands/s`);
  console.log(`catch-up of 20,000 changes: ${result.catchup_20k_ms} ms (${catchupMode}); target ≤ 1000`);
  console.log(`hub RSS with ${result.terminals_connected} terminals: ${result.hub_rss_mb} MB; target ≤ 150`);
  console.log(`BENCH ${JSON.stringify(result)}`);
}

async function waitFor(check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = nowMs() + timeoutMs;
  while (!check()) {
    if (nowMs() > deadline) throw new Error('bench: timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const s of sockets) s.close();
    for (const c of children) c.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
    setTimeout(() => process.exit(), 200).unref();
  });
