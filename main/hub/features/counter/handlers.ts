import { randomUUID } from 'node:crypto';
import { counterRefusals, counterTransition, type CounterAction } from '../../../../shared/counter/rules';
import { refuse } from '../../../../shared/kernel/refusal';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { type counterCommandSpecs } from '../../../../shared/counter/commands';
import { checkStaffPassword, loadCounter, ownCounter, type HandlerContext, type FeatureHandlers } from '../../commands/context';
import { heldNumber } from '../queue/handlers';

function applyCounterAction(ctx: HandlerContext<CommandType>, counter: Row<'counters'>, action: CounterAction, reason: string | null) {
  const change = counterTransition(counter, action);
  const staffId = change.staff_id ?? counter.staff_id;
  const updated = ctx.store.patch('counters', counter.id, { ...change, state_since: ctx.now, last_seen_at: ctx.now });
  const event = ({ signIn: 'sign_in', pause: 'pause', resume: 'resume', signOut: 'sign_out' } as const)[action.kind];
  ctx.store.upsert('counter_log', {
    id: randomUUID(),
    hall_id: ctx.hallId,
    counter_id: counter.id,
    staff_id: staffId,
    event,
    reason,
    at: ctx.now,
  });
  return { counter: updated };
}

export const counterHandlers = {
  'counter.signIn': (ctx) => {
    const { login, password, counterId } = ctx.payload;
    const counter = loadCounter(ctx, counterId);
    const staff = { id: checkStaffPassword(ctx, login, password, 'counterSignIn') };
    const elsewhere = ctx.store.db.prepare('SELECT number FROM counters WHERE staff_id = ? AND id <> ?').get(staff.id, counter.id) as
      { number: number } | undefined;
    return applyCounterAction(
      ctx,
      counter,
      { kind: 'signIn', staffId: staff.id, terminalId: ctx.caller.terminalId, staffCounterNumber: elsewhere?.number ?? null },
      null,
    );
  },
  'counter.pause': (ctx) =>
    applyCounterAction(ctx, ownCounter(ctx, ctx.payload.counterId), { kind: 'pause', reason: ctx.payload.reason }, ctx.payload.reason),
  'counter.resume': (ctx) => applyCounterAction(ctx, ownCounter(ctx, ctx.payload.counterId), { kind: 'resume' }, null),
  'counter.signOut': (ctx) => {
    const holding = heldNumber(ctx, ctx.payload.counterId);
    if (holding) throw refuse(counterRefusals.holdingSignOut, { number: holding });
    return applyCounterAction(ctx, ownCounter(ctx, ctx.payload.counterId), { kind: 'signOut' }, null);
  },
  'counter.heartbeat': (ctx) => {
    const counter = ownCounter(ctx, ctx.payload.counterId);
    if (counter.state === 'closed') throw refuse(counterRefusals.closed);
    ctx.store.patch('counters', counter.id, { last_seen_at: ctx.now });
    return {};
  },
} satisfies FeatureHandlers<typeof counterCommandSpecs>;
