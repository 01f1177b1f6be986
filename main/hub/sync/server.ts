import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Clock } from '../../../shared/kernel/clock';
import { ErrorCode, type HallError } from '../../../shared/kernel/errors';
import { TerminalRole } from '../../../shared/kernel/roles';
import type { ClientToServerEvents, QueryAnswer, ServerToClientEvents, Snapshot, WireAnswer } from '../../../shared/protocol';
import type { Db } from '../../db/open';
import type { Caller } from '../commands/context';
import type { Executor } from '../commands/executor';
import type { Store } from '../store';
import { authenticate, terminalsOf, type HubSocket, type SocketData } from './auth';
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
  /** Whether a handshake's Host is one the hub answers to (see http/hosts.ts). */
  hostAllowed: (host: string | undefined) => boolean;
  log: (msg: string) => void;
}

type HallFailure = { ok: false; error: HallError };

/**
 * The terminals' socket: authenticated by token, then three messages, each with an answer:
 * subscribe (the change feed), command (through the executor, broadcast after commit) and query.
 */
export function startSync(http: HttpServer, o: SyncOptions) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    serveClient: false,
    // Commands are capped at 16 KB by the protocol; this only stops abuse of the transport.
    maxHttpBufferSize: 1_000_000,
    // The socket's handshake is an HTTP request like any other: the same names only (DNS rebinding).
    allowRequest: (req, callback) => callback(null, o.hostAllowed(req.headers.host)),
  });
  const feed = new Feed(io, o.store, (scope) => snapshotFor(o.store, o.hall.id, scope, o.clock()), o.retention);
  const findTerminal = terminalsOf(o.db);

  io.use(authenticate(o.db));
  io.on('connection', (socket: HubSocket) => {
    const { terminal } = socket.data;
    void socket.join(`terminal:${terminal.terminalId}`);
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
    socket.on('subscribe', (request, ack) => answer('subscribe', ack, () => feed.subscribe(socket, request)));
    socket.on('command', (envelope, ack) => answer('command', ack, () => execute(caller, envelope)));
    socket.on('query', (request, ack) => answer('query', ack, () => o.query(caller, request)));
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (event === 'command' || event === 'subscribe' || event === 'query') return;
      const error = { code: ErrorCode.UNKNOWN_EVENT, message: `未知消息：${String(event).slice(0, 64)}` };
      const ack = args.at(-1);
      if (typeof ack === 'function') ack({ ok: false, error });
      else socket.emit('protocolError', { event: String(event).slice(0, 64), ...error });
    });
  });

  /** Runs a command; its changes reach every subscribed terminal before its answer is returned. */
  function execute(caller: Caller, envelope: unknown): WireAnswer {
    const { answer, entries, effects } = o.executor.execute(caller, envelope);
    for (const e of effects) if (e.kind === 'disconnect') io.in(`terminal:${e.terminalId}`).disconnectSockets(true);
    feed.publish(entries);
    return answer;
  }

  return {
    execute,
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
