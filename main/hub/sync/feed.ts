import type { Server } from 'socket.io';
import { ErrorCode } from '../../../shared/kernel/errors';
import { TerminalRole } from '../../../shared/kernel/roles';
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
import type { HubSocket, SocketData } from './auth';

const BACKLOG_CHUNK = 5000;
const roomOf = (role: TerminalRole) => `feed:${role}`;

/** The entries of `from`..`to` as `role` may see them. */
function project(role: TerminalRole, from: number, to: number, entries: StoredEntry[]): FeedBatch {
  const out: FeedBatch['entries'] = [];
  for (const e of entries) {
    if (!projections[role][e.table]) continue;
    out.push({ ...e, row: e.row && projectRow(role, e.table, e.row as AnyRow) });
  }
  return { from, to, entries: out };
}

/**
 * The change feed as terminals receive it: on subscribe, the backlog after the terminal's cursor
 * (or a snapshot when the cursor cannot be served), then every committed batch, live. Each
 * terminal gets its role's projection.
 */
export class Feed {
  private sinceLastPrune = 0;

  constructor(
    private readonly io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>,
    private readonly store: Store,
    private readonly snapshot: (role: TerminalRole) => Snapshot,
    private readonly retention: number,
  ) {}

  subscribe(socket: HubSocket, request: unknown): SubscribeAnswer {
    const parsed = SubscribeRequest.safeParse(request);
    if (!parsed.success)
      return { ok: false, error: { code: ErrorCode.VALIDATION_FAILED, message: '订阅参数错误：需要 { since: 非负整数 }' } };
    const { role } = socket.data.terminal;
    const { since } = parsed.data;
    void socket.leave(roomOf(role));
    const oldest = this.store.oldestSeq();
    const current = this.store.currentSeq;
    // A cursor from the future (another database) or older than the retained feed: start over.
    const expired = since > current || (since < current && since + 1 < oldest);
    if (expired) socket.emit('snapshot', this.snapshot(role));
    else {
      for (let after = since; after < current;) {
        const entries = this.store.entriesAfter(after, BACKLOG_CHUNK);
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

  /** Sends a committed batch to every subscribed terminal; call after commit, before acknowledging. */
  publish(entries: StoredEntry[]): void {
    if (entries.length === 0) return;
    const from = entries[0]!.seq,
      to = entries.at(-1)!.seq;
    for (const role of TerminalRole.options) {
      if (this.io.sockets.adapter.rooms.get(roomOf(role))?.size) this.io.to(roomOf(role)).emit('feed', project(role, from, to, entries));
    }
    this.sinceLastPrune += entries.length;
    if (this.sinceLastPrune >= 1000) {
      this.sinceLastPrune = 0;
      this.store.pruneFeed(this.retention);
    }
  }
}
