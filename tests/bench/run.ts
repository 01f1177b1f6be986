import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { gzipSync } from 'node:zlib';
import { startHub, type HealthReport } from '../../main/hub/hub';
import { hallDay, ticketNumber } from '../../shared/queue/rules';
import { parseQueueSettings } from '../../shared/queue/settings';
import { createTerminal } from '../../main/hub/seed';
import { TerminalAgent } from '../../main/terminal/agent';
import { CHROMIUM_ARGS } from '../support/chromium';
import { signInFlood } from '../support/floods';
import { nowMs, percentile, round, summarize } from './stats';
import { benchTenYears, tenYearHall } from './tenYears';
import { benchRegion } from './region';
import { ratingRoundTrips } from './rating';
import { queueCostFigures } from './queueCost';
import { defaultQueueSettings } from '../../shared/queue/rules';
import { openingRush, simulateVoice } from '../support/voiceSim';
import { HUB_NODE_FLAGS } from '../../shared/kernel/hubProcess';

/**
 * npm run bench: the hub against the floors of this machine, measured in the same run.
 * Everything talks over 127.0.0.1; every loop is bounded in count and time.
 */
const SUBSCRIBERS = 100;
const SAMPLES = 2000;
/** Concurrent clerks tried in turn for the call p99 ≤ 20 ms figure. */
const CLERK_STEPS = [100, 250, 500, 750, 1000];
/** A clerk's cycle (call, start, finish) repeats this often: a very fast counter; real service takes minutes. */
const CLERK_CYCLE_MS = 10_000;
/** The hub as `npm run hub` runs it: bundled by esbuild (npm run build:hub), plain Node. */
const HUB = 'dist/hub/cli.js';
/** The hub's capacity is measured with one bench terminal doing the work of many: without the per-terminal limits. */
const CAPACITY = ['--no-rate-limits'];
const work = mkdtempSync(path.join(tmpdir(), 'servicehall-bench-'));
const children: ChildProcess[] = [];
const sockets: Socket[] = [];

/** Runs a script in its own Node process: TypeScript through tsx, the built hub (dist/hub/cli.js) as it ships. */
function spawnNode(args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    args[0]!.endsWith('.ts')
      ? ['--import', 'tsx', ...args]
      : [...HUB_NODE_FLAGS, ...(process.env.BENCH_HUB_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_HUB_PROF}`] : []), ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
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

/** The hub's health as a manager terminal sees it (the feed position, the terminals connected). */
async function managerHealth(url: string, managerToken: string): Promise<HealthReport> {
  return (await (await fetch(`${url}/health`, { headers: { authorization: `Bearer ${managerToken}` } })).json()) as HealthReport;
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

interface BenchHall {
  dataDir: string;
  manager: string;
  kiosk: string;
  displays: string[];
  /** Signed-in clerk counters serving service A, with their terminal tokens. */
  clerks: { counterId: string; token: string }[];
  /** The evaluator bound to the first clerk's counter, when asked for. */
  evaluator: string | null;
}

/**
 * The demo hall in `dataDir` (seeded when new) grown for the bench: a manager and a kiosk terminal,
 * many display terminals and many open counters serving A.
 */
async function prepareHub(dataDir: string, terminals: number, clerkCount: number, waiting = 0, evaluator = false): Promise<BenchHall> {
  const hub = await startHub({ dataDir, port: 0, demo: true });
  const h = hub.hallId;
  const day = hallDay(Date.now(), parseQueueSettings(hub.store.get('halls', h)!.queue_settings).utcOffsetMinutes);
  const hallTokens = hub.store.transaction(() => {
    const manager = createTerminal(hub.store, h, { id: 'bench-manager', role: 'manager', name: 'bench', counterId: null }, 0);
    const kiosk = createTerminal(hub.store, h, { id: 'bench-kiosk', role: 'kiosk', name: 'bench', counterId: null }, 0);
    const displays = Array.from({ length: terminals }, (_, i) =>
      createTerminal(hub.store, h, { id: `bench-display-${i}`, role: 'display', name: `d${i}`, counterId: null }, 0),
    );
    const clerks = Array.from({ length: clerkCount }, (_, i) => {
      const counterId = `${h}-c-b${i}`,
        terminalId = `${h}-t-b${i}`,
        staffId = `${h}-u-b${i}`;
      hub.store.upsert(
        'staff',
        { id: staffId, hall_id: h, login: `b${i}`, name: `b${i}`, role: 'clerk', department_id: null, disabled_at: null },
        { password_hash: 'x' },
      );
      const token = createTerminal(hub.store, h, { id: terminalId, role: 'clerk', name: terminalId, counterId: null }, 0);
      hub.store.upsert('counters', {
        id: counterId,
        hall_id: h,
        number: 100 + i,
        name: `${100 + i}号窗口`,
        zone: 'bench',
        state: 'open',
        staff_id: staffId,
        terminal_id: terminalId,
        pause_reason: null,
        state_since: Date.now(),
        last_seen_at: Date.now(),
        profile: 'ordered',
        priority_streak: 0,
      });
      hub.store.upsert('counter_services', {
        id: `${counterId}-A`,
        hall_id: h,
        counter_id: counterId,
        service_id: `${h}-s-A`,
        position: 0,
      });
      return { counterId, token };
    });
    // Waiting tickets straight into the database, as the ten years are written (no feed rows: terminals subscribe after).
    const insert = hub.db
      .prepare(`INSERT INTO tickets (id, hall_id, day, service_id, seq, number, issued_service_id, priority, status, queue_key, issued_at)
      VALUES (@id, @h, @day, @service, @seq, @number, @service, 'normal', 'waiting', @at, @at)`);
    const first = (
      hub.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM tickets WHERE issued_service_id = ? AND day = ?').get(`${h}-s-A`, day) as {
        n: number;
      }
    ).n;
    for (let seq = first + 1; seq <= first + waiting; seq++) {
      insert.run({ id: `${h}-${day}-A-${seq}`, h, day, service: `${h}-s-A`, seq, number: ticketNumber('A', seq), at: Date.now() + seq });
    }
    const rater =
      evaluator && clerks[0]
        ? createTerminal(hub.store, h, { id: 'bench-evaluator', role: 'evaluator', name: 'bench', counterId: clerks[0].counterId }, 0)
        : null;
    return { manager, kiosk, displays, clerks, evaluator: rater };
  }).result;
  await hub.close();
  return { dataDir, ...hallTokens };
}

async function subscribe(s: Socket): Promise<void> {
  await s.emitWithAck('subscribe', { since: 1e12 }); // a cursor from the future: one snapshot, then live
}

async function main() {
  const started = nowMs();
  // npm run bench -- --only=region: the regional server's section alone (its own PostgreSQL, simulated halls).
  if (process.argv.includes('--only=region')) {
    console.log(`BENCH ${JSON.stringify(await benchRegion((m) => console.log(m)))}`);
    return;
  }
  // npm run bench -- --only=backup: the ten-year hall written, then calls quiet and during its backup (minutes, not the whole bench).
  if (process.argv.includes('--only=backup')) {
    const tenYearsDir = path.join(work, 'ten-years');
    await tenYearHall(tenYearsDir, (m) => console.log(m));
    console.log(`BENCH ${JSON.stringify(backupFigures(await callsOnTenYears(tenYearsDir, { reports: false, backup: true })))}`);
    return;
  }
  // npm run bench -- --only=clerks: the 1,000-counter hall's concurrent clerks alone (a few minutes).
  if (process.argv.includes('--only=clerks')) {
    const hall = await prepareHub(path.join(work, 'queue-hub'), SUBSCRIBERS + 1, CLERK_STEPS.at(-1)!);
    const { child, port: hubPort } = await spawnNode([HUB, '--data', hall.dataDir, '--port', '0', ...CAPACITY]);
    const hubUrl = `http://127.0.0.1:${hubPort}`;
    const listeners = await Promise.all(hall.displays.slice(0, SUBSCRIBERS).map((t) => connect(hubUrl, t)));
    await Promise.all(listeners.map(subscribe));
    console.log(`BENCH ${JSON.stringify({ clerks_at_p99_20ms: await clerksAtP99(hubUrl, hall.clerks, hall.kiosk) })}`);
    // Stopped, not killed: a hub run with BENCH_HUB_PROF writes its CPU profile as it exits.
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    return;
  }
  const floor = await floors();
  const floorP50 = floor.ack.p50 + floor.commit.p50 + floor.broadcast.p50;
  const floorP99 = floor.ack.p99 + floor.commit.p99 + floor.broadcast.p99;
  const rating = await ratingBench(path.join(work, 'rating-hub'));
  const ratingFigures = {
    rating_p50_ms: round(rating.p50),
    rating_p99_ms: round(rating.p99),
    rating_p50_ratio: round(rating.p50 / floorP50, 2),
    rating_p99_ratio: round(rating.p99 / floorP99, 2),
  };
  console.log(
    `rating round trip (the evaluator submits) with ${SUBSCRIBERS} subscribers: ${ratingFigures.rating_p50_ms}/${ratingFigures.rating_p99_ms} ms → ratio ${ratingFigures.rating_p99_ratio} (p99) to the floor (ack + commit + broadcast, p99 ${round(floorP99)} ms); target ≤ 2`,
  );
  // npm run bench -- --only=rating: the floors and this section alone (a minute, not the whole bench).
  if (process.argv.includes('--only=rating')) {
    const floorFigures = { floor_p50_ms: round(floorP50), floor_p99_ms: round(floorP99), floor_ack_p99_ms: round(floor.ack.p99) };
    console.log(`BENCH ${JSON.stringify({ ...floorFigures, ...ratingFigures })}`);
    return;
  }
  // The demo hall with 200 display terminals, for the hub's own figures.
  const { dataDir, manager, displays } = await prepareHub(path.join(work, 'hub'), 200, 0);
  const { child: hubChild, port } = await spawnNode([HUB, '--data', dataDir, '--port', '0', ...CAPACITY]);
  let url = `http://127.0.0.1:${port}`;

  const commander = await connect(url, manager);
  await commander.emitWithAck('command', {
    opId: randomUUID(),
    type: 'session.signIn',
    payload: { login: 'manager', password: 'demo1234' },
  });
  const listeners = await Promise.all(displays.slice(0, SUBSCRIBERS).map((t) => connect(url, t)));
  await Promise.all(listeners.map(subscribe));
  const command = (text: string) => commander.emitWithAck('command', { opId: randomUUID(), type: 'hall.setNotice', payload: { text } });

  const rtt = summarize(
    await timeLoop(SAMPLES, async (i) => {
      const a = await command(`通知 ${i}`);
      if (!a.ok) throw new Error(JSON.stringify(a));
    }),
  );
  const delivered = summarize(
    await timeLoop(500, async (i) => {
      const text = `送达 ${i}`;
      const all = allReceive(listeners, 'feed', (m) =>
        (m as { entries: { row: { notice?: string } | null }[] }).entries.some((e) => e.row?.notice === text),
      );
      await command(text);
      await all;
    }),
  );

  // Sustained throughput: 8 pipelined senders for 3 s, each waiting for its own ack.
  const senders = await Promise.all(Array.from({ length: 8 }, () => connect(url, manager)));
  let done = 0;
  const until = nowMs() + 3000;
  await Promise.all(
    senders.map(async (s) => {
      while (nowMs() < until) {
        await s.emitWithAck('command', { opId: randomUUID(), type: 'hall.setNotice', payload: { text: `t${done}` } });
        done++;
      }
    }),
  );
  const commandsPerSecond = Math.round(done / 3);

  // Catch-up: a terminal agent away while 20,000 changes happen.
  const agentDir = path.join(work, 'agent');
  const agent = new TerminalAgent({ hubUrl: url, token: displays[SUBSCRIBERS]!, dataDir: agentDir }).start();
  await waitFor(() => agent.connection.status === 'connected');
  await agent.close();
  for (let sent = 0; sent < 20_000;) {
    await Promise.all(
      senders.map((s) => s.emitWithAck('command', { opId: randomUUID(), type: 'hall.setNotice', payload: { text: `c${sent}` } })),
    );
    sent += senders.length;
  }
  const health = await managerHealth(url, manager);
  const t0 = nowMs();
  const back = new TerminalAgent({ hubUrl: url, token: displays[SUBSCRIBERS]!, dataDir: agentDir }).start();
  await waitFor(() => back.replica.cursor().seq >= health.seq);
  const catchupMs = nowMs() - t0;
  const catchupMode = back.connection.synced?.mode;
  await back.close();

  // Memory with 200 terminals connected and subscribed.
  const more = await Promise.all(displays.slice(SUBSCRIBERS + 1, 200).map((t) => connect(url, t)));
  await Promise.all(more.map(subscribe));
  const connected = await managerHealth(url, manager);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${hubChild.pid}/status`, 'utf8'))![1]);

  for (const s of [...more, ...listeners, commander, ...senders]) s.close();
  hubChild.kill('SIGTERM');

  // The queue figures, on a hall grown to 1,000 open counters serving one service.
  const queueHall = await prepareHub(path.join(work, 'queue-hub'), SUBSCRIBERS + 1, CLERK_STEPS.at(-1)!);
  const { kiosk, clerks } = queueHall;
  url = `http://127.0.0.1:${(await spawnNode([HUB, '--data', queueHall.dataDir, '--port', '0', ...CAPACITY])).port}`;
  const queueListeners = await Promise.all(queueHall.displays.slice(0, SUBSCRIBERS).map((t) => connect(url, t)));
  await Promise.all(queueListeners.map(subscribe));

  // Queue: call-next round trip with 100 subscribed terminals.
  const kioskSocket = await connect(url, kiosk);
  const clerk0 = await connect(url, clerks[0]!.token);
  for (let i = 0; i < 50; i++) await issueA(kioskSocket);
  const call = summarize(await callRoundTrips(clerk0, clerks[0]!.counterId, 1000, () => issueA(kioskSocket)));

  const display = await callToDisplay(url, queueHall.displays.at(-1)!, async (i) => {
    await issueA(kioskSocket);
    const t0 = Date.now();
    const a = await clerkCommand(clerk0, 'ticket.callNext', clerks[0]!.counterId);
    if (!a.ok) throw new Error(JSON.stringify(a));
    await clerkCommand(clerk0, 'ticket.start', clerks[0]!.counterId);
    await clerkCommand(clerk0, 'ticket.finish', clerks[0]!.counterId);
    return { t0, number: (a.result as { ticket: { number: string } }).ticket.number, i };
  });
  for (const l of queueListeners) l.close();

  const clerksAt20 = await clerksAtP99(url, clerks, kiosk);

  console.log('ten years of a large hall (2,000,000 cases, 5,000,000 tickets):');
  const tenYearsDir = path.join(work, 'ten-years');
  const tenYears = await benchTenYears((m) => console.log(m), tenYearsDir);
  const onTenYears = await callsOnTenYears(tenYearsDir, { reports: true, backup: true });
  const reports = onTenYears.reports!;
  const signIns = await callsDuringSignInFlood(path.join(work, 'sign-ins'));

  const result = {
    floor_ack_p50_ms: round(floor.ack.p50),
    floor_ack_p99_ms: round(floor.ack.p99),
    floor_commit_full_p50_ms: round(floor.commit.p50),
    floor_commit_full_p99_ms: round(floor.commit.p99),
    floor_broadcast100_p50_ms: round(floor.broadcast.p50),
    floor_broadcast100_p99_ms: round(floor.broadcast.p99),
    command_p50_ms: round(rtt.p50),
    command_p99_ms: round(rtt.p99),
    command_p50_ratio: round(rtt.p50 / floorP50, 2),
    command_p99_ratio: round(rtt.p99 / floorP99, 2),
    command_delivered100_p50_ms: round(delivered.p50),
    command_delivered100_p99_ms: round(delivered.p99),
    commands_per_s: commandsPerSecond,
    catchup_20k_ms: Math.round(catchupMs),
    catchup_mode: catchupMode,
    hub_rss_mb: Math.round(rssKb / 1024),
    terminals_connected: Object.values(connected.terminals).reduce((a, b) => a + b, 0),
    call_p50_ms: round(call.p50),
    call_p99_ms: round(call.p99),
    call_p50_ratio: round(call.p50 / floorP50, 2),
    call_p99_ratio: round(call.p99 / floorP99, 2),
    ...ratingFigures,
    call_to_display_p50_ms: display.p50,
    call_to_display_p95_ms: display.p95,
    display_bundle_gzip_kb: gzipKb(display.loaded),
    clerks_at_p99_20ms: clerksAt20,
    clerk_cycle_s: CLERK_CYCLE_MS / 1000,
    ...tenYears,
    call_p99_during_reports_ms: round(reports.during.p99),
    // Against the same hall's quiet p99, as the backup's ratio: the same line of waiting tickets.
    call_p99_during_reports_ratio: round(reports.during.p99 / onTenYears.quiet.p99, 2),
    reports_during_calls: reports.count,
    ...backupFigures(onTenYears),
    call_p99_during_signin_flood_ms: round(signIns.during.p99),
    signins_during_calls: signIns.signIns,
    // Issue and call-next in process on halls with 500, 2,000 and 8,000 waiting (tests/bench/queueCost.ts).
    ...(await queueCostFigures((m) => console.log(m))),
    ...(await voiceLag()),
    ...(await benchRegion((m) => console.log(m))),
    bench_s: Math.round((nowMs() - started) / 1000),
  };
  console.log(
    `floors: ack ${result.floor_ack_p50_ms}/${result.floor_ack_p99_ms} ms, commit(FULL) ${result.floor_commit_full_p50_ms}/${result.floor_commit_full_p99_ms} ms, broadcast→100 ${result.floor_broadcast100_p50_ms}/${result.floor_broadcast100_p99_ms} ms (p50/p99)`,
  );
  console.log(
    `hub command round trip with ${SUBSCRIBERS} subscribers: ${result.command_p50_ms}/${result.command_p99_ms} ms → ratio ${result.command_p50_ratio} (p50), ${result.command_p99_ratio} (p99); target ≤ 2.0`,
  );
  console.log(
    `command → all ${SUBSCRIBERS} replicas: ${result.command_delivered100_p50_ms}/${result.command_delivered100_p99_ms} ms; sustained ${commandsPerSecond} commands/s`,
  );
  console.log(`catch-up of 20,000 changes: ${result.catchup_20k_ms} ms (${catchupMode}); target ≤ 1000`);
  console.log(`hub RSS with ${result.terminals_connected} terminals: ${result.hub_rss_mb} MB; target ≤ 150`);
  console.log(
    `call-next round trip with ${SUBSCRIBERS} subscribers: ${result.call_p50_ms}/${result.call_p99_ms} ms → ratio ${result.call_p50_ratio} (p50), ${result.call_p99_ratio} (p99)`,
  );
  console.log(
    `call → lobby display DOM in Chromium over 50 calls: p50 ${result.call_to_display_p50_ms} ms, p95 ${result.call_to_display_p95_ms} ms; target p95 ≤ 150`,
  );
  console.log(`display route loads: ${result.display_bundle_gzip_kb} KB gzip (page, scripts, styles); target ≤ 100`);
  console.log(
    `concurrent clerks (one call+start+finish each ${CLERK_CYCLE_MS / 1000} s) with call p99 ≤ 20 ms: ${clerksAt20}; target ≥ 500`,
  );
  console.log(
    `ten years: hub start ${result.hub_start_10y_ms} ms (≤ 2000), supervision list ${result.supervision_10y_ms} ms (≤ 50; ${result.signals_10y} signals among ${result.running_cases_10y} running), today's dashboard ${result.today_10y_ms} ms (≤ 20), one-year report ${result.report_year_10y_ms} ms (≤ 1000), one-year KPI report by clerk, counter, service or department ${result.report_kpi_year_10y_ms} ms (≤ 200)`,
  );
  console.log(
    `call-next p99 on the ten-year hall with ${SUBSCRIBERS} subscribers: ${result.call_p99_10y_quiet_ms} ms quiet, ${result.call_p99_during_reports_ms} ms while ${result.reports_during_calls} one-year reports ran → ${result.call_p99_during_reports_ratio} × the quiet call p99; target ≤ 2`,
  );
  console.log(
    `call-next p99 while the manager terminal's 8 sockets signed in over and over (${result.signins_during_calls} scrypt checks off the event loop): ${result.call_p99_during_signin_flood_ms} ms`,
  );
  console.log(
    `issue p50 with 8,000 waiting ${result.issue_p50_ms_8000_waiting} ms, with 500 ${result.issue_p50_ms_500_waiting} ms → ratio ${result.issue_cost_ratio_8000_vs_500} (target ≤ 2); call-next ${result.call_cost_ratio_8000_vs_500}`,
  );
  console.log(
    `lobby voice, 16 calls within 10 s: the 16th said ${result.voice_lag_16_calls_s} s after its call (target ≤ 20), ${result.voice_skipped_16_calls} older calls left to the screen`,
  );
  console.log(`BENCH ${JSON.stringify(result)}`);
}

/**
 * The lobby voice at opening: 16 counters calling within 10 s, run through the display's own
 * Announcer and plan on a simulated clock, each utterance lasting its text-based estimate (about 4
 * syllables a second; no speech engine on the bench machine). The lag is from the 16th call to
 * the end of its words; null if it was not said.
 */
async function voiceLag() {
  const { outcomes } = await simulateVoice(openingRush(), {
    repeat: defaultQueueSettings.announceRepeat,
    maxLagMs: defaultQueueSettings.announceMaxLagSeconds * 1000,
  });
  const last = outcomes.find((o) => o.number === openingRush().at(-1)!.number);
  return {
    voice_lag_16_calls_s: last?.outcome === 'spoken' ? round(last.lagMs / 1000, 1) : null,
    voice_skipped_16_calls: outcomes.filter((o) => o.outcome === 'skipped').length,
  };
}

const issueA = (kiosk: Socket) =>
  kiosk.emitWithAck('command', {
    opId: randomUUID(),
    type: 'ticket.issue',
    payload: { serviceId: 'H3301-s-A', priority: 'normal', confirm: null },
  });
const clerkCommand = (s: Socket, type: string, counterId: string) =>
  s.emitWithAck('command', {
    opId: randomUUID(),
    type,
    payload: type === 'ticket.finish' ? { counterId, handledServiceIds: ['H3301-s-A'] } : { counterId },
  });

/** The rating round trip on a hall of its own: one clerk's counter with its evaluator, 100 displays subscribed. */
async function ratingBench(dataDir: string) {
  const hall = await prepareHub(dataDir, SUBSCRIBERS, 1, 0, true);
  const { child, port } = await spawnNode([HUB, '--data', dataDir, '--port', '0', ...CAPACITY]);
  const url = `http://127.0.0.1:${port}`;
  const listeners = await Promise.all(hall.displays.map((t) => connect(url, t)));
  await Promise.all(listeners.map(subscribe));
  const sockets = {
    kiosk: await connect(url, hall.kiosk),
    clerk: await connect(url, hall.clerks[0]!.token),
    evaluator: await connect(url, hall.evaluator!),
  };
  const samples = await ratingRoundTrips(sockets, hall.clerks[0]!.counterId, 1000);
  for (const s of [...listeners, ...Object.values(sockets)]) s.close();
  child.kill('SIGTERM');
  return summarize(samples);
}

/**
 * One clerk's call-next round trips (ms), after a warm-up: each call follows `feed` (an issue, or
 * nothing where the queue was filled beforehand) and is followed by start and finish.
 */
async function callRoundTrips(clerk: Socket, counterId: string, n: number, feed: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  await timeLoop(n, async (i) => {
    await feed();
    const dt = await callCycle(clerk, counterId);
    if (i >= 0) samples.push(dt); // not the warm-up
  });
  return samples;
}

/** One call-next (its round trip in ms, returned), then start and finish of the ticket called. */
async function callCycle(clerk: Socket, counterId: string): Promise<number> {
  const t0 = nowMs();
  const a = await clerkCommand(clerk, 'ticket.callNext', counterId);
  const dt = nowMs() - t0;
  if (!a.ok) throw new Error(JSON.stringify(a));
  await clerkCommand(clerk, 'ticket.start', counterId);
  await clerkCommand(clerk, 'ticket.finish', counterId);
  return dt;
}

/**
 * Call-next with 100 subscribed terminals on the ten-year hall, quiet, then while a manager asks
 * for one-year reports over and over (the time-limit report and the KPI reports in turn; they run
 * in the hub's query worker, off the event loop), then while the administrator backs the hall up
 * from the board (SQLite's online backup, the copy checked and written by the hub: see
 * main/hub/backup), each load when asked for. The
 * queue is filled beforehand, straight into the database like the ten years (issuing is measured
 * apart: queueCost.ts).
 */
async function callsOnTenYears(dataDir: string, loads: { reports: boolean; backup: boolean }) {
  const CALLS = 500;
  /**
   * Calls made while the backup runs stop here (the backup goes on); the queue holds this many for
   * it. Kept near the other phases' own: call-next grows with the waiting line (30,000 waiting made
   * the quiet p99 88 ms in session 6's run, against 7 ms with 1,400), and every phase shares the line.
   */
  const BACKUP_CALLS = 1_500;
  const waiting = (CALLS + Math.min(200, CALLS)) * (loads.reports ? 2 : 1) + (loads.backup ? BACKUP_CALLS : 0);
  const hall = await prepareHub(dataDir, SUBSCRIBERS, 1, waiting);
  const backupDir = path.join(work, 'backups-10y');
  const backupArgs = loads.backup ? ['--backup-to', backupDir] : [];
  const { child, port } = await spawnNode([HUB, '--data', dataDir, '--port', '0', ...CAPACITY, ...backupArgs]);
  const url = `http://127.0.0.1:${port}`;
  const manager = await connect(url, hall.manager);
  // The administrator: the reports are a manager's, the backup button is the administrator's alone.
  await manager.emitWithAck('command', { opId: randomUUID(), type: 'session.signIn', payload: { login: 'admin', password: 'demo1234' } });
  // Live from now: what is measured is the call with 100 terminals to tell, not ten years of snapshots.
  const { seq } = await managerHealth(url, hall.manager);
  const listeners = await Promise.all(hall.displays.map((t) => connect(url, t)));
  await Promise.all(listeners.map((s) => s.emitWithAck('subscribe', { since: seq })));
  const clerk = await connect(url, hall.clerks[0]!.token);
  const counterId = hall.clerks[0]!.counterId;
  const filled = () => Promise.resolve();
  const quiet = summarize(await callRoundTrips(clerk, counterId, CALLS, filled));
  const ask = async <T>(name: string, params: unknown): Promise<T> => {
    const a = await manager.emitWithAck('query', { name, params });
    if (!a.ok) throw new Error(JSON.stringify(a));
    return a.result as T;
  };

  let reports: { during: ReturnType<typeof summarize>; count: number } | null = null;
  if (loads.reports) {
    const lastYear = new Date().getUTCFullYear() - 1;
    let reporting = true;
    let count = 0;
    // The time-limit report and the one-year KPI reports by clerk, counter, service and department, in turn.
    const year = { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` };
    const asks = [
      { name: 'cases.report', params: year },
      ...['staff', 'counter', 'service', 'department'].map((dimension) => ({
        name: 'reports.kpi',
        params: { report: 'queue', dimension, bucket: 'total', ...year },
      })),
    ];
    const loop = (async () => {
      while (reporting) {
        const { name, params } = asks[count % asks.length]!;
        await ask(name, params);
        count++;
      }
    })();
    await waitFor(() => count > 0); // the worker is up and the report under way again
    const during = summarize(await callRoundTrips(clerk, counterId, CALLS, filled));
    reporting = false;
    await loop;
    reports = { during, count };
  }

  let backup: { during: ReturnType<typeof summarize>; calls: number; seconds: number; bytes: number } | null = null;
  if (loads.backup) {
    type Status = { running: unknown; failure: { message: string } | null; recent: { bytes: number; takenAt: number }[] };
    const t0 = nowMs();
    const asked = Date.now();
    const run = await manager.emitWithAck('command', { opId: randomUUID(), type: 'backup.run', payload: {} });
    if (!run.ok) throw new Error(JSON.stringify(run));
    // The board's view of it, asked as the board asks: under way until `running` clears.
    let status = await ask<Status>('backup.status', {});
    const watch = (async () => {
      while (status.running) {
        await new Promise((r) => setTimeout(r, 250));
        status = await ask<Status>('backup.status', {});
      }
    })();
    const samples: number[] = [];
    while (status.running && samples.length < BACKUP_CALLS) samples.push(await callCycle(clerk, counterId));
    await watch;
    const seconds = (nowMs() - t0) / 1000;
    const taken = status.recent[0];
    if (status.failure || !taken || taken.takenAt < asked) throw new Error(`bench: the backup failed: ${JSON.stringify(status.failure)}`);
    if (samples.length >= BACKUP_CALLS) console.log(`  (the backup outlasted ${BACKUP_CALLS} calls: the rest of it ran without calls)`);
    backup = { during: summarize(samples), calls: samples.length, seconds, bytes: taken.bytes };
  }
  for (const s of [manager, clerk, ...listeners]) s.close();
  child.kill('SIGTERM');
  return { quiet, reports, backup };
}

/** The backup figures of callsOnTenYears, and their line. */
function backupFigures(calls: Awaited<ReturnType<typeof callsOnTenYears>>) {
  const b = calls.backup!;
  const figures = {
    backup_10y_s: round(b.seconds, 1),
    backup_10y_mb: Math.round(b.bytes / 1024 / 1024),
    call_p99_10y_quiet_ms: round(calls.quiet.p99),
    call_p99_during_backup_ms: round(b.during.p99),
    call_p99_during_backup_ratio: round(b.during.p99 / calls.quiet.p99, 2),
    calls_during_backup: b.calls,
  };
  console.log(
    `backup of the ten-year hall from the board: ${figures.backup_10y_s} s (${figures.backup_10y_mb} MB written, copied, checked: integrity and audit chain); call-next p99 ${figures.call_p99_during_backup_ms} ms over ${figures.calls_during_backup} calls during it, ${figures.call_p99_10y_quiet_ms} ms quiet → ${figures.call_p99_during_backup_ratio} × quiet; target ≤ 2`,
  );
  return figures;
}

/**
 * Call-next while the manager terminal signs in over and over from 8 sockets, each sign-in a
 * scrypt check (~35 ms of CPU) that the hub runs in the thread pool, off the event loop. The hub
 * runs without limits: this is the flood spread over many terminals that each stay within theirs.
 */
async function callsDuringSignInFlood(dataDir: string) {
  const hall = await prepareHub(dataDir, 0, 1);
  const { child, port } = await spawnNode([HUB, '--data', dataDir, '--port', '0', ...CAPACITY]);
  const url = `http://127.0.0.1:${port}`;
  const kiosk = await connect(url, hall.kiosk);
  const clerk = await connect(url, hall.clerks[0]!.token);
  const flood = await signInFlood(url, hall.manager, { sockets: 8, logins: ['manager', 'admin'], password: 'demo1234' });
  const during = summarize(await callRoundTrips(clerk, hall.clerks[0]!.counterId, 500, () => issueA(kiosk)));
  const outcomes = await flood.stop();
  for (const s of [kiosk, clerk]) s.close();
  child.kill('SIGTERM');
  return { during, signIns: outcomes.ok ?? 0 };
}

/**
 * Opens the lobby display in Chromium and times each call from the moment the clerk's command is
 * sent until the display's DOM shows the number (both sides read the same system clock). Also
 * returns the files the display route loaded (the page, its scripts and styles).
 */
async function callToDisplay(url: string, token: string, makeCall: (i: number) => Promise<{ t0: number; number: string; i: number }>) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS] });
  try {
    // In Chinese, as a hall's lobby display shows (a terminal's language is zh-CN unless set):
    // the English words are a chunk of their own, loaded only for a page shown in English.
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' })).newPage();
    const loaded = new Set<string>(['index.html']);
    page.on('request', (r) => {
      const file = new URL(r.url()).pathname.slice(1);
      if (/^assets\/.+\.(js|css)$/.test(file)) loaded.add(file);
    });
    await page.goto(`${url}/#/display?token=${token}`);
    await page.waitForSelector('.latest');
    await page.evaluate(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __shown: Record<string, number> }).__shown = seen;
      new MutationObserver(() => {
        const n = document.querySelector('.latest-number')?.textContent;
        if (n && !(n in seen)) seen[n] = Date.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const latencies: number[] = [];
    for (let i = 0; i < 50; i++) {
      const { t0, number } = await makeCall(i);
      const shown = await page.waitForFunction((n) => (window as unknown as { __shown: Record<string, number> }).__shown[n], number, {
        timeout: 5000,
      });
      latencies.push(((await shown.jsonValue()) as number) - t0);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), loaded: [...loaded] };
  } finally {
    await browser.close();
  }
}

/** What a route loaded, as the files the hub serves from dist/renderer, gzipped. */
function gzipKb(files: readonly string[]): number {
  const dir = path.resolve('dist/renderer');
  const bytes = files.reduce((n, f) => n + gzipSync(readFileSync(path.join(dir, f))).length, 0);
  return Math.round(bytes / 1024);
}

/** The most clerks (of CLERK_STEPS) working at once whose calls keep a p99 of 20 ms. */
async function clerksAtP99(url: string, clerks: { counterId: string; token: string }[], kiosk: string): Promise<number> {
  const steps: { clerks: number; p99: number }[] = [];
  for (const n of CLERK_STEPS) {
    const step = await concurrentClerks(url, clerks.slice(0, n), kiosk);
    steps.push({ clerks: n, p99: step.p99 });
    console.log(`  ${n} clerks: call p50 ${round(step.p50)} ms, p99 ${round(step.p99)} ms over ${step.calls} calls`);
    if (step.p99 > 20) break;
  }
  return Math.max(0, ...steps.filter((x) => x.p99 <= 20).map((x) => x.clerks));
}

/**
 * `clerks` counters working at once, each calling, starting and finishing one ticket per cycle
 * (cycles spread evenly), while a kiosk keeps the queue fed; returns the call round trip.
 */
async function concurrentClerks(url: string, clerks: { counterId: string; token: string }[], kioskToken: string) {
  const kiosk = await connect(url, kioskToken);
  const sockets = await Promise.all(clerks.map((c) => connect(url, c.token)));
  const samples: number[] = [];
  const end = nowMs() + 2 * CLERK_CYCLE_MS;
  await Promise.all(
    sockets.map(async (s, i) => {
      const counterId = clerks[i]!.counterId;
      await new Promise((r) => setTimeout(r, (i / sockets.length) * CLERK_CYCLE_MS));
      while (nowMs() < end) {
        const cycleStart = nowMs();
        await issueA(kiosk);
        const t0 = nowMs();
        const a = await clerkCommand(s, 'ticket.callNext', counterId);
        samples.push(nowMs() - t0);
        if (a.ok) {
          await clerkCommand(s, 'ticket.start', counterId);
          await clerkCommand(s, 'ticket.finish', counterId);
        }
        await new Promise((r) => setTimeout(r, Math.max(0, CLERK_CYCLE_MS - (nowMs() - cycleStart))));
      }
    }),
  );
  for (const s of [kiosk, ...sockets]) s.close();
  const { p50, p99 } = summarize(samples);
  return { p50, p99, calls: samples.length };
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
