import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { systemClock, type Clock } from '../../shared/kernel/clock';
import { ErrorCode } from '../../shared/kernel/errors';
import {
  isCommandType,
  SyncClient,
  checkCommand,
  commandSpecs,
  type Answer,
  type ClientToServerEvents,
  type CommandOutcome,
  type CommandPayload,
  type CommandType,
  type ConnectionState,
  type FeedBatch,
  type HallLink,
  type HubSocketLike,
  type ReplicaListener,
  type ReplicaSink,
  type ServerToClientEvents,
  type QueryAnswer,
  type QueryName,
  type QueryParams,
  type Snapshot,
} from '../../shared/protocol';
import { replicaMigrations } from './migrations';
import { openDatabase, ownerOnlyDir, type Db } from '../db/open';
import { Outbox, type OutboxItem } from './outbox';
import { pinnedTls } from './pinning';
import { SqliteReplica } from './replica';

export interface AgentOptions {
  hubUrl: string;
  token: string;
  /** Where the replica and the outbox live (one directory per terminal identity). */
  dataDir: string;
  clock?: Clock;
  commandTimeoutMs?: number;
  /** An https hub's certificate pinned at enrollment (PEM): nothing else is accepted. */
  hubCertificate?: string | null;
  log?: (msg: string) => void;
}

/** How long queued work waits before it is sent again after the hub said "not now". */
const RETRY_MS = 2000;

/**
 * A terminal's link to its hall hub, in the terminal's main process: the replica it reads from,
 * the outbox for work that may be done offline, and the commands that need the hub now.
 */
export class TerminalAgent implements HallLink {
  readonly replica: SqliteReplica;
  readonly outbox: Outbox;
  private readonly db: Db;
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly sync: SyncClient;
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly replicaListeners = new Set<ReplicaListener>();
  private readonly settled = new Map<string, (a: Answer) => void>();
  private draining = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(opts: AgentOptions) {
    ownerOnlyDir(opts.dataDir);
    this.db = openDatabase(path.join(opts.dataDir, 'replica.db'), {
      migrations: replicaMigrations,
      synchronous: 'FULL',
      secureDelete: true,
    });
    this.replica = new SqliteReplica(this.db);
    this.outbox = new Outbox(this.db);
    this.clock = opts.clock ?? systemClock;
    this.timeoutMs = opts.commandTimeoutMs ?? 5000;
    this.socket = io(opts.hubUrl, {
      auth: { token: opts.token },
      transports: ['websocket'],
      autoConnect: false,
      reconnectionDelay: 250,
      reconnectionDelayMax: 3000,
      ...(opts.hubCertificate ? pinnedTls(opts.hubCertificate) : {}),
    });
    this.sync = new SyncClient(this.socket as unknown as HubSocketLike, this.notifyingSink(), this.clock, (what) =>
      opts.log?.(`protocol error from hub: ${what}`),
    );
    this.sync.setPending(this.outbox.count());
    this.sync.watch((c) => {
      if (c.status === 'connected') void this.drain();
    });
  }

  start(): this {
    this.socket.connect();
    return this;
  }

  get connection(): ConnectionState {
    return this.sync.connection;
  }

  async command<T extends CommandType>(type: T, payload: CommandPayload<T>): Promise<CommandOutcome<T>> {
    const checked = await checkCommand(type, payload);
    if (!checked.ok) return checked;
    const envelope = { opId: randomUUID(), type, payload: checked.payload };
    if (!commandSpecs[type].offline) return this.sync.send(envelope, this.timeoutMs);

    this.outbox.add(envelope, this.clock());
    this.sync.setPending(this.outbox.count());
    if (this.sync.connection.status !== 'connected') return { ok: 'queued', opId: envelope.opId };
    const answer = new Promise<Answer<T>>((resolve) => this.settled.set(envelope.opId, resolve as (a: Answer) => void));
    void this.drain();
    const timeout = new Promise<CommandOutcome<T>>((resolve) =>
      setTimeout(() => resolve({ ok: 'queued', opId: envelope.opId }), this.timeoutMs).unref(),
    );
    return Promise.race([answer, timeout]);
  }

  watchReplica(listener: ReplicaListener): () => void {
    this.replicaListeners.add(listener);
    listener.snapshot(this.replica.snapshot());
    return () => this.replicaListeners.delete(listener);
  }

  watchConnection(listener: (c: ConnectionState) => void): () => void {
    return this.sync.watch(listener);
  }

  query<Q extends QueryName>(name: Q, params: QueryParams<Q>): Promise<QueryAnswer<Q>> {
    return this.sync.query(name, params, this.timeoutMs * 3);
  }

  /** Sends queued commands in order, one at a time, until the outbox is empty or the hub is gone. */
  async drain(): Promise<void> {
    // While the hub has asked to wait (retry set), new work waits in the outbox too.
    if (this.draining || this.retry) return;
    this.draining = true;
    try {
      let item: OutboxItem | undefined;
      while ((item = this.outbox.first())) {
        // Written by this program after checkCommand; a type it no longer knows (an older version's
        // work after an upgrade) is refused here rather than sent.
        const answer: Answer = isCommandType(item.type)
          ? await this.sync.send({ opId: item.opId, type: item.type, payload: item.payload }, this.timeoutMs)
          : { ok: false, error: { code: ErrorCode.UNKNOWN_COMMAND, message: `未知命令：${item.type}` } };
        if (!answer.ok && (answer.error.code === ErrorCode.HUB_UNREACHABLE || answer.error.code === ErrorCode.HUB_TIMEOUT)) break;
        // "Not now" rather than "no" (the hub's disk is full, or this PC sent too much at once): the
        // work stays queued and goes again shortly.
        if (!answer.ok && (answer.error.code === ErrorCode.STORAGE_FULL || answer.error.code === ErrorCode.RATE_LIMITED)) {
          this.retry = setTimeout(() => {
            this.retry = undefined;
            void this.drain();
          }, RETRY_MS);
          break;
        }
        this.outbox.settle(item, answer, this.clock());
        this.sync.setPending(this.outbox.count());
        this.settled.get(item.opId)?.(answer);
        this.settled.delete(item.opId);
      }
    } finally {
      this.draining = false;
      // Settled work held personal data; secure_delete zeroed it in the database, and truncating
      // the write-ahead log drops the older copies of those pages too.
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.retry);
    this.socket.disconnect();
    this.db.close();
  }

  private notifyingSink(): ReplicaSink {
    const replica = this.replica;
    const emitSnapshot = () => {
      const s: Snapshot = replica.snapshot();
      for (const l of this.replicaListeners) l.snapshot(s);
    };
    return {
      cursor: () => replica.cursor(),
      reset: (epoch) => {
        replica.reset(epoch);
        emitSnapshot();
      },
      applySnapshot: (s) => {
        replica.applySnapshot(s);
        emitSnapshot();
      },
      applyBatch: (b: FeedBatch) => {
        const applied = replica.applyBatch(b);
        if (applied) for (const l of this.replicaListeners) l.batch(b);
        return applied;
      },
    };
  }
}
