import { counterRefusals } from '../../../../shared/counter/rules';
import { refuse } from '../../../../shared/kernel/refusal';
import { type CommandType } from '../../../../shared/protocol';
import { type counterCommandSpecs } from '../../../../shared/counter/commands';
import { checkStaffPassword, loadCounter, ownCounter, type HandlerContext, type FeatureHandlers } from '../../commands/context';
import { heldNumber, returnHeldToFront } from '../queue/handlers';
import { applyCounterAction } from './log';

/**
 * Ends the counter sign-ins a staff member (`staff_id`) or a clerk PC (`terminal_id`) holds, when
 * their password changes or the PC is revoked or enrolled again: whoever signed in before must not
 * go on calling. The held ticket goes back to the front of its line (returnHeldToFront); the
 * counter closes with a sign_out in its log carrying `reason`.
 */
export function endCounterSignIns(
  ctx: HandlerContext<CommandType>,
  column: 'staff_id' | 'terminal_id',
  value: string,
  reason: string,
): void {
  for (const counter of ctx.store.where('counters', `${column} = ? AND state <> 'closed'`, value)) {
    returnHeldToFront(ctx, counter.id, reason);
    applyCounterAction(ctx, counter, { kind: 'signOut' }, reason);
  }
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
