import type { ConnectionState } from './api';
import type { HallError } from '../kernel/errors';
import { ErrorCode } from '../kernel/errors';
import { parseAnswer, type Answer } from './envelope';
import { FeedBatch, Snapshot, Welcome } from './feed';
import { QueryAnswerSchema, type QueryAnswer } from './query';
import type { CommandType, QueryName, QueryParams, QueryResult } from './registry';
import { querySpecOf } from './specs';
import { SubscribeAnswerSchema, type SubscribeAnswer } from './socket';

/** The part of a socket.io client socket the sync client uses (injected: no I/O here). */
/** A command as it leaves a terminal (already checked against its payload schema). */
export interface SentCommand<T extends CommandType = CommandType> {
  opId: string;
  type: T;
  payload: unknown;
}

export interface HubSocketLike {
  readonly connected: boolean;
  on(event: 'connect', fn: () => void): unknown;
  on(event: 'disconnect', fn: (reason: string) => void): unknown;
  connect(): unknown;
  on(event: 'connect_error', fn: (err: Error) => void): unknown;
  on(event: 'welcome' | 'feed' | 'snapshot', fn: (msg: unknown) => void): unknown;
  emit(event: 'subscribe', request: { since: number }, ack: (answer: SubscribeAnswer) => void): unknown;
  timeout(ms: number): {
    emitWithAck(event: 'command', envelope: SentCommand): Promise<unknown>;
    emitWithAck(event: 'query', request: { name: string; params: unknown }): Promise<unknown>;
  };
}

/** Where the replica lives: SQLite in a terminal's main process, memory in a browser. */
export interface ReplicaSink {
  cursor(): { seq: number; epoch: string | null };
  /** Empties the replica for a hub with another epoch (its database was replaced). */
  reset(epoch: string): void;
  applySnapshot(s: Snapshot): void;
  /** False when the batch does not follow on from the replica's seq: changes were missed. */
  applyBatch(b: FeedBatch): boolean;
}

/** How long a terminal waits to subscribe again after the hub said it subscribes too often. */
const SUBSCRIBE_RETRY_MS = 5000;

/** How long a command without an answer is asked again (same opId) before its outcome is reported unknown. */
export const RESEND_WINDOW_MS = 30_000;

export const unreachable = (message = '无法连接大厅服务器，请检查网络后重试'): { ok: false; error: HallError } => ({
  ok: false,
  error: { code: ErrorCode.HUB_UNREACHABLE, message },
});

/**
 * Keeps a replica in step with the hub: on every (re)connect it subscribes from the replica's
 * cursor, applies backlog and live batches in order, and resubscribes on a gap. It never drops a
 * message silently: a malformed one is reported through `onProtocolError`.
 */
export class SyncClient {
  private state: ConnectionState = { status: 'connecting', since: null, pending: 0, checking: 0, welcome: null, synced: null };
  private readonly connectedWaiters = new Set<() => void>();
  private readonly listeners = new Set<(c: ConnectionState) => void>();

  constructor(
    private readonly socket: HubSocketLike,
    private readonly sink: ReplicaSink,
    private readonly clock: () => number,
    private readonly onProtocolError: (what: string) => void = () => {},
  ) {
    socket.on('welcome', (msg) => {
      const w = Welcome.safeParse(msg);
      if (!w.success) return onProtocolError('welcome');
      if (sink.cursor().epoch !== w.data.epoch) sink.reset(w.data.epoch);
      this.update({ welcome: w.data });
      this.subscribe();
    });
    socket.on('feed', (msg) => {
      const b = FeedBatch.safeParse(msg);
      if (!b.success) return onProtocolError('feed');
      if (!sink.applyBatch(b.data)) this.subscribe();
    });
    socket.on('snapshot', (msg) => {
      const s = Snapshot.safeParse(msg);
      if (!s.success) return onProtocolError('snapshot');
      sink.applySnapshot(s.data);
    });
    socket.on('disconnect', (reason) => {
      this.update({ status: 'reconnecting', since: this.state.since ?? clock() });
      // socket.io does not reconnect after the server hung up (a hub shutting down cleanly, a
      // revoked terminal): try again, and let its backoff and the auth answer decide the rest.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (err) => {
      if (err.message === ErrorCode.UNAUTHENTICATED) this.update({ status: 'unauthenticated' });
      else this.update({ status: 'reconnecting', since: this.state.since ?? clock() });
    });
  }

  get connection(): ConnectionState {
    return this.state;
  }

  watch(listener: (c: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  setPending(pending: number): void {
    if (pending !== this.state.pending) this.update({ pending });
  }

  /**
   * Sends a command that needs the hub now; fails fast when it is unreachable. A command that went
   * out but got no answer (the hub restarted, the link dropped) may have been applied: it is sent
   * again with the same opId, once the link is back, until the hub answers — with the stored
   * answer if it had applied it, so a kiosk never issues a second ticket for one press. Only after
   * `resendWindowMs` is the outcome reported unknown.
   */
  async send<T extends CommandType>(envelope: SentCommand<T>, timeoutMs: number, resendWindowMs = RESEND_WINDOW_MS): Promise<Answer<T>> {
    if (!this.socket.connected || this.state.status !== 'connected') return unreachable();
    const giveUpAt = this.clock() + resendWindowMs;
    let checking = false;
    try {
      for (;;) {
        let raw: unknown;
        try {
          raw = await this.socket.timeout(timeoutMs).emitWithAck('command', envelope);
        } catch {
          if (!checking) {
            checking = true;
            this.update({ checking: this.state.checking + 1 });
          }
          const left = giveUpAt - this.clock();
          if (left > 0 && (await this.untilConnected(left))) continue;
          return { ok: false, error: { code: ErrorCode.HUB_TIMEOUT, message: '大厅服务器未应答，操作结果未知，请核对后再试' } };
        }
        // Answers are validated on arrival like everything else that crosses a process boundary.
        const answer = await parseAnswer(envelope.type, raw);
        if (!answer.ok && answer.error.code === ErrorCode.INTERNAL) this.onProtocolError('answer');
        return answer;
      }
    } finally {
      if (checking) this.update({ checking: this.state.checking - 1 });
    }
  }

  /** True once the link is up (at once if it is), false when `ms` pass first. */
  private untilConnected(ms: number): Promise<boolean> {
    if (this.state.status === 'connected') return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        this.connectedWaiters.delete(onConnected);
        resolve(ok);
      };
      const onConnected = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.connectedWaiters.add(onConnected);
    });
  }

  /** Asks the hub a read-only question; needs the hub, like queue commands. */
  async query<Q extends QueryName>(name: Q, params: QueryParams<Q>, timeoutMs: number): Promise<QueryAnswer<Q>> {
    if (!this.socket.connected || this.state.status !== 'connected') return unreachable();
    let raw: unknown;
    try {
      raw = await this.socket.timeout(timeoutMs).emitWithAck('query', { name, params });
    } catch {
      return { ok: false, error: { code: ErrorCode.HUB_TIMEOUT, message: '大厅服务器未在规定时间内应答，请稍后再试' } };
    }
    const answer = QueryAnswerSchema.safeParse(raw);
    if (answer.success && !answer.data.ok) return answer.data;
    const result = answer.success && answer.data.ok ? (await querySpecOf(name))?.result.safeParse(answer.data.result) : undefined;
    if (result?.success) return { ok: true, result: result.data as QueryResult<Q> };
    this.onProtocolError('query answer');
    return { ok: false, error: { code: ErrorCode.INTERNAL, message: '大厅服务器的应答格式错误' } };
  }

  private subscribe(): void {
    this.socket.emit('subscribe', { since: this.sink.cursor().seq }, (raw) => {
      const answer = SubscribeAnswerSchema.safeParse(raw);
      if (!answer.success) return this.onProtocolError('subscribe answer');
      if (answer.data.ok) this.update({ status: 'connected', since: null, synced: { mode: answer.data.mode, seq: answer.data.seq } });
      // Subscribed too often (a link that keeps dropping): ask again once the hub allows it.
      else if (answer.data.error.code === ErrorCode.RATE_LIMITED)
        setTimeout(() => this.socket.connected && this.subscribe(), SUBSCRIBE_RETRY_MS);
      else this.onProtocolError(`subscribe refused: ${answer.data.error.code}`);
    });
  }

  private update(change: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l(this.state);
    if (this.state.status === 'connected') for (const w of [...this.connectedWaiters]) w();
  }
}
