import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Server, type Socket } from 'socket.io';
import { systemClock, type Clock } from '../../shared/kernel/clock';
import { CASE_STATUSES } from '../../shared/cases/enums';
import { FINAL } from '../../shared/cases/rules';
import { hallDay, hallDayStart } from '../../shared/queue/rules';
import { ErrorCode } from '../../shared/kernel/errors';
import {
  SubscribeRequest,
  projectRow,
  projections,
  type AnyRow,
  type WireAnswer,
  type QueryAnswer,
  type ClientToServerEvents,
  type FeedBatch,
  type ServerToClientEvents,
  type Snapshot,
  type SubscribeAnswer,
  type TableName,
} from '../../shared/protocol';
import { TerminalRole } from '../../shared/kernel/roles';
import { parseQueueSettings } from '../../shared/queue/settings';
import { hubMigrations } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';
import type { Caller } from './commands/context';
import { hashToken, sameHash, tokenTerminalId } from './credentials';
import { enrollmentEndpoint } from './http/enroll';
import { ensurePackageCalendar } from './features/calendar/calendar';
import { loadAuditKey, verifyAudit, type AuditReport } from './commands/audit';
import { Executor } from './commands/executor';
import { sendJson, staticFiles } from './http/static';
import { DataDirLock } from './lock';
import { DEMO_HALL, seedDemoHall, seedHall, type DemoTerminal, type HallIdentity } from './seed';
import { runQuery } from './features/cases/queries';
import { loadOrCreateTls } from './tls';
import { Store, type StoredEntry } from './store';

export const HUB_VERSION = '0.1.0';

export interface HubOptions {
  dataDir: string;
  port: number;
  host?: string;
  clock?: Clock;
  /** Seed the demo hall when the data dir is new (the standalone default). */
  demo?: boolean;
  /** The hall to create when the data dir is new and `demo` is off. */
  hall?: HallIdentity;
  /** Feed entries kept for catching up; an older cursor gets a snapshot. */
  feedRetention?: number;
  rendererDir?: string;
  log?: (msg: string) => void;
  /** Serve https and wss with the hall's self-signed certificate (made on first start, pinned by terminals). */
  tls?: boolean;
}

interface SocketData {
  caller: Caller;
  zone: string;
}
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const BACKLOG_CHUNK = 5000;
/** Cases a terminal works with: not yet ended, or touched today (ten years of history stay on the hub). */
const OPEN_CASES = `id IN (SELECT id FROM cases WHERE status IN (${CASE_STATUSES.filter((st) => !FINAL.includes(st))
  .map((st) => `'${st}'`)
  .join(',')})
  UNION SELECT id FROM cases WHERE updated_at >= ?)`;
const roomOf = (role: TerminalRole) => `feed:${role}`;

export interface Hub {
  readonly url: string;
  readonly port: number;
  readonly hallId: string;
  readonly db: Db;
  readonly store: Store;
  /** Tokens of the demo terminals, when this start seeded the demo hall. */
  readonly demoTerminals: DemoTerminal[];
  /** The certificate's SHA-256 fingerprint when serving TLS. */
  readonly tlsFingerprint: string | null;
  health(): HealthReport;
  /** Every replicated table as `role` may see it, now. */
  snapshot(role: TerminalRole): Snapshot;
  verifyAudit(): AuditReport;
  /** Runs a command as `caller`, broadcasting its changes, exactly as a socket command would. */
  execute(caller: Caller, envelope: unknown): WireAnswer;
  /** Answers a read-only query as `caller`, exactly as a socket query would. */
  query(caller: Caller, request: unknown): QueryAnswer;
  close(): Promise<void>;
}

export interface HealthReport {
  ok: true;
  version: string;
  hallId: string;
  hallName: string;
  seq: number;
  terminals: Record<TerminalRole, number>;
  uptimeMs: number;
  tlsFingerprint: string | null;
}

export async function startHub(opts: HubOptions): Promise<Hub> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? (() => {});
  mkdirSync(opts.dataDir, { recursive: true });
  const lock = DataDirLock.acquire(opts.dataDir);
  let db: Db | undefined;
  try {
    db = openDatabase(path.join(opts.dataDir, 'hall.db'), { migrations: hubMigrations, synchronous: 'FULL' });
    return await listen(db, lock, opts, clock, log);
  } catch (e) {
    db?.close();
    lock.release();
    throw e;
  }
}

async function listen(db: Db, lock: DataDirLock, opts: HubOptions, clock: Clock, log: (m: string) => void): Promise<Hub> {
  const store = new Store(db, clock);
  const retention = opts.feedRetention ?? 200_000;
  const startedAt = clock();

  let demoTerminals: DemoTerminal[] = [];
  if (!db.prepare('SELECT 1 FROM halls').get()) {
    if (opts.demo) demoTerminals = seedDemoHall(store, clock());
    else seedHall(store, opts.hall ?? { ...DEMO_HALL, name: '政务服务大厅' });
    db.prepare("INSERT INTO meta (key, value) VALUES ('epoch', ?)").run(randomUUID());
  }
  const hall = db.prepare('SELECT id, name FROM halls LIMIT 1').get() as { id: string; name: string };
  ensurePackageCalendar(store, hall.id);
  const epoch = (db.prepare("SELECT value FROM meta WHERE key = 'epoch'").get() as { value: string }).value;
  const auditKey = loadAuditKey(opts.dataDir);
  const executor = new Executor(store, hall.id, clock, auditKey, log);

  const findTerminal = db.prepare('SELECT id, role, counter_id, zone, token_hash FROM terminals WHERE id = ? AND revoked_at IS NULL');
  const enrollment = enrollmentEndpoint({ db, executor, clock, hall });
  const rendererDir = opts.rendererDir ?? defaultRendererDir();
  const serveStatic = staticFiles(rendererDir);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url === '/health') sendJson(res, 200, health());
    else if (req.url === '/enroll') void enrollment(req, res);
    else void serveStatic(req, res);
  };
  const tls = opts.tls ? await loadOrCreateTls(opts.dataDir, clock()) : null;
  const http: HttpServer = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handle) : createServer(handle);

  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    serveClient: false,
    // Commands are capped at 16 KB by the protocol; this only stops abuse of the transport.
    maxHttpBufferSize: 1_000_000,
  });

  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    const terminalId = typeof token === 'string' && token.length <= 200 ? tokenTerminalId(token) : null;
    const row = terminalId
      ? (findTerminal.get(terminalId) as
          { id: string; role: TerminalRole; counter_id: string | null; zone: string; token_hash: string } | undefined)
      : undefined;
    if (!row || !sameHash(row.token_hash, hashToken(token as string))) return next(new Error(ErrorCode.UNAUTHENTICATED));
    socket.data.caller = { terminalId: row.id, role: row.role, counterId: row.counter_id };
    socket.data.zone = row.zone;
    next();
  });

  io.on('connection', (socket: HubSocket) => {
    const { caller, zone } = socket.data;
    void socket.join(`terminal:${caller.terminalId}`);
    socket.emit('welcome', {
      hallId: hall.id,
      hallName: hall.name,
      epoch,
      terminalId: caller.terminalId,
      role: caller.role,
      counterId: caller.counterId,
      zone,
      serverTime: clock(),
      tlsFingerprint: tls?.fingerprint ?? null,
    });
    const noAck = (event: string) =>
      socket.emit('protocolError', {
        event: event.slice(0, 64),
        code: ErrorCode.VALIDATION_FAILED,
        message: `${event.slice(0, 64)} 需要应答回调，消息未处理`,
      });
    socket.on('subscribe', (request, ack) => {
      if (typeof ack !== 'function') return noAck('subscribe');
      ack(subscribe(socket, request));
    });
    socket.on('command', (envelope, ack) => {
      if (typeof ack !== 'function') return noAck('command');
      ack(execute(caller, envelope));
    });
    socket.on('query', (request, ack) => {
      if (typeof ack !== 'function') return noAck('query');
      ack(query(caller, request));
    });
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (event === 'command' || event === 'subscribe' || event === 'query') return;
      const error = { code: ErrorCode.UNKNOWN_EVENT, message: `未知消息：${String(event).slice(0, 64)}` };
      const ack = args.at(-1);
      if (typeof ack === 'function') ack({ ok: false, error });
      else socket.emit('protocolError', { event: String(event).slice(0, 64), ...error });
    });
  });

  function subscribe(socket: HubSocket, request: unknown): SubscribeAnswer {
    const parsed = SubscribeRequest.safeParse(request);
    if (!parsed.success)
      return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '订阅参数错误：需要 { since: 非负整数 }' } };
    const { role } = socket.data.caller;
    const { since } = parsed.data;
    void socket.leave(roomOf(role));
    const oldest = store.oldestSeq();
    const current = store.currentSeq;
    // A cursor from the future (another database) or older than the retained feed: start over.
    const expired = since > current || (since < current && since + 1 < oldest);
    if (expired) socket.emit('snapshot', snapshotFor(role));
    else {
      for (let after = since; after < current;) {
        const entries = store.entriesAfter(after, BACKLOG_CHUNK);
        const to = entries.at(-1)?.seq;
        if (to === undefined) break; // unreachable while the feed is gap-free above `oldest`
        socket.emit('feed', project(role, after + 1, to, entries));
        after = to;
      }
    }
    // Everything up to `current` has been sent; joining now, synchronously, means the next
    // broadcast starts at current + 1 for this socket too.
    void socket.join(roomOf(role));
    return { ok: true, mode: expired ? 'snapshot' : 'backlog', seq: current };
  }

  /**
   * A snapshot holds what a terminal works with: today's records and anything still open, not
   * the hall's whole history (that is for reports, asked of the hub).
   */
  function snapshotRows(table: TableName, day: string, dayStart: number): AnyRow[] {
    switch (table) {
      case 'tickets':
        return store.where('tickets', "day >= ? OR status NOT IN ('finished','no_show','cancelled')", day);
      case 'counter_log':
        return store.where('counter_log', 'at >= ?', dayStart);
      case 'inquiries':
        return store.where('inquiries', "status = 'open' OR created_at >= ?", dayStart);
      case 'hall_days':
        return store.where('hall_days', 'day >= ?', day);
      case 'cases':
        return store.where('cases', OPEN_CASES, dayStart);
      case 'case_parts':
      case 'case_events':
        return store.where(table, `case_id IN (SELECT id FROM cases WHERE ${OPEN_CASES})`, dayStart);
      default:
        return store.all(table);
    }
  }

  function snapshotFor(role: TerminalRole): Snapshot {
    const { utcOffsetMinutes } = parseQueueSettings(store.get('halls', hall.id)!.queue_settings);
    const day = hallDay(clock(), utcOffsetMinutes);
    const dayStart = hallDayStart(day, utcOffsetMinutes);
    const tables: Snapshot['tables'] = {};
    for (const table of Object.keys(projections[role]) as TableName[]) {
      tables[table] = snapshotRows(table, day, dayStart).map((r) => projectRow(role, table, r as AnyRow)!);
    }
    return { seq: store.currentSeq, tables };
  }

  function project(role: TerminalRole, from: number, to: number, entries: StoredEntry[]): FeedBatch {
    const out: FeedBatch['entries'] = [];
    for (const e of entries) {
      if (!projections[role][e.table]) continue;
      out.push({ ...e, row: e.row && projectRow(role, e.table, e.row as AnyRow) });
    }
    return { from, to, entries: out };
  }

  let sinceLastPrune = 0;
  function execute(caller: Caller, envelope: unknown): WireAnswer {
    const { answer, entries, effects } = executor.execute(caller, envelope);
    for (const e of effects) if (e.kind === 'disconnect') io.in(`terminal:${e.terminalId}`).disconnectSockets(true);
    if (entries.length > 0) {
      const from = entries[0]!.seq,
        to = entries.at(-1)!.seq;
      for (const role of TerminalRole.options) {
        if (io.sockets.adapter.rooms.get(roomOf(role))?.size) io.to(roomOf(role)).emit('feed', project(role, from, to, entries));
      }
      sinceLastPrune += entries.length;
      if (sinceLastPrune >= 1000) {
        sinceLastPrune = 0;
        store.pruneFeed(retention);
      }
    }
    return answer;
  }

  function query(caller: Caller, request: unknown): QueryAnswer {
    try {
      return runQuery(
        store,
        hall.id,
        caller,
        clock(),
        request,
        caller.role === 'manager' ? () => executor.sessionStaff(caller.terminalId) : undefined,
      );
    } catch (e) {
      log(`query failed: ${(e as Error).stack ?? String(e)}`);
      return { ok: false, error: { code: ErrorCode.INTERNAL, message: '服务器内部错误，查询未完成' } };
    }
  }

  function health(): HealthReport {
    const terminals = Object.fromEntries(TerminalRole.options.map((r) => [r, 0])) as Record<TerminalRole, number>;
    for (const s of io.sockets.sockets.values()) terminals[(s.data as SocketData).caller.role]++;
    return {
      ok: true,
      version: HUB_VERSION,
      hallId: hall.id,
      hallName: hall.name,
      seq: store.currentSeq,
      terminals,
      uptimeMs: clock() - startedAt,
      tlsFingerprint: tls?.fingerprint ?? null,
    };
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const scheme = tls ? 'https' : 'http';
  log(
    `hub ${hall.name} (${hall.id}) listening on ${scheme}://${opts.host ?? '127.0.0.1'}:${port}, data ${opts.dataDir}${tls ? `, certificate SHA-256 ${tls.fingerprint}` : ''}`,
  );

  let closed = false;
  return {
    url: `${scheme}://${opts.host ?? '127.0.0.1'}:${port}`,
    tlsFingerprint: tls?.fingerprint ?? null,
    port,
    hallId: hall.id,
    db,
    store,
    demoTerminals,
    health,
    snapshot: snapshotFor,
    verifyAudit: () => verifyAudit(db, auditKey),
    execute,
    query,
    async close() {
      if (closed) return;
      closed = true;
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      db.close();
      lock.release();
    },
  };
}

function defaultRendererDir(): string {
  const candidates = [path.resolve(__dirname, '../../dist/renderer'), path.resolve(__dirname, '../renderer')];
  return candidates.find((c) => existsSync(path.join(c, 'index.html'))) ?? candidates[0]!;
}
