import { randomBytes } from 'node:crypto';
import { FOLLOW_TOKEN_LENGTH, codeFrom, type FollowAnswer } from '../../../../shared/appointments/phone';
import { bookingRefusals } from '../../../../shared/appointments/refusals';
import { refuse } from '../../../../shared/kernel/refusal';
import type { CommandType, Row } from '../../../../shared/protocol';
import { sql, type HandlerContext } from '../../commands/context';
import { aheadOf, today } from '../queue/lines';

type Ctx = HandlerContext<CommandType>;

/**
 * Mints the token a slip's follow QR carries (inside the command that prints it): 80 random bits,
 * the hub's alone (never replicated), so a ticket's number or id, which the display shows, cannot
 * be turned into its follow page.
 */
export function mintFollowToken(ctx: Ctx, ticket: Row<'tickets'>): string {
  const token = codeFrom(randomBytes(FOLLOW_TOKEN_LENGTH), FOLLOW_TOKEN_LENGTH);
  sql(ctx, 'INSERT INTO follow_tokens (token, ticket_id, day) VALUES (?, ?, ?)').run(token, ticket.id, ticket.day);
  return token;
}

/**
 * A ticket's progress by its token, on its own day only: waiting (with the people ahead and the
 * estimated wait, as the kiosk counts them), called (to which counter), or done. The number, the
 * service and the counter only: a ticket names nobody.
 */
export function followByToken(ctx: Ctx, token: string): FollowAnswer {
  const row = sql(ctx, 'SELECT ticket_id, day FROM follow_tokens WHERE token = ?').get(token) as
    { ticket_id: string; day: string } | undefined;
  if (!row || row.day !== today(ctx)) throw refuse(bookingRefusals.followInvalid);
  const ticket = ctx.store.get('tickets', row.ticket_id)!;
  const service = ctx.store.get('services', ticket.service_id)?.name ?? '';
  const base = { number: ticket.number, service };
  if (ticket.status === 'waiting' || ticket.status === 'parked') {
    const { ahead, waitMs } = aheadOf(ctx, ticket);
    return { ...base, status: 'waiting', ahead, estimatedWaitMinutes: waitMs === null ? null : Math.ceil(waitMs / 60_000), counter: null };
  }
  // A missed call still names its counter: the person who stepped away goes there (the no-show rules apply after a call).
  if (ticket.status === 'called' || ticket.status === 'serving' || ticket.status === 'missed') {
    const counter = ticket.counter_id ? ctx.store.get('counters', ticket.counter_id) : undefined;
    return { ...base, status: 'called', ahead: 0, estimatedWaitMinutes: 0, counter: counter ? String(counter.number) : null };
  }
  return { ...base, status: 'done', ahead: null, estimatedWaitMinutes: null, counter: null };
}
