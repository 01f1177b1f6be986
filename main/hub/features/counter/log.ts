import { randomUUID } from 'node:crypto';
import { counterTransition, type CounterAction } from '../../../../shared/counter/rules';
import { type CommandType, type Row } from '../../../../shared/protocol';
import type { HandlerContext } from '../../commands/context';

/**
 * The hub's count of counter actions since it started. A counter's log is read back by time, then
 * by id (the reports' sessions and pauses, here and at the region): two actions in one millisecond
 * (a resume and the next pause) must then come back in the order they were taken, so an id begins
 * with its time and this count, in fixed widths, before a random part that keeps it unique.
 */
let actions = 0;
const logId = (at: number) => `cl-${String(at).padStart(15, '0')}-${String(actions++ % 1e9).padStart(9, '0')}-${randomUUID().slice(0, 8)}`;

/** A counter's sign-in, pause, resume or sign-out: its new state and the counter_log row that says so, together. */
export function applyCounterAction(
  ctx: HandlerContext<CommandType>,
  counter: Row<'counters'>,
  action: CounterAction,
  reason: string | null,
) {
  const change = counterTransition(counter, action);
  const staffId = change.staff_id ?? counter.staff_id;
  const updated = ctx.store.patch('counters', counter.id, { ...change, state_since: ctx.now, last_seen_at: ctx.now });
  const event = ({ signIn: 'sign_in', pause: 'pause', resume: 'resume', signOut: 'sign_out' } as const)[action.kind];
  ctx.store.upsert('counter_log', {
    id: logId(ctx.now),
    hall_id: ctx.hallId,
    counter_id: counter.id,
    staff_id: staffId,
    event,
    reason,
    at: ctx.now,
  });
  return { counter: updated };
}
