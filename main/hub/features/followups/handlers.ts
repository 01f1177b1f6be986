import { refuse } from '../../../../shared/kernel/refusal';
import { ratingRefusals } from '../../../../shared/ratings/refusals';
import { complaintRefusals } from '../../../../shared/complaints/refusals';
import { maskPhone } from '../../../../shared/identity/rules';
import type { CommandType, Row } from '../../../../shared/protocol';
import type { FollowupAction } from '../../../../shared/followups/enums';
import { type followupCommandSpecs } from '../../../../shared/followups/commands';
import { followupDays, STEP_FROM, STEP_TO } from '../../../../shared/followups/rules';
import { parseRatingSettings } from '../../../../shared/ratings/settings';
import { notFound, sql, type FeatureHandlers, type HandlerContext } from '../../commands/context';
import { hallCalendar } from '../calendar/calendar';
import { dayOf } from '../cases/deadlines';
import { withinRevealLimit } from '../cases/reveal';
import { excludeRating } from '../ratings/exclude';

type Ctx = HandlerContext<CommandType>;

/**
 * Who is acting: the person signed in at the board (the executor has checked the session), or the
 * clerk signed in at this clerk PC's counter; nobody elsewhere (an evaluator's 差评 opening a
 * follow-up is not the act of the clerk at its counter) and at a counter with nobody signed in.
 */
function actorOf(ctx: Ctx): string | null {
  if (ctx.sessionStaff) return ctx.sessionStaff.id;
  const counterId = ctx.caller.role === 'clerk' ? ctx.caller.counterId : null;
  return counterId ? (ctx.store.get('counters', counterId)?.staff_id ?? null) : null;
}

/**
 * Who may act on a follow-up — its work (核实, 整改, 回访, 办结) and its callback phone: a manager at
 * the board or its assignee at their counter (a department head who is a clerk), never the person
 * it is about. Answers them; `notAssignee` is the refusal for anyone else.
 */
function mayWork(
  ctx: Ctx,
  f: Row<'followups'>,
  notAssignee: typeof complaintRefusals.workNotAssignee | typeof complaintRefusals.notAssignee = complaintRefusals.workNotAssignee,
): string {
  const actor = actorOf(ctx);
  if (actor !== null && actor === f.staff_id) throw refuse(complaintRefusals.workOwnFollowup);
  if (actor === null || (!ctx.sessionStaff && actor !== f.assignee_id)) throw refuse(notAssignee);
  return actor;
}

/** Records a step of a follow-up, with who took it (actorOf). */
function record(ctx: Ctx, f: Row<'followups'>, action: FollowupAction, note: string): void {
  const n = (sql(ctx, 'SELECT count(*) AS n FROM followup_events WHERE followup_id = ?').get(f.id) as { n: number }).n;
  ctx.store.upsert('followup_events', {
    id: `${f.id}-${n + 1}`,
    hall_id: ctx.hallId,
    followup_id: f.id,
    action,
    staff_id: actorOf(ctx),
    at: ctx.now,
    note,
  });
}

/**
 * Who works a new follow-up: the responsible department's head, unless the head is the person it is
 * about or has left; else the hall's first manager (by id, so the choice is the same on every replay).
 */
function assigneeFor(ctx: Ctx, departmentId: string | null, aboutId: string | null): string | null {
  const head = departmentId ? ctx.store.get('departments', departmentId)?.head_staff_id : null;
  if (head && head !== aboutId && !ctx.store.get('staff', head)?.disabled_at) return head;
  const manager = sql(ctx, "SELECT id FROM staff WHERE hall_id = ? AND role = 'manager' AND disabled_at IS NULL ORDER BY id LIMIT 1").get(
    ctx.hallId,
  ) as { id: string } | undefined;
  return manager?.id ?? null;
}

/**
 * Opens a follow-up of a 差评 or a complaint (inside its command): due the hall's follow-up days
 * later in working days on the hall calendar, yellow from its last working day, for the responsible
 * department and the person it is about, assigned (assigneeFor), with the phone to call back kept
 * whole on the hub and masked in the row.
 */
export function startFollowup(
  ctx: Ctx,
  f: {
    id: string;
    source: { rating_id: string } | { complaint_id: string };
    department_id: string | null;
    staff_id: string | null;
    phone: string | null;
  },
): Row<'followups'> {
  const days = parseRatingSettings(ctx.store.get('halls', ctx.hallId)!.rating_settings).followUpDays;
  const calendar = hallCalendar(ctx.store.db, ctx.hallId);
  const today = dayOf(ctx, ctx.now);
  const row = ctx.store.upsert(
    'followups',
    {
      id: f.id,
      hall_id: ctx.hallId,
      rating_id: null,
      complaint_id: null,
      ...f.source,
      assignee_id: assigneeFor(ctx, f.department_id, f.staff_id),
      phone_masked: f.phone === null ? null : maskPhone(f.phone),
      department_id: f.department_id,
      staff_id: f.staff_id,
      status: 'open',
      opened_at: ctx.now,
      opened_day: today,
      ...followupDays(calendar, today, days),
      closed_at: null,
      closed_day: null,
      callback_day: null,
      callback_method: null,
      callback_outcome: null,
      callback_satisfied: null,
      appeal: null,
      appeal_kind: null,
      appellant_id: null,
    },
    { phone: f.phone },
  );
  record(ctx, row, 'open', '');
  return row;
}

/**
 * Opens the follow-up of a 差评 (inside the rating's command), for the department whose service was
 * rated and the staff member rated; the phone to call back is the rated case's own, or the one given
 * on the case registered from the rated ticket, if any (tickets themselves carry none).
 */
export function openFollowup(ctx: Ctx, rating: Row<'ratings'>, request: Row<'rating_requests'>): void {
  const phone = request.case_id
    ? (sql(ctx, 'SELECT phone FROM cases WHERE id = ?').get(request.case_id) as { phone: string } | undefined)
    : request.ticket_id
      ? (sql(ctx, 'SELECT phone FROM cases WHERE ticket_id = ? ORDER BY received_at DESC LIMIT 1').get(request.ticket_id) as
          { phone: string } | undefined)
      : undefined;
  startFollowup(ctx, {
    id: `${rating.id}-f`,
    source: { rating_id: rating.id },
    // The department of the service rated, or of a concluded case's item.
    department_id:
      (request.service_id
        ? ctx.store.get('services', request.service_id)?.department_id
        : request.item_id
          ? ctx.store.get('catalog_items', request.item_id)?.department_id
          : null) ?? null,
    staff_id: request.staff_id,
    phone: phone?.phone || null,
  });
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
    const { followupId, step, note, substantiated } = ctx.payload;
    const f = load(ctx, followupId);
    mayWork(ctx, f);
    // A complaint is found substantiated or not as its follow-up closes; a 差评's has no such finding.
    if (substantiated !== undefined && (step !== 'close' || !f.complaint_id)) throw refuse(complaintRefusals.substantiatedOnlyComplaint);
    if (step === 'close' && f.complaint_id && substantiated === undefined) throw refuse(complaintRefusals.substantiatedNeeded);
    const closing = step === 'close' ? { closed_at: ctx.now, closed_day: dayOf(ctx, ctx.now) } : {};
    const answer = advance(ctx, f, step, closing, note);
    if (f.complaint_id && substantiated !== undefined)
      ctx.store.patch('complaints', f.complaint_id, { substantiated: substantiated ? 1 : 0 });
    return answer;
  },
  'followup.callback': (ctx) => {
    const { followupId, day, method, outcome, satisfied } = ctx.payload;
    const f = load(ctx, followupId);
    mayWork(ctx, f);
    if (day < f.opened_day || day > dayOf(ctx, ctx.now)) throw refuse(ratingRefusals.callbackDay);
    const changes = { callback_day: day, callback_method: method, callback_outcome: outcome, callback_satisfied: satisfied ? 1 : 0 };
    return advance(ctx, f, 'callback', changes, outcome);
  },
  'followup.appeal': (ctx) => {
    const { followupId, kind, grounds } = ctx.payload;
    const f = load(ctx, followupId);
    if (f.complaint_id) throw refuse(complaintRefusals.noAppealOnComplaint);
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
    if (upheld && f.rating_id) excludeRating(ctx, f.rating_id);
    const next = ctx.store.patch('followups', f.id, {
      appeal: upheld ? 'upheld' : 'rejected',
      ...(upheld && { status: 'closed' as const, closed_at: ctx.now, closed_day: dayOf(ctx, ctx.now) }),
    });
    record(ctx, next, upheld ? 'uphold' : 'reject', note);
    return { followup: next };
  },
  'followup.assign': (ctx) => {
    const { followupId, staffId } = ctx.payload;
    const f = load(ctx, followupId);
    if (f.status === 'closed') throw refuse(ratingRefusals.wrongStep);
    const staff = ctx.store.get('staff', staffId);
    if (!staff || staff.hall_id !== ctx.hallId) throw notFound('staff');
    if (staff.disabled_at !== null) throw refuse(complaintRefusals.assigneeInactive);
    if (staffId === f.staff_id) throw refuse(complaintRefusals.assigneeRated);
    const next = ctx.store.patch('followups', f.id, { assignee_id: staffId });
    record(ctx, next, 'assign', staffId);
    return { followup: next };
  },
  /**
   * Whoever may work the follow-up (mayWork: never the person it is about); counted with the
   * ID-number reveals (the audit row names who revealed).
   */
  'followup.revealPhone': (ctx) => {
    const f = load(ctx, ctx.payload.followupId);
    const staffId = mayWork(ctx, f, complaintRefusals.notAssignee);
    withinRevealLimit(ctx, staffId);
    const row = sql(ctx, 'SELECT phone FROM followups WHERE id = ?').get(f.id) as { phone: string | null };
    if (!row.phone) throw refuse(complaintRefusals.noPhone);
    return { phone: row.phone };
  },
} satisfies FeatureHandlers<typeof followupCommandSpecs>;
