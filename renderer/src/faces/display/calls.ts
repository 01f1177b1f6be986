import { rowById, rowsOf, type ReplicaState } from '../../../../shared/protocol/replica';

export interface Call {
  ticketId: string;
  number: string;
  window: number;
  day: string;
  calledAt: number;
}

/** The calls a display has seen, newest first, and what it needs to tell a new call from one seen. */
export interface CallLog {
  /** Per ticket, its last call as seen (call time and recall count); null before the first look. */
  readonly marks: ReadonlyMap<string, string> | null;
  readonly calls: readonly Call[];
  /** The calls new in the last look at the replica; none in the first (they were made before the display started). */
  readonly fresh: readonly Call[];
}

export const emptyCallLog: CallLog = { marks: null, calls: [], fresh: [] };
const KEPT = 50;

/**
 * Looks at the replica for calls: a ticket whose last call changed (a call or a recall). A call
 * keeps the window it was made to, even after the ticket is transferred. Pure: the display speaks
 * the fresh calls afterwards, outside rendering.
 */
export function trackCalls(log: CallLog, replica: ReplicaState, zone: string): CallLog {
  const marks = new Map(log.marks ?? []);
  const fresh: Call[] = [];
  for (const tk of rowsOf(replica, 'tickets')) {
    // A recall bumps the count even within the same millisecond as the call.
    const mark = `${tk.called_at}/${tk.recalls}`;
    if (tk.called_at === null || marks.get(tk.id) === mark) continue;
    marks.set(tk.id, mark);
    const counter = rowById(replica, 'counters', tk.counter_id);
    if (!counter || (zone && counter.zone !== zone)) continue;
    fresh.push({ ticketId: tk.id, number: tk.number, window: counter.number, day: tk.day, calledAt: tk.called_at });
  }
  const ids = new Set(fresh.map((c) => c.ticketId));
  const calls = [...fresh, ...log.calls.filter((c) => !ids.has(c.ticketId))].sort((a, b) => b.calledAt - a.calledAt).slice(0, KEPT);
  return { marks, calls, fresh: log.marks === null ? [] : fresh };
}
