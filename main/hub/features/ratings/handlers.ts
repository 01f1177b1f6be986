import { randomBytes } from 'node:crypto';
import { refuse } from '../../../../shared/kernel/refusal';
import { ratingRefusals } from '../../../../shared/ratings/refusals';
import type { Row } from '../../../../shared/protocol';
import { type ratingCommandSpecs } from '../../../../shared/ratings/commands';
import { RATING_CODE_LENGTH, ratingCodeFrom, type RateLookAnswer, type RateSubmitRequest } from '../../../../shared/ratings/phone';
import { codeRefusal, deviceRefusal, IN_PERSON_SET, isBad, ratingFlags } from '../../../../shared/ratings/rules';
import { parseRatingSettings } from '../../../../shared/ratings/settings';
import type { RatingFlag } from '../../../../shared/ratings/enums';
import { openFollowup } from '../followups/handlers';
import { dayOf } from '../cases/deadlines';
import { notFound, sql, type FeatureHandlers, type HandlerContext } from '../../commands/context';
import { excludeRating } from './exclude';
import type { CommandType } from '../../../../shared/protocol';

type Ctx = HandlerContext<CommandType>;

const DAY_MS = 86_400_000;
const settingsOf = (ctx: Ctx) => parseRatingSettings(ctx.store.get('halls', ctx.hallId)!.rating_settings);
const newRequestId = (ctx: Ctx) => `${ctx.hallId}-r-${randomBytes(16).toString('hex')}`;

/**
 * Mints the code a ticket's slip or a case's 办结通知书 carries (inside the command that prints it):
 * 80 random bits, kept by the hub alone, so neither a request's replicated id nor anything a
 * terminal holds lets anyone rate without the paper.
 */
export function mintRatingCode(ctx: Ctx, of: { ticketId: string } | { caseId: string }): string {
  const code = ratingCodeFrom(randomBytes(RATING_CODE_LENGTH));
  sql(ctx, 'INSERT INTO rating_codes (code, hall_id, ticket_id, case_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
    code,
    ctx.hallId,
    'ticketId' in of ? of.ticketId : null,
    'caseId' in of ? of.caseId : null,
    ctx.now,
  );
  return code;
}

/**
 * Asks for a rating of a concluded case (inside the concluding step), by the code on its 办结通知书
 * only: the applicant has the hall's days for codes to rate it from their phone, after which it
 * counts as unrated (timed out). Bound to the case, its item, its counter if any and whoever
 * concluded it. Answers the code the notice prints.
 */
export function requestCaseRating(ctx: Ctx, c: Row<'cases'>, staffId: string | null): string {
  ctx.store.upsert('rating_requests', {
    id: newRequestId(ctx),
    hall_id: ctx.hallId,
    ticket_id: null,
    counter_id: c.counter_id,
    staff_id: staffId,
    service_id: null,
    channel: 'qr',
    created_at: ctx.now,
    expires_at: ctx.now + settingsOf(ctx).codeDays * DAY_MS,
    status: 'pending',
    unrated_cause: null,
    case_id: c.id,
    item_id: c.item_id,
  });
  return mintRatingCode(ctx, { caseId: c.id });
}

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
  // An evaluator enrolled at the counter whose link has dropped cannot show the prompt: the service
  // is unrated for want of a device at once (the slip's code still rates it), not a timeout later.
  const devices = sql(ctx, "SELECT id FROM terminals WHERE role = 'evaluator' AND counter_id = ? AND revoked_at IS NULL")
    .pluck()
    .all(counterId) as string[];
  const hasDevice = devices.some((id) => !ctx.linkDropped(id));
  const settings = settingsOf(ctx);
  return ctx.store.upsert('rating_requests', {
    id: newRequestId(ctx),
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
    case_id: null,
    item_id: null,
  });
}

/**
 * The request a rating redeems: one the caller's own counter asked for, still pending. Used,
 * expired, unknown and another counter's tokens are refused alike in kind, each with its reason.
 */
function redeemable(ctx: Ctx, requestId: string): Row<'rating_requests'> {
  const request = ctx.store.get('rating_requests', requestId);
  const refusal = deviceRefusal(request, ctx.caller.counterId, ctx.now);
  if (refusal) throw refuse(ratingRefusals[refusal]);
  return request!;
}

type RatingGiven = Pick<RateSubmitRequest, 'level' | 'subScores' | 'reasons' | 'comment'>;

/** Stores the applicant's rating of `request` (its one rating: the request is rated from now on); a 差评 opens its follow-up. */
function recordRating(ctx: Ctx, request: Row<'rating_requests'>, given: RatingGiven, flags: RatingFlag[], terminalId: string | null) {
  const { level, subScores, reasons, comment } = given;
  ctx.store.patch('rating_requests', request.id, { status: 'rated', unrated_cause: null });
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
      flags: flags.join(','),
      at: ctx.now,
      excluded: 0,
    },
    { terminal_id: terminalId },
  );
  // Every 差评 is followed up.
  if (isBad(level)) openFollowup(ctx, rating, request);
}

/**
 * The request a code on paper rates: a case's, or the latest of its ticket's (the window's, which
 * the phone may take over until the window's device has it rated). Redeemable from the service's
 * end for the hall's days for codes, once. An unknown code, a ticket not yet served, a rated
 * service and an expired code are each refused with their reason.
 */
function codeRequest(ctx: Ctx, code: string): Row<'rating_requests'> {
  const paper = sql(ctx, 'SELECT ticket_id, case_id FROM rating_codes WHERE code = ?').get(code) as
    { ticket_id: string | null; case_id: string | null } | undefined;
  if (!paper) throw refuse(ratingRefusals.invalid);
  const latest = sql(
    ctx,
    'SELECT id FROM rating_requests WHERE case_id = ? OR ticket_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  ).get(paper.case_id, paper.ticket_id) as { id: string } | undefined;
  const request = latest && ctx.store.get('rating_requests', latest.id);
  const refusal = codeRefusal(request, ctx.now, settingsOf(ctx).codeDays);
  if (refusal) throw refuse(ratingRefusals[refusal]);
  return request!;
}

/** Whether the hub ever issued `code` (a guess is answered without an audit row, see http/rate.ts). */
export const codeIssued = (ctx: Pick<Ctx, 'store'>, code: string): boolean =>
  sql(ctx, 'SELECT 1 FROM rating_codes WHERE code = ?').get(code) !== undefined;

/** What the phone page shows of the service a code rates: its item or service, its counter, its day. */
export function lookByCode(ctx: Ctx, code: string): RateLookAnswer {
  const request = codeRequest(ctx, code);
  const subject = request.item_id
    ? ctx.store.get('catalog_items', request.item_id)?.name
    : request.service_id
      ? ctx.store.get('services', request.service_id)?.name
      : undefined;
  return {
    subject: subject ?? '',
    counter: request.counter_id ? (ctx.store.get('counters', request.counter_id)?.name ?? null) : null,
    day: dayOf(ctx, request.created_at),
  };
}

/** The applicant's rating by the code on their paper: taken once, through the phone channel only. */
export function rateByCode(ctx: Ctx, given: RateSubmitRequest): void {
  const request = codeRequest(ctx, given.code);
  ctx.store.patch('rating_requests', request.id, { channel: 'qr' });
  recordRating(ctx, request, given, [], null);
}

export const ratingHandlers = {
  'rating.submit': (ctx) => {
    const request = redeemable(ctx, ctx.payload.requestId);
    const recent = (
      sql(ctx, 'SELECT count(*) AS n FROM ratings WHERE terminal_id = ? AND at > ?').get(ctx.caller.terminalId, ctx.now - 30_000) as {
        n: number;
      }
    ).n;
    const atCounter = request.counter_id !== null && ctx.store.get('counters', request.counter_id)?.staff_id === request.staff_id;
    recordRating(ctx, request, ctx.payload, ratingFlags(request.created_at, ctx.now, recent, atCounter), ctx.caller.terminalId);
    return {};
  },
  'rating.decline': (ctx) => {
    const request = redeemable(ctx, ctx.payload.requestId);
    ctx.store.patch('rating_requests', request.id, { status: 'unrated', unrated_cause: 'declined' });
    return {};
  },
  /**
   * The review of a flagged rating, once, by a manager it is not about. A 差评 leaves the rates only
   * through its follow-up's appeal (which also ends the follow-up and its 整改), so a review keeps
   * it or refers it there; one already excluded on appeal needs no review.
   */
  'rating.review': (ctx) => {
    const { ratingId, decision, note } = ctx.payload;
    const rating = ctx.store.get('ratings', ratingId);
    if (!rating || rating.hall_id !== ctx.hallId) throw notFound('rating');
    const reviewer = ctx.sessionStaff!.id;
    if (ctx.store.get('rating_requests', ratingId)?.staff_id === reviewer) throw refuse(ratingRefusals.reviewSelf);
    if (rating.flags === '') throw refuse(ratingRefusals.notFlagged);
    if (sql(ctx, 'SELECT 1 FROM rating_reviews WHERE id = ?').get(ratingId)) throw refuse(ratingRefusals.alreadyReviewed);
    if (rating.excluded) throw refuse(ratingRefusals.alreadyExcluded);
    if (decision === 'excluded' && isBad(rating.level)) throw refuse(ratingRefusals.badByAppeal);
    if (decision === 'excluded') excludeRating(ctx, ratingId);
    sql(ctx, 'INSERT INTO rating_reviews (id, hall_id, decision, note, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)').run(
      ratingId,
      ctx.hallId,
      decision,
      note,
      reviewer,
      ctx.now,
    );
    return {};
  },
  'hall.setRatingSettings': (ctx) => {
    const merged = { ...parseRatingSettings(ctx.store.get('halls', ctx.hallId)!.rating_settings), ...ctx.payload };
    return { hall: ctx.store.patch('halls', ctx.hallId, { rating_settings: JSON.stringify(merged) }) };
  },
} satisfies FeatureHandlers<typeof ratingCommandSpecs>;
