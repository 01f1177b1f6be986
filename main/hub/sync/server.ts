import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Clock } from '../../../shared/kernel/clock';
import { ErrorCode, type HallError } from '../../../shared/kernel/errors';
import { TerminalRole } from '../../../shared/kernel/roles';
import type {
  ClientToServerEvents,
  QueryAnswer,
  ServerToClientEvents,
  Snapshot,
  SubscribeAnswer,
  WireAnswer,
} from '../../../shared/protocol';
import type { Db } from '../../db/open';
import type { Caller } from '../commands/context';
import type { Executor, PasswordChecks } from '../commands/executor';
import { KeyedBuckets, rateLimited, TokenBucket, type Limits } from '../limits';
import type { Store, StoredEntry } from '../store';
import { authenticate, terminalsOf, type HubSocket, type SocketData } from './auth';
import type { ReportRebuilds } from '../features/reports/rebuild';
import { Feed } from './feed';
import { snapshotFor } from './snapshot';

export interface SyncOptions {
  db: Db;
  store: Store;
  executor: Executor;
  hall: { id: string; name: string };
  epoch: string;
  clock: Clock;
  /** Feed entries kept for catching up; an older cursor gets a snapshot. */
  retention: number;
  tlsFingerprint: string | null;
  query: (caller: Caller, request: unknown) => Promise<QueryAnswer>;
  limits: Limits;
  /** Whether a handshake's Host is one the hub answers to (see http/hosts.ts). */
  hostAllowed: (host: string | undefined) => boolean;
  /** Where reports.rebuild's days are written, after its command commits. */
  rebuilds: Pick<ReportRebuilds, 'start'>;
  log: (msg: string) => void;
  /** Backs the hall up (a command asked for it, after its commit). */
  backup: () => void;
}

type HallFailure = { ok: false; error: HallError };
const terminalRoom = (terminalId: string) => `terminal:${terminalId}`;

/**
 * The terminals' socket: authenticated by token, then three messages, each with an answer:
 * subscribe (the change feed), command (through the executor, broadcast after commit) and query.
 */
export function startSync(http: HttpServer, o: SyncOptions) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    serveClient: false,
    // Commands are capped at 16 KB by the protocol; this only stops abuse of the transport.
    maxHttpBufferSize: 1_000_000,
    // A connection that has not presented a token by then is closed: idle handshakes cost sockets.
    connectTimeout: 5000,
    // The socket's handshake is an HTTP request like any other: the same names only (DNS rebinding).
    allowRequest: (req, callback) => callback(null, o.hostAllowed(req.headers.host)),
  });
  const feed = new Feed(io, o.store, (scope) => snapshotFor(o.store, o.hall.id, scope, o.clock()), o.retention);
  const findTerminal = terminalsOf(o.db);
  const { limits } = o;
  // Per terminal and per login, not per socket: a new socket must not bring a fresh allowance.
  const subscribes = new KeyedBuckets(limits.subscribes);
  const passwordsPerTerminal = new KeyedBuckets(limits.passwordsPerTerminal);
  const passwordsPerLogin = new KeyedBuckets(limits.passwordsPerLogin);

  const socketsOf = (terminalId: string) => io.sockets.adapter.rooms.get(terminalRoom(terminalId))?.size ?? 0;
  /**
   * A terminal's link has dropped when the hub has seen it connected since it started and it holds no
   * socket now. One not seen since the start does not count: after a restart every terminal is
   * unseen for the seconds it takes to come back.
   */
  const seen = new Set<string>();
  o.executor.linkDropped = (terminalId) => seen.has(terminalId) && socketsOf(terminalId) === 0;
  io.use(authenticate(o.db));
  io.use((socket, next) => {
    const held = socketsOf(socket.data.terminal.terminalId);
    next(held >= limits.socketsPerTerminal ? new Error(ErrorCode.RATE_LIMITED) : undefined);
  });
  io.on('connection', (socket: HubSocket) => {
    const { terminal } = socket.data;
    void socket.join(terminalRoom(terminal.terminalId));
    seen.add(terminal.terminalId);
    socket.emit('welcome', {
      hallId: o.hall.id,
      hallName: o.hall.name,
      epoch: o.epoch,
      terminalId: terminal.terminalId,
      role: terminal.role,
      counterId: terminal.counterId,
      zone: terminal.zone,
      serverTime: o.clock(),
      tlsFingerprint: o.tlsFingerprint,
    });
    const noAck = (event: string) =>
      socket.emit('protocolError', {
        event: event.slice(0, 64),
        code: ErrorCode.VALIDATION_FAILED,
        message: `${event.slice(0, 64)} 需要应答回调，消息未处理`,
      });
    /**
     * Answers one message. Whatever its work throws is logged and answered INTERNAL: thrown into
     * socket.io it would end the hub, and with it the hall's every terminal.
     */
    const answer = <A extends HallFailure | { ok: true }>(
      event: string,
      ack: ((a: NoInfer<A>) => void) | undefined,
      work: () => A | Promise<A>,
    ) => {
      if (typeof ack !== 'function') return noAck(event);
      Promise.resolve()
        .then(work)
        .then(ack, (e: unknown) => {
          o.log(`${event} from ${terminal.terminalId} failed: ${(e as Error).stack ?? String(e)}`);
          const failure: HallFailure = { ok: false, error: { code: ErrorCode.INTERNAL, message: '服务器内部错误，请求未处理' } };
          ack(failure as A);
        });
    };
    const caller: Caller = { terminalId: terminal.terminalId, role: terminal.role, counterId: terminal.counterId };
    const commands = new TokenBucket(limits.commands[terminal.role]);
    const queries = new TokenBucket(limits.queries);

    // One subscription at a time per socket; a socket that keeps asking while refused is let go.
    let subscribing = false;
    let strikes = 0;
    const subscribe = async (request: unknown): Promise<SubscribeAnswer> => {
      const refusal = subscribing ? '上一次订阅尚未完成' : !subscribes.take(terminal.terminalId) ? '订阅过于频繁，请稍后再试' : null;
      if (refusal) {
        // Let go once this answer is on its way (acks follow the work that makes them), so it hears why.
        if (++strikes === limits.subscribeStrikes) setImmediate(() => socket.disconnect(true));
        return rateLimited(refusal);
      }
      strikes = 0;
      subscribing = true;
      try {
        return await feed.subscribe(socket, request);
      } finally {
        subscribing = false;
      }
    };

    // A socket's commands run in the order it sent them, also while one waits for its password check.
    let previous: Promise<unknown> = Promise.resolve();
    const command = (envelope: unknown): WireAnswer | Promise<WireAnswer> => {
      if (!commands.take()) return rateLimited('操作过于频繁，请稍候再试');
      const credentials = o.executor.credentialsOf(caller, envelope);
      if (
        credentials.length > 0 &&
        !(passwordsPerTerminal.take(terminal.terminalId) && credentials.every((c) => passwordsPerLogin.take(c.login)))
      ) {
        return rateLimited('密码尝试过于频繁，请稍后再试');
      }
      const run = previous.then(async () => execute(caller, envelope, await o.executor.checkPasswords(credentials)));
      previous = run.catch(() => {});
      return run;
    };

    socket.on('subscribe', (request, ack) => answer('subscribe', ack, () => subscribe(request)));
    socket.on('command', (envelope, ack) => answer('command', ack, () => command(envelope)));
    socket.on('query', (request, ack) =>
      answer('query', ack, () => (queries.take() ? o.query(caller, request) : rateLimited('查询过于频繁，请稍候再试'))),
    );
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (event === 'command' || event === 'subscribe' || event === 'query') return;
      const error = { code: ErrorCode.UNKNOWN_EVENT, message: `未知消息：${String(event).slice(0, 64)}` };
      const ack = args.at(-1);
      if (typeof ack === 'function') ack({ ok: false, error });
      else socket.emit('protocolError', { event: String(event).slice(0, 64), ...error });
    });
  });

  /** Runs a command; its changes reach every subscribed terminal before its answer is returned. */
  function execute(caller: Caller, envelope: unknown, passwords?: PasswordChecks): WireAnswer {
    const { answer, entries, effects } = o.executor.execute(caller, envelope, passwords);
    for (const e of effects) {
      if (e.kind === 'disconnect') io.in(terminalRoom(e.terminalId)).disconnectSockets(true);
      else if (e.kind === 'rebuildReports') o.rebuilds.start(e.from, e.to);
      else o.backup();
    }
    feed.publish(entries);
    return answer;
  }

  return {
    execute,
    /** Sends what an operation outside any socket committed (an operator's, over the control channel) to the terminals. */
    publish: (entries: StoredEntry[]) => feed.publish(entries),
    /** Every replicated table as the terminal `terminalId` may see it, now. */
    snapshot(terminalId: string): Snapshot {
      const found = findTerminal(terminalId);
      if (!found) throw new Error(`no live terminal ${terminalId}`);
      return snapshotFor(o.store, o.hall.id, feed.scopeOf(found.terminal), o.clock());
    },
    /** Connected terminals by role. */
    terminals(): Record<TerminalRole, number> {
      const counts = Object.fromEntries(TerminalRole.options.map((r) => [r, 0])) as Record<TerminalRole, number>;
      for (const s of io.sockets.sockets.values()) counts[s.data.terminal.role]++;
      return counts;
    },
    async close(): Promise<void> {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
