import type { Server } from 'socket.io';
import { ErrorCode } from '../../../shared/kernel/errors';
import {
  SubscribeRequest,
  projectRow,
  projections,
  type AnyRow,
  type ClientToServerEvents,
  type FeedBatch,
  type ServerToClientEvents,
  type Snapshot,
  type SubscribeAnswer,
} from '../../../shared/protocol';
import type { StoredEntry, Store } from '../store';
import type { HubSocket, SocketData, Terminal } from './auth';
import { CaseAudiences, ScopeFacts, scopeKey, scopeOf, scopesChanged, scopeSince, type Scope } from './scope';

/** Entries per backlog message: a chunk of a few hundred KB to a few MB. */
const BACKLOG_CHUNK = 1000;
type SubscribeMode = Extract<SubscribeAnswer, { ok: true }>['mode'];

/**
 * Resolves once everything emitted to the socket has left for the OS (true), or once the socket is
 * gone (false). Polled: engine.io's own events do not say it across a transport upgrade. (Live
 * batches need no such care: a peer that stops reading misses engine.io's pings and is closed.)
 */
function drained(socket: HubSocket): Promise<boolean> {
  const conn = socket.conn as unknown as { writeBuffer: unknown[]; transport: { writable: boolean } };
  return new Promise((resolve) => {
    const check = () => {
      const { writeBuffer, transport } = conn;
      if (socket.disconnected) resolve(false);
      else if (writeBuffer.length === 0 && transport.writable) resolve(true);
      else setTimeout(check, 5);
    };
    check();
  });
}
const roomOf = (scope: Scope) => `feed:${scope.key}`;

/**
 * The entries of `from`..`to` as a terminal of `scope` may see them: its role's columns of the rows
 * its scope holds, and a delete (the id alone) for a change to a row it may not hold, since it may
 * hold an earlier version of it (see scope.ts).
 */
function project(scope: Scope, from: number, to: number, entries: StoredEntry[], cases: CaseAudiences): FeedBatch {
  const out: FeedBatch['entries'] = [];
  for (const e of entries) {
    if (!projections[scope.role][e.table]) continue;
    const row = e.row as AnyRow | null;
    if (row === null || scope.holds(e.table, row, cases)) out.push({ ...e, row: row && projectRow(scope.role, e.table, row) });
    else out.push({ seq: e.seq, table: e.table, op: 'delete', id: e.id, row: null });
  }
  return { from, to, entries: out };
}

/**
 * The change feed as terminals receive it: on subscribe, the backlog after the terminal's cursor
 * (or a snapshot when the cursor cannot be served), then every committed batch, live. Terminals of
 * one scope share a room and one projection of each batch.
 */
export class Feed {
  private sinceLastPrune = 0;
  private readonly facts: ScopeFacts;
  /** Scopes by key, as the facts now make them. */
  private readonly scopes = new Map<string, Scope>();
  /** The seq from which every scope is as the facts now make it (see scopeSince). */
  private scopedSince: number;

  constructor(
    private readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>,
    private readonly store: Store,
    private readonly snapshotOf: (scope: Scope) => Snapshot,
    private readonly retention: number,
  ) {
    this.facts = new ScopeFacts(store);
    this.scopedSince = scopeSince(store.db, this.facts, store.currentSeq);
    store.onCommit((entries) => this.rescope(entries));
  }

  scopeOf(terminal: Terminal): Scope {
    const key = scopeKey(terminal);
    let scope = this.scopes.get(key);
    if (!scope) this.scopes.set(key, (scope = scopeOf(terminal, this.facts)));
    return scope;
  }

  /**
   * Serves a subscription: the backlog after the terminal's cursor, or a snapshot when the cursor
   * cannot be served, then live batches. The backlog goes a chunk at a time, the next only once the
   * socket has handed the last to the OS: a reader that stops reading holds one chunk of the hub's
   * memory, never the whole feed.
   */
  async subscribe(socket: HubSocket, request: unknown): Promise<SubscribeAnswer> {
    const parsed = SubscribeRequest.safeParse(request);
    if (!parsed.success)
      return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '订阅参数错误：需要 { since: 非负整数 }' } };
    const { terminal } = socket.data;
    const scope = this.scopeOf(terminal);
    void socket.leave(roomOf(scope));
    const { since } = parsed.data;
    const current = this.store.currentSeq;
    // A cursor from the future (another database) or older than the retained feed: start over. So
    // does a replica that may hold rows of an earlier scope (an empty one holds none).
    const expired = since > current || (since < current && since + 1 < this.store.oldestSeq()) || (since > 0 && since < this.scopedSince);
    let mode: SubscribeMode = expired ? 'snapshot' : 'backlog';
    for (let sent = since; mode === 'backlog';) {
      const entries = this.store.entriesAfter(sent, BACKLOG_CHUNK);
      if (entries.length === 0) break; // caught up, in this very turn of the event loop
      // Pruned past the cursor, or the terminal's scope changed, while the backlog was going: start over.
      if (entries[0]!.seq !== sent + 1 || this.scopeOf(terminal).signature !== scope.signature) mode = 'snapshot';
      else {
        const to = entries.at(-1)!.seq;
        socket.emit('feed', project(scope, sent + 1, to, entries, new CaseAudiences(this.store.db)));
        sent = to;
        // Gone: nobody hears this answer, and a socket that left joins no room.
        if (!(await drained(socket))) return { ok: false, error: { code: ErrorCode.HUB_UNREACHABLE, message: '连接已断开' } };
      }
    }
    if (mode === 'snapshot') socket.emit('snapshot', this.snapshotOf(this.scopeOf(terminal)));
    // Everything up to now has been sent; joining in the same turn means the next broadcast starts
    // right after it for this socket too.
    void socket.join(roomOf(this.scopeOf(terminal)));
    return { ok: true, mode, seq: this.store.currentSeq };
  }

  /** Sends a committed batch to every subscribed terminal; call after commit, before acknowledging. */
  publish(entries: StoredEntry[]): void {
    if (entries.length === 0) return;
    const from = entries[0]!.seq,
      to = entries.at(-1)!.seq;
    const cases = new CaseAudiences(this.store.db);
    for (const scope of this.scopes.values()) {
      if (this.io.sockets.adapter.rooms.get(roomOf(scope))?.size)
        this.io.to(roomOf(scope)).emit('feed', project(scope, from, to, entries, cases));
    }
    this.sinceLastPrune += entries.length;
    if (this.sinceLastPrune >= 1000) {
      this.sinceLastPrune = 0;
      this.store.pruneFeed(this.retention);
    }
  }

  /**
   * After any commit: when it changed a fact scopes are made of, each scope is made again, and the
   * terminals whose scope changed get a snapshot of their new scope at once (replacing a replica is
   * how the rows they may no longer hold go). Cursors from before this commit get snapshots too.
   */
  private rescope(entries: StoredEntry[]): void {
    if (!this.facts.apply(entries)) return;
    this.scopedSince = scopesChanged(this.store.db, this.facts, this.store.currentSeq);
    const terminals = new Map<string, Terminal>();
    for (const s of this.io.sockets.sockets.values()) terminals.set(scopeKey(s.data.terminal), s.data.terminal);
    for (const [key, old] of this.scopes) {
      const terminal = terminals.get(key);
      if (!terminal) {
        this.scopes.delete(key); // made again when one of its terminals subscribes
        continue;
      }
      const scope = scopeOf(terminal, this.facts);
      this.scopes.set(key, scope);
      if (scope.signature !== old.signature) this.io.to(roomOf(scope)).emit('snapshot', this.snapshotOf(scope));
    }
  }
}
