import { randomBytes } from 'node:crypto';
import { refuse } from '../../../../shared/kernel/refusal';
import { ratingRefusals } from '../../../../shared/ratings/refusals';
import type { Row } from '../../../../shared/protocol';
import { type ratingCommandSpecs } from '../../../../shared/ratings/commands';
import { IN_PERSON_SET, isBad, ratingFlags, requestStatus } from '../../../../shared/ratings/rules';
import { parseRatingSettings } from '../../../../shared/ratings/settings';
import { openFollowup } from '../followups/handlers';
import { sql, type FeatureHandlers, type HandlerContext } from '../../commands/context';
import type { CommandType } from '../../../../shared/protocol';

type Ctx = HandlerContext<CommandType>;

/**
 * Asks for a rating of a finished ticket (inside the finishing command): the window's evaluator
 * shows the prompt until it expires. A counter without an evaluator records the service as unrated
 * at once (no device); an earlier prompt still pending at the counter is over (timed out): the
 * evaluator asks about one service at a time. The request's id is the single-use token, random.
 */
export function requestTicketRating(ctx: Ctx, ticket: Row<'tickets'>): Row<'rating_requests'> {
  const counterId = ticket.counter_id;
  for (const old of ctx.store.where('rating_requests', "counter_id = ? AND status = 'pending'", counterId))
    ctx.store.patch('rating_requests', old.id, { status: 'unrated', unrated_cause: 'timeout' });
  const hasDevice = sql(ctx, "SELECT 1 FROM terminals WHERE role = 'evaluator' AND counter_id = ? AND revoked_at IS NULL").get(counterId);
  const settings = parseRatingSettings(ctx.store.get('halls', ctx.hallId)!.rating_settings);
  return ctx.store.upsert('rating_requests', {
    id: `${ctx.hallId}-r-${randomBytes(16).toString('hex')}`,
    hall_id: ctx.hallId,
    ticket_id: ticket.id,
    counter_id: counterId,
    staff_id: ticket.staff_id,
    service_id: ticket.service_id,
    channel: 'device',
    created_at: ctx.now,
    expires_at: ctx.now + settings.devicePromptSeconds * 1000,
    status: hasDevice ? 'pending' : 'unrated',
    unrated_cause: hasDevice ? null : 'no_device',
  });
}

/**
 * The request a rating redeems: one the caller's own counter asked for, still pending. Used,
 * expired, unknown and another counter's tokens are refused alike in kind, each with its reason.
 */
function redeemable(ctx: Ctx, requestId: string): Row<'rating_requests'> {
  const request = ctx.store.get('rating_requests', requestId);
  if (!request || request.counter_id !== ctx.caller.counterId) throw refuse(ratingRefusals.invalid);
  const status = requestStatus.ts(request, ctx.now);
  if (status === 'rated') throw refuse(ratingRefusals.alreadyRated);
  if (status === 'unrated') throw refuse(ratingRefusals.expired);
  return request;
}

export const ratingHandlers = {
  'rating.submit': (ctx) => {
    const { requestId, level, subScores, reasons, comment } = ctx.payload;
    const request = redeemable(ctx, requestId);
    const recent = (
      sql(ctx, 'SELECT count(*) AS n FROM ratings WHERE terminal_id = ? AND at > ?').get(ctx.caller.terminalId, ctx.now - 30_000) as {
        n: number;
      }
    ).n;
    ctx.store.patch('rating_requests', request.id, { status: 'rated' });
    const rating = ctx.store.upsert(
      'ratings',
      {
        id: request.id,
        hall_id: ctx.hallId,
        level,
        efficiency: subScores.efficiency ?? null,
        skill: subScores.skill ?? null,
        attitude: subScores.attitude ?? null,
        reasons: reasons.join(','),
        comment,
        indicator_set: IN_PERSON_SET.version,
        flags: ratingFlags(request.created_at, ctx.now, recent).join(','),
        at: ctx.now,
        excluded: 0,
      },
      { terminal_id: ctx.caller.terminalId },
    );
    // Every 差评 is followed up.
    if (isBad(level)) openFollowup(ctx, rating, request);
    return {};
  },
  'rating.decline': (ctx) => {
    const request = redeemable(ctx, ctx.payload.requestId);
    ctx.store.patch('rating_requests', request.id, { status: 'unrated', unrated_cause: 'declined' });
    return {};
  },
  'hall.setRatingSettings': (ctx) => {
    const merged = { ...parseRatingSettings(ctx.store.get('halls', ctx.hallId)!.rating_settings), ...ctx.payload };
    return { hall: ctx.store.patch('halls', ctx.hallId, { rating_settings: JSON.stringify(merged) }) };
  },
} satisfies FeatureHandlers<typeof ratingCommandSpecs>;
