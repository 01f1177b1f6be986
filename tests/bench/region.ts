import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { regionReport } from '../../main/region/reports';
import { REGION_REPORT_KINDS } from '../../shared/region/reports';
import { RegionStore } from '../../main/region/store';
import type { FeedEntry } from '../../shared/protocol/feed';
import { startPostgres } from '../support/pgCluster';
import { percentile, round } from './stats';

/**
 * The regional server's bench (npm run bench -- --only=region). The region runs as it ships, its
 * own process (main/region/cli.ts) on a throwaway PostgreSQL; the halls are simulated here: 100
 * socket.io servers speaking the hub's feed protocol to a `region` terminal (welcome, subscribe with
 * its backlog in chunks of 1,000 as the hub sends it, then live batches), each streaming a busy
 * day — tickets issued, called, started and finished, each step a ticket row and its event — with
 * the day compressed into DAY_S seconds. Lag is from a batch's emission here to its changes'
 * landing (hall_changes.received_at, the landing transaction's time). Then one hall that was
 * offline all day comes back with 50,000 changes; then ten years of daily report rows for the 100
 * halls, made in PostgreSQL with generate_series, and a one-year report over them timed.
 */
const HALLS = 100;
/** A busy hall's day: this many tickets, each in four steps of two changes. */
const TICKETS = 600;
const DAY_S = 60;
const TICK_MS = 250;
/** Seconds of live load after the day, for the lag. */
const LIVE_S = 20;
const CATCHUP = 50_000;
const CHUNK = 1000;

const wall = () => performance.timeOrigin + performance.now();

/** One simulated hall hub: its feed so far, and the region's socket once it has subscribed. */
class SimHall {
  readonly entries: FeedEntry[] = [];
  /** Each live batch's last seq and when it was emitted. */
  readonly emitted: { seq: number; at: number }[] = [];
  subscribedAt: number | null = null;
  private socket: Socket | null = null;
  private readonly http: HttpServer = createServer();

  constructor(readonly hallId: string) {
    const io = new Server(this.http, { transports: ['websocket'] });
    io.on('connection', (socket) => {
      socket.emit('welcome', {
        hallId,
        hallName: hallId,
        epoch: 'bench',
        terminalId: `${hallId}-t-region`,
        role: 'region',
        counterId: null,
        zone: '',
        serverTime: Date.now(),
        tlsFingerprint: null,
      });
      socket.on('subscribe', (req: { since: number }, ack: (a: unknown) => void) => {
        this.subscribedAt = wall();
        for (let i = req.since; i < this.entries.length; i += CHUNK) {
          const chunk = this.entries.slice(i, i + CHUNK);
          socket.emit('feed', { from: i + 1, to: i + chunk.length, entries: chunk });
        }
        this.socket = socket;
        ack({ ok: true, mode: 'backlog', seq: this.entries.length });
      });
      socket.on('disconnect', () => (this.socket = null));
    });
  }

  listen(port = 0): Promise<number> {
    return new Promise((resolve) => this.http.listen(port, '127.0.0.1', () => resolve((this.http.address() as AddressInfo).port)));
  }

  close(): Promise<void> {
    this.socket?.disconnect(true);
    return new Promise((resolve) => this.http.close(() => resolve()));
  }

  get seq(): number {
    return this.entries.length;
  }

  /** Step `step` (0 issue, 1 call, 2 start, 3 finish) of ticket `k`: its row and its event. */
  step(k: number, step: number, at: number): FeedEntry[] {
    const id = `${this.hallId}-tk-${k}`;
    const status = ['waiting', 'called', 'serving', 'finished'][step]!;
    const ticket = {
      id,
      hall_id: this.hallId,
      day: '2026-11-25',
      service_id: `${this.hallId}-s-${'ABCD'[k % 4]}`,
      number: `${'ABCD'[k % 4]}${String(k).padStart(3, '0')}`,
      status,
      priority: 'normal',
      issued_at: at,
      called_at: step >= 1 ? at : null,
      started_at: step >= 2 ? at : null,
      finished_at: step >= 3 ? at : null,
      counter_id: step >= 1 ? `${this.hallId}-c-0${(k % 9) + 1}` : null,
      staff_id: step >= 1 ? `${this.hallId}-u-${(k % 9) + 1}` : null,
      recalls: 0,
    };
    const event = {
      id: `${id}-${step + 1}`,
      hall_id: this.hallId,
      ticket_id: id,
      type: ['issue', 'call', 'start', 'finish'][step]!,
      counter_id: ticket.counter_id,
      staff_id: ticket.staff_id,
      at,
      detail: null,
    };
    const base = this.entries.length;
    const made: FeedEntry[] = [
      { seq: base + 1, table: 'tickets', op: 'upsert', id, row: ticket },
      { seq: base + 2, table: 'ticket_events', op: 'upsert', id: event.id, row: event },
    ];
    this.entries.push(...made);
    return made;
  }

  /** Sends the entries made since `from` as one live batch, if the region listens. */
  flush(from: number): void {
    if (!this.socket || from >= this.entries.length) return;
    this.socket.emit('feed', { from: from + 1, to: this.entries.length, entries: this.entries.slice(from) });
    this.emitted.push({ seq: this.entries.length, at: wall() });
  }
}

function spawnRegion(pgUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/region/cli.ts', '--pg', pgUrl, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/region listening on/.test(out)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`region exited ${code}: ${out}`)));
  });
}

const kb = (pid: number, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

async function until(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`region bench: ${what} not reached in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Each live batch's lag (from its emission here to its landing), of each hall's batches from the
 * index `fromEach` gives it (all when none), sorted; and when the last of them landed.
 */
async function lagsOf(store: RegionStore, halls: readonly SimHall[], fromEach?: readonly number[]) {
  const batches = halls.flatMap((h, i) => h.emitted.slice(fromEach?.[i] ?? 0).map((e) => ({ hallId: h.hallId, ...e })));
  const { rows } = await store.pool.query<{ hall_id: string; seq: string; at: number }>(
    `SELECT c.hall_id, c.seq, extract(epoch FROM c.received_at) * 1000 AS at
     FROM hall_changes c JOIN unnest($1::text[], $2::bigint[]) AS b (hall_id, seq) ON b.hall_id = c.hall_id AND b.seq = c.seq`,
    [batches.map((b) => b.hallId), batches.map((b) => b.seq)],
  );
  const landedAt = new Map(rows.map((r) => [`${r.hall_id}/${r.seq}`, Number(r.at)]));
  const lags = batches.map((b) => landedAt.get(`${b.hallId}/${b.seq}`)! - b.at).sort((a, b) => a - b);
  if (lags.some((l) => Number.isNaN(l))) throw new Error('region bench: a batch did not land');
  return { lags, lastLanded: Math.max(...rows.map((r) => Number(r.at))) };
}

export async function benchRegion(log: (m: string) => void): Promise<Record<string, number>> {
  const db = await startPostgres();
  const store = RegionStore.connect(db.url);
  const halls = Array.from({ length: HALLS }, (_, i) => new SimHall(`B${String(i + 1).padStart(3, '0')}`));
  const late = new SimHall('B-LATE');
  let region: ChildProcess | null = null;
  try {
    await store.migrate();
    await store.pool.query("INSERT INTO region_nodes (id, parent_id, level, name) VALUES ('city', NULL, 'city', '示范市')");
    for (const h of halls) {
      const port = await h.listen();
      await store.addHall({ hallId: h.hallId, name: h.hallId, hubUrl: `http://127.0.0.1:${port}`, token: 'bench-token' });
    }
    // The late hall's port is kept for it; nothing listens there until it comes back.
    const latePort = await late.listen();
    await late.close();
    await store.addHall({ hallId: late.hallId, name: late.hallId, hubUrl: `http://127.0.0.1:${latePort}`, token: 'bench-token' });
    await store.pool.query("UPDATE region_halls SET node_id = 'city'");
    region = await spawnRegion(db.url);
    const pid = region.pid!;
    await until(async () => halls.every((h) => h.subscribedAt !== null), 'every hall subscribed', 60_000);

    // The busy day, compressed: every tick each hall takes the steps due by then and sends them as one batch.
    const steps = TICKETS * 4;
    const ticks = (DAY_S * 1000) / TICK_MS;
    const t0 = wall();
    for (let tick = 1; tick <= ticks; tick++) {
      for (const h of halls) {
        const from = h.seq;
        const due = Math.floor((steps * tick) / ticks);
        for (let s = from / 2; s < due; s++) h.step(Math.floor(s / 4), s % 4, Date.now());
        h.flush(from);
      }
      const wait = t0 + tick * TICK_MS - wall();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const total = halls.reduce((n, h) => n + h.seq, 0);
    const cursors = async () =>
      new Map(
        (await store.pool.query<{ hall_id: string; cursor: string }>('SELECT hall_id, cursor FROM region_halls')).rows.map((r) => [
          r.hall_id,
          Number(r.cursor),
        ]),
      );
    await until(
      async () => {
        const c = await cursors();
        return halls.every((h) => c.get(h.hallId) === h.seq);
      },
      'the day landed',
      300_000,
    );
    const dayLags = await lagsOf(store, halls);
    const rowsPerS = total / ((dayLags.lastLanded - t0) / 1000);
    const rssMb = kb(pid, 'VmHWM') / 1024;
    log(
      `region: ${HALLS} simulated halls streamed a busy day (${TICKETS} tickets, ${TICKETS * 8} changes each, ${total} in all) offered in ${DAY_S} s (${Math.round(total / DAY_S)} changes/s): ${Math.round(rowsPerS)} rows/s landed; lag meanwhile p50 ${round(percentile(dayLags.lags, 50), 1)} ms, p99 ${round(percentile(dayLags.lags, 99), 1)} ms over ${dayLags.lags.length} batches; region peak RSS ${Math.round(rssMb)} MB`,
    );

    // Live, at a busy hall's pace and more: every hall one command (a ticket's step, two changes) a second, for LIVE_S seconds.
    const liveFrom = halls.map((h) => h.emitted.length);
    const t2 = wall();
    for (let second = 0; second < LIVE_S; second++) {
      for (const [i, h] of halls.entries()) {
        const wait = t2 + second * 1000 + (i * 1000) / HALLS - wall();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const from = h.seq;
        h.step(TICKETS + Math.floor(second / 4), second % 4, Date.now());
        h.flush(from);
      }
    }
    await until(
      async () => {
        const c = await cursors();
        return halls.every((h) => c.get(h.hallId) === h.seq);
      },
      'the live seconds landed',
      60_000,
    );
    const live = await lagsOf(store, halls, liveFrom);
    log(
      `region: live, ${HALLS} halls × one command a second for ${LIVE_S} s: lag p50 ${round(percentile(live.lags, 50), 1)} ms, p99 ${round(percentile(live.lags, 99), 1)} ms (target ≤ 1000) over ${live.lags.length} batches`,
    );

    // A hall offline all day comes back with 50,000 changes.
    for (let s = 0; late.seq < CATCHUP; s++) late.step(Math.floor(s / 4), s % 4, Date.now());
    await late.listen(latePort);
    await until(async () => (await cursors()).get(late.hallId) === CATCHUP, 'the late hall caught up', 120_000);
    const { rows: lastRow } = await store.pool.query<{ at: number }>(
      'SELECT extract(epoch FROM received_at) * 1000 AS at FROM hall_changes WHERE hall_id = $1 AND seq = $2',
      [late.hallId, CATCHUP],
    );
    const catchupMs = Number(lastRow[0]!.at) - late.subscribedAt!;
    log(`region: a hall offline for a day caught up ${CATCHUP} changes in ${Math.round(catchupMs)} ms (target ≤ 5000)`);
    const rssAfterMb = kb(pid, 'VmHWM') / 1024;

    // Ten years of daily report rows for the 100 halls, then a one-year report over them.
    const ours =
      "FROM region_halls h CROSS JOIN generate_series('2016-01-01'::date, '2025-12-31'::date, '1 day') AS d WHERE h.hall_id LIKE 'B0%' OR h.hall_id = 'B100'";
    const n = (lo: number, spread: number) => `(${lo} + floor(random() * ${spread}))::bigint`;
    const t1 = wall();
    await store.pool.query(`INSERT INTO region_queue_days SELECT h.hall_id, d,
      ${n(300, 200)}, ${n(0, 10)}, ${n(0, 20)}, ${n(280, 200)}, ${n(1e8, 1e8)}, ${n(200, 80)}, ${n(0, 5)}, ${n(270, 200)},
      ${n(1e6, 1e6)}, ${n(260, 200)}, ${n(1e8, 1e8)}, ${n(2e8, 1e8)}, ${n(1e8, 1e8)} ${ours}`);
    await store.pool.query(`INSERT INTO region_case_days SELECT h.hall_id, d,
      ${n(40, 30)}, ${n(35, 30)}, ${n(30, 30)}, ${n(28, 20)}, ${n(0, 3)}, ${n(0, 10)}, ${n(20, 10)}, ${n(60, 40)}, ${n(200, 100)},
      ${n(300, 100)}, ${n(0, 2)}, ${n(0, 2)} ${ours}`);
    await store.pool.query(`INSERT INTO region_rating_days SELECT h.hall_id, d,
      ${n(260, 200)}, ${n(150, 100)}, ${n(140, 100)}, ${n(0, 5)}, ${n(50, 50)} ${ours}`);
    await store.pool.query(`INSERT INTO region_counter_days SELECT h.hall_id, d,
      ${n(1e8, 1e8)}, ${n(5e7, 5e7)}, ${n(1e6, 1e6)}, ${n(1e6, 1e6)}, ${Array.from({ length: 7 }, () => n(0, 1e5)).join(', ')}, ${n(260, 200)} ${ours}`);
    await store.pool.query(`INSERT INTO region_report_days SELECT h.hall_id, d, 1 ${ours}`);
    await store.pool.query('ANALYZE');
    const rowsMade = (await store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM region_queue_days')).rows[0]!.n;
    log(`region: ${rowsMade} hall days (2016–2025) of each of the 4 reports made in ${Math.round((wall() - t1) / 1000)} s`);
    const who = { login: 'bench', name: 'bench', nodeId: 'city', nodeName: '示范市', level: 'city' as const };
    const timed: Record<string, number> = {};
    for (const kind of REGION_REPORT_KINDS) {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = wall();
        const r = await regionReport(
          store.pool,
          who,
          { kind, from: '2025-01', to: '2025-12', node: 'city' },
          Date.parse('2026-01-01T00:00:00Z'),
        );
        samples.push(wall() - t);
        if (r!.halls.length !== HALLS + 1) throw new Error('region bench: the report missed halls');
      }
      timed[kind] = percentile(
        samples.sort((a, b) => a - b),
        50,
      );
    }
    const reportMs = Math.max(...Object.values(timed));
    log(
      `region: one-year report over ${HALLS} halls × 10 years of days: queue ${round(timed.queue!, 1)} ms, cases ${round(timed.cases!, 1)} ms, 好差评 ${round(timed.ratings!, 1)} ms (median of 5; target ≤ 1000)`,
    );
    return {
      region_halls: HALLS,
      region_rows_per_s: Math.round(rowsPerS),
      region_lag_p50_ms: round(percentile(live.lags, 50), 1),
      region_lag_p99_ms: round(percentile(live.lags, 99), 1),
      region_lag_p99_compressed_day_ms: round(percentile(dayLags.lags, 99), 1),
      region_catchup_50k_ms: Math.round(catchupMs),
      region_rss_mb: Math.round(Math.max(rssMb, rssAfterMb)),
      region_report_year_ms: round(reportMs, 1),
    };
  } finally {
    region?.kill('SIGTERM');
    await Promise.all([...halls, late].map((h) => h.close().catch(() => {})));
    await store.close();
    await db.stop();
  }
}
