import { refuse } from '../../../../shared/kernel/refusal';
import { ratingRefusals } from '../../../../shared/ratings/refusals';
import type { CommandType, Row } from '../../../../shared/protocol';
import type { FollowupAction } from '../../../../shared/followups/enums';
import { type followupCommandSpecs } from '../../../../shared/followups/commands';
import { STEP_FROM, STEP_TO } from '../../../../shared/followups/rules';
import { parseRatingSettings } from '../../../../shared/ratings/settings';
import { notFound, sql, type FeatureHandlers, type HandlerContext } from '../../commands/context';
import { hallCalendar } from '../calendar/calendar';
import { dayOf } from '../cases/deadlines';

type Ctx = HandlerContext<CommandType>;

/** Records a step of a follow-up, as the person signed in at the board (the executor has checked the session). */
function record(ctx: Ctx, f: Row<'followups'>, action: FollowupAction, note: string): void {
  const n = (sql(ctx, 'SELECT count(*) AS n FROM followup_events WHERE followup_id = ?').get(f.id) as { n: number }).n;
  ctx.store.upsert('followup_events', {
    id: `${f.id}-${n + 1}`,
    hall_id: ctx.hallId,
    followup_id: f.id,
    action,
    staff_id: ctx.sessionStaff?.id ?? null,
    at: ctx.now,
    note,
  });
}

/**
 * Opens the follow-up of a 差评 (inside the rating's command): due the hall's follow-up days later
 * in working days on the hall calendar, yellow from its last working day, for the department whose
 * service was rated and the staff member rated.
 */
export function openFollowup(ctx: Ctx, rating: Row<'ratings'>, request: Row<'rating_requests'>): void {
  const days = parseRatingSettings(ctx.store.get('halls', ctx.hallId)!.rating_settings).followUpDays;
  const calendar = hallCalendar(ctx.store.db, ctx.hallId);
  const today = dayOf(ctx, ctx.now);
  const f = ctx.store.upsert('followups', {
    id: `${rating.id}-f`,
    hall_id: ctx.hallId,
    rating_id: rating.id,
    // The department of the service rated, or of a concluded case's item.
    department_id:
      (request.service_id
        ? ctx.store.get('services', request.service_id)?.department_id
        : request.item_id
          ? ctx.store.get('catalog_items', request.item_id)?.department_id
          : null) ?? null,
    staff_id: request.staff_id,
    status: 'open',
    opened_at: ctx.now,
    opened_day: today,
    yellow_from: calendar.addWorkingDays(today, days - 1).date,
    due_day: calendar.addWorkingDays(today, days).date,
    closed_at: null,
    closed_day: null,
    callback_day: null,
    callback_method: null,
    callback_outcome: null,
    callback_satisfied: null,
    appeal: null,
    appeal_kind: null,
    appellant_id: null,
  });
  record(ctx, f, 'open', '');
}

function load(ctx: Ctx, id: string): Row<'followups'> {
  const f = ctx.store.get('followups', id);
  if (!f) throw notFound('followup');
  return f;
}

/** Moves a follow-up one status on by `step`, refused from any other status. */
function advance(ctx: Ctx, f: Row<'followups'>, step: keyof typeof STEP_FROM, changes: Partial<Row<'followups'>>, note: string) {
  if (f.appeal === 'pending') throw refuse(ratingRefusals.appealPending);
  if (f.status !== STEP_FROM[step]) throw refuse(ratingRefusals.wrongStep);
  const next = ctx.store.patch('followups', f.id, { ...changes, status: STEP_TO[step] });
  record(ctx, next, step, note);
  return { followup: next };
}

export const followupHandlers = {
  'followup.step': (ctx) => {
    const { followupId, step, note } = ctx.payload;
    const closing = step === 'close' ? { closed_at: ctx.now, closed_day: dayOf(ctx, ctx.now) } : {};
    return advance(ctx, load(ctx, followupId), step, closing, note);
  },
  'followup.callback': (ctx) => {
    const { followupId, day, method, outcome, satisfied } = ctx.payload;
    const f = load(ctx, followupId);
    if (day < f.opened_day || day > dayOf(ctx, ctx.now)) throw refuse(ratingRefusals.callbackDay);
    const changes = { callback_day: day, callback_method: method, callback_outcome: outcome, callback_satisfied: satisfied ? 1 : 0 };
    return advance(ctx, f, 'callback', changes, outcome);
  },
  'followup.appeal': (ctx) => {
    const { followupId, kind, grounds } = ctx.payload;
    const f = load(ctx, followupId);
    if (f.status === 'closed' || f.appeal !== null) throw refuse(ratingRefusals.noNewAppeal);
    const next = ctx.store.patch('followups', f.id, { appeal: 'pending', appeal_kind: kind, appellant_id: ctx.sessionStaff?.id ?? null });
    record(ctx, next, 'appeal', grounds);
    return { followup: next };
  },
  /**
   * The appeal review: by someone who neither made the appeal nor was rated. Upheld, the rating
   * stays in the record but leaves every rate, and the follow-up ends; rejected, the follow-up goes on.
   */
  'followup.decideAppeal': (ctx) => {
    const { followupId, upheld, note } = ctx.payload;
    const f = load(ctx, followupId);
    if (f.appeal !== 'pending') throw refuse(ratingRefusals.noAppeal);
    const reviewer = ctx.sessionStaff?.id;
    if (reviewer === f.appellant_id || reviewer === f.staff_id) throw refuse(ratingRefusals.reviewerConflict);
    if (upheld && f.rating_id) ctx.store.patch('ratings', f.rating_id, { excluded: 1 });
    const next = ctx.store.patch('followups', f.id, {
      appeal: upheld ? 'upheld' : 'rejected',
      ...(upheld && { status: 'closed' as const, closed_at: ctx.now, closed_day: dayOf(ctx, ctx.now) }),
    });
    record(ctx, next, upheld ? 'uphold' : 'reject', note);
    return { followup: next };
  },
} satisfies FeatureHandlers<typeof followupCommandSpecs>;
