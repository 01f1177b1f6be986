import { randomUUID } from 'node:crypto';
import {
  caseRefusals,
  checkExtension,
  checkPartDecision,
  checkPartTaker,
  checkPause,
  checkResume,
  checkStep,
  jointOnTime,
  standardFee,
  type CaseState,
  type Refusal,
} from '../../../../shared/cases/rules';
import { refuse } from '../../../../shared/kernel/refusal';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { type caseCommandSpecs } from '../../../../shared/cases/commands';
import { checkApplicantId, insertCase } from './newCase';
import { calendarChanged, hallCalendar } from '../calendar/calendar';
import { checkStaffPassword, loadCounter, notFound, sql, type HandlerContext, type FeatureHandlers } from '../../commands/context';
import { findCases } from './queries';
import { clockStart, dayOf, deadlinePatch, decisionLateness, firstNoticeLate, recomputeDeadlines } from './deadlines';
import { documentDate } from '../../../../shared/cases/notices';
import { dueText, issueNotice, issueStepNotice } from './notices';
import { checkTaker, dutyError, dutyHandlers } from './duties';
import { withinRevealLimit } from './reveal';

/**
 * Case (办件) commands. Every step records who did it and when. Commands made offline carry the
 * moment they were made (`at`): the hub uses it within its clerk's signed-in period, never later
 * than its own now and never before the case's last step, so that a case's history stays in order
 * (see stepBy).
 */

type Ctx = HandlerContext<CommandType>;

const stateError = (r: Refusal) => refuse(r.refusal, r.params);

/**
 * Who takes a step, and when. The clerk is the one signed in at the counter as the step reaches the
 * hub, or, when the counter has been signed out since, the last one (the terminal is bound to the
 * counter, so the person at this PC, even for work queued offline that arrives after they signed
 * out). A step made offline carries the moment it was made (`claimed`): it is kept within that
 * clerk's signed-in period (from the counter's log), after the case's last step and never in the
 * future, so neither a PC's clock nor a claim dates a step to when its clerk was not signed in (a
 * case concluded "yesterday" to be on time, a step before the case was in this state); the audit
 * row has the applied moment beside the claimed one. `claimed` null: a step that needs the hub,
 * taken now by the clerk signed in now.
 *
 * Need to know: the clerk must be of `departmentId`, the case's (a joint part's, for deciding that
 * part), so a clerk works on their own department's cases only; null for registering (收件), open
 * to every counter since a general window (综合受理) receives for every department.
 */
export function stepBy(
  ctx: Ctx,
  counterId: string,
  claimed: number | null,
  c: Row<'cases'> | undefined,
  departmentId: string | null,
): { staffId: string; at: number } {
  loadCounter(ctx, counterId);
  const signIn = sql(
    ctx,
    "SELECT rowid, at, staff_id FROM counter_log WHERE counter_id = ? AND event = 'sign_in' ORDER BY at DESC, rowid DESC LIMIT 1",
  ).get(counterId) as { rowid: number; at: number; staff_id: string } | undefined;
  const signOut =
    signIn &&
    (sql(ctx, "SELECT at FROM counter_log WHERE counter_id = ? AND event = 'sign_out' AND rowid > ? ORDER BY rowid LIMIT 1").get(
      counterId,
      signIn.rowid,
    ) as { at: number } | undefined);
  if (!signIn || (claimed === null && signOut)) throw refuse(caseRefusals.signInFirst);
  if (departmentId !== null && ctx.store.get('staff', signIn.staff_id)!.department_id !== departmentId) {
    throw refuse(caseRefusals.otherDepartment, { department: ctx.store.get('departments', departmentId)?.name ?? '' });
  }
  const from = Math.max(signIn.at, c?.updated_at ?? 0),
    to = signOut?.at ?? ctx.now;
  if (from > to) throw refuse(caseRefusals.afterSignOut);
  const at = Math.min(Math.max(claimed ?? ctx.now, from), to);
  if (claimed !== null) ctx.auditNote({ appliedAt: at });
  return { staffId: signIn.staff_id, at };
}

/**
 * Who decides a joint part: a member of the part's department signed in at their counter (stepBy),
 * or, at the manager board (no counter), the manager or administrator signed in there, acting for
 * the department (`actingFor`, recorded with the decision), now.
 */
function partTaker(
  ctx: Ctx,
  counterId: string | null,
  claimed: number,
  c: Row<'cases'>,
  departmentId: string,
): { staffId: string; at: number; actingFor: boolean } {
  if (ctx.caller.role === 'manager') {
    if (counterId !== null || !ctx.sessionStaff) throw refuse(caseRefusals.partAtBoard);
    return { staffId: ctx.sessionStaff.id, at: Math.max(ctx.now, c.updated_at), actingFor: true };
  }
  if (counterId === null) throw refuse(caseRefusals.partAtCounter);
  return { ...stepBy(ctx, counterId, claimed, c, departmentId), actingFor: false };
}

function loadCase(ctx: Ctx, caseId: string): Row<'cases'> {
  const c = ctx.store.get('cases', caseId);
  if (!c) throw notFound('case');
  return c;
}

const partsOf = (ctx: Ctx, caseId: string) => ctx.store.where('case_parts', 'case_id = ?', caseId);
const stateOf = (c: Row<'cases'>, parts: Row<'case_parts'>[]): CaseState => ({
  status: c.status,
  paused_kind: c.paused_kind,
  extension_days: c.extension_days,
  parts,
  proxy_id: c.proxy_id,
});

export function record(ctx: Ctx, caseId: string, action: string, staffId: string | null, at: number, detail: Record<string, unknown> = {}) {
  ctx.store.upsert('case_events', {
    id: randomUUID(),
    hall_id: ctx.hallId,
    case_id: caseId,
    action,
    staff_id: staffId,
    at,
    detail: JSON.stringify(detail),
  });
}

export const caseHandlers = {
  ...dutyHandlers,
  'case.register': (ctx) => {
    const p = ctx.payload;
    if (ctx.store.get('cases', p.caseId)) throw refuse(caseRefusals.duplicateId);
    const { staffId, at } = stepBy(ctx, p.counterId, p.at, undefined, null);
    const item = ctx.store.get('catalog_items', p.itemId);
    if (!item || !item.active) throw notFound('item');
    checkApplicantId(ctx, p.applicant);
    if (p.ticketId !== null) {
      const ticket = ctx.store.get('tickets', p.ticketId);
      if (!ticket || ticket.counter_id !== p.counterId) throw refuse(caseRefusals.ticketNotHere);
    }
    const partDepartments = new Set<string>();
    for (const part of p.parts) {
      if (!ctx.store.get('departments', part.departmentId)) throw notFound('jointDepartment');
      if (part.departmentId === item.department_id || partDepartments.has(part.departmentId)) {
        throw refuse(caseRefusals.badParts);
      }
      partDepartments.add(part.departmentId);
    }
    insertCase(ctx, {
      caseId: p.caseId,
      item,
      ticketId: p.ticketId,
      counterId: p.counterId,
      applicant: p.applicant,
      agentName: p.agentName || null,
      firstClerkId: staffId,
      green: p.green,
      materials: p.materialsReceived,
      joint: p.parts.length > 0,
      at,
      origin: null,
    });
    for (const part of p.parts) {
      ctx.store.upsert('case_parts', {
        id: randomUUID(),
        hall_id: ctx.hallId,
        case_id: p.caseId,
        department_id: part.departmentId,
        limit_days: part.limitDays,
        due_day: null,
        outcome: 'pending',
        note: null,
        decided_at: null,
        decided_day: null,
        decided_by: null,
      });
    }
    record(ctx, p.caseId, 'register', staffId, at, { materials: p.materialsReceived, parts: p.parts.length });
    return { case: ctx.store.get('cases', p.caseId)! };
  },

  'case.step': (ctx) => {
    const p = ctx.payload;
    const c = loadCase(ctx, p.caseId);
    const parts = partsOf(ctx, c.id);
    const allowed = checkStep(stateOf(c, parts), p.action);
    if (!allowed.ok) throw stateError(allowed);
    const { staffId, at } = stepBy(ctx, p.counterId, p.at, c, c.department_id);
    checkTaker(ctx, c, p.action, staffId);
    const day = dayOf(ctx, at);
    let patch: Partial<Row<'cases'>> = { status: allowed.to, updated_at: at };
    let detail: Record<string, unknown> = {};
    switch (p.action) {
      case 'accept':
        patch = { ...patch, accepted_at: at, accepted_day: clockStart(ctx, c, day) };
        break;
      case 'refuse':
        patch = { ...patch, decision_reason: p.reason };
        detail = { reason: p.reason };
        break;
      case 'deny':
        patch = { ...patch, decision_reason: p.reason, approver_id: staffId, decided_at: at, ...decisionLateness(ctx, c, day) };
        detail = { reason: p.reason, lateDays: patch.late_days };
        break;
      case 'requestSupplement': {
        const late = firstNoticeLate(ctx, c, day);
        patch = {
          ...patch,
          materials_missing: JSON.stringify(p.missing),
          supplement_count: c.supplement_count + 1,
          ...(late ? { late_notice: 1 } : {}),
        };
        detail = { missing: p.missing, late };
        break;
      }
      case 'resubmit': {
        const missing = (JSON.parse(c.materials_missing) as string[]).filter((m) => !p.received.includes(m));
        const received = [...new Set([...(JSON.parse(c.materials_received) as string[]), ...p.received])];
        patch = { ...patch, materials_missing: JSON.stringify(missing), materials_received: JSON.stringify(received) };
        detail = { received: p.received };
        break;
      }
      case 'undertake':
        patch = { ...patch, handler_id: staffId };
        break;
      case 'review':
        patch = { ...patch, reviewer_id: staffId };
        break;
      case 'approve':
        patch = { ...patch, approver_id: staffId, decided_at: at, ...decisionLateness(ctx, c, day) };
        detail = { lateDays: patch.late_days };
        break;
      case 'conclude': {
        const cal = hallCalendar(ctx.store.db, ctx.hallId);
        const used = Math.max(0, cal.pauseLength(c.accepted_day!, day, c.limit_unit) - c.paused_days);
        const onTime = parts.length ? jointOnTime(day, c.promised_due!, parts) : day <= c.promised_due!;
        // The fee is charged when the case is concluded, as the catalog stands then.
        const standard = standardFee(c.status, ctx.store.get('catalog_items', c.item_id)!.fee_cents);
        patch = {
          ...patch,
          concluded_at: at,
          used_days: used,
          on_time: onTime ? 1 : 0,
          fee_standard_cents: standard,
          fee_charged_cents: p.feeCents,
        };
        detail = { usedDays: used, onTime, feeCents: p.feeCents, standardCents: standard };
        break;
      }
      case 'deliver':
        patch = { ...patch, delivered_at: at };
        break;
    }
    let updated = ctx.store.patch('cases', c.id, patch);
    if (p.action === 'accept' || p.action === 'approve' || p.action === 'deny')
      updated = ctx.store.patch('cases', c.id, deadlinePatch(ctx, updated));
    record(ctx, c.id, p.action, staffId, at, detail);
    issueStepNotice(ctx, p, c, updated, staffId, at);
    return { case: updated };
  },

  'case.pause': (ctx) => {
    const p = ctx.payload;
    const c = loadCase(ctx, p.caseId);
    const allowed = checkPause(stateOf(c, partsOf(ctx, c.id)));
    if (!allowed.ok) throw stateError(allowed);
    const { staffId, at } = stepBy(ctx, p.counterId, p.at, c, c.department_id);
    const updated = ctx.store.patch('cases', c.id, { paused_kind: p.kind, paused_since: dayOf(ctx, at), updated_at: at });
    record(ctx, c.id, p.kind, staffId, at, { reason: p.reason, expectedDays: p.expectedDays });
    // Art. 45: the applicant is told in writing what the special procedure is and how long it takes.
    if (p.kind === 'special')
      issueNotice(ctx, updated, staffId, at, {
        kind: 'special',
        procedure: p.reason,
        expectedDays: p.expectedDays,
        from: documentDate(dayOf(ctx, at)),
      });
    return { case: updated };
  },

  'case.resume': (ctx) => {
    const p = ctx.payload;
    const c = loadCase(ctx, p.caseId);
    const allowed = checkResume(stateOf(c, partsOf(ctx, c.id)));
    if (!allowed.ok) throw stateError(allowed);
    const { staffId, at } = stepBy(ctx, p.counterId, p.at, c, c.department_id);
    // The pause's length, told to the applicant: days (in the limit's unit) after the day it began, up to today.
    const pausedDays = hallCalendar(ctx.store.db, ctx.hallId).pauseLength(c.paused_since!, dayOf(ctx, at), c.limit_unit);
    const resumed = ctx.store.patch('cases', c.id, {
      paused_kind: null,
      paused_since: null,
      paused_days: c.paused_days + pausedDays,
      updated_at: at,
    });
    // Recorded first: the due days count the pauses from the case's history.
    record(ctx, c.id, 'resume', staffId, at, { pausedDays, kind: c.paused_kind });
    const updated = ctx.store.patch('cases', c.id, deadlinePatch(ctx, resumed));
    return { case: updated, pausedDays };
  },

  'case.decidePart': (ctx) => {
    const p = ctx.payload;
    const c = loadCase(ctx, p.caseId);
    const part = ctx.store.get('case_parts', p.partId);
    if (!part || part.case_id !== c.id) throw notFound('jointPart');
    const allowed = checkPartDecision(stateOf(c, partsOf(ctx, c.id)), part.outcome);
    if (!allowed.ok) throw stateError(allowed);
    const { staffId, at, actingFor } = partTaker(ctx, p.counterId, p.at, c, part.department_id);
    const taker = checkPartTaker(c.first_clerk_id, staffId);
    if (!taker.ok) throw dutyError(taker);
    const updatedPart = ctx.store.patch('case_parts', part.id, {
      outcome: p.outcome,
      note: p.note || null,
      decided_at: at,
      decided_day: dayOf(ctx, at),
      decided_by: staffId,
    });
    ctx.store.patch('cases', c.id, { updated_at: at });
    record(ctx, c.id, 'decidePart', staffId, at, { departmentId: part.department_id, outcome: p.outcome, note: p.note, actingFor });
    return { part: updatedPart };
  },

  'case.extend': (ctx) => {
    const p = ctx.payload;
    const c = loadCase(ctx, p.caseId);
    const allowed = checkExtension(stateOf(c, partsOf(ctx, c.id)), p.days);
    if (!allowed.ok) throw stateError(allowed);
    // Needs the hub (a password is checked), so it happens now.
    const { staffId, at } = stepBy(ctx, p.counterId, null, c, c.department_id);
    // Only a manager or administrator approves: a clerk's login answers as an unknown one does,
    // whether its password was right or not, so the form tells nobody which logins are clerks'.
    const approverId = checkStaffPassword(ctx, p.approver.login, p.approver.password, 'extensionApproval', ['manager', 'admin']);
    const extended = ctx.store.patch('cases', c.id, {
      extension_days: p.days,
      extension_reason: p.reason,
      extension_approver_id: approverId,
      updated_at: at,
    });
    const updated = ctx.store.patch('cases', c.id, deadlinePatch(ctx, extended));
    record(ctx, c.id, 'extend', staffId, at, { days: p.days, reason: p.reason, approverId });
    // Art. 42: the reason for the extension, and the new due day, are told to the applicant.
    issueNotice(ctx, updated, staffId, at, {
      kind: 'extension',
      days: p.days,
      reason: p.reason,
      due: dueText(updated.promised_due),
      statutoryDue: dueText(updated.statutory_due),
    });
    return { case: updated };
  },

  /**
   * Only by someone signed in now: a clerk of the case's department at this PC's counter, or a
   * manager at the board; each person a few times a day (the audit log counts them).
   */
  'case.revealId': (ctx) => {
    const c = loadCase(ctx, ctx.payload.caseId);
    // A clerk PC bound to its counter: the audit row names the clerk signed in there, whose reveals are counted.
    if (!ctx.sessionStaff && !ctx.caller.counterId) throw refuse(caseRefusals.revealNeedsCounter);
    const staffId = ctx.sessionStaff?.id ?? stepBy(ctx, ctx.payload.counterId ?? ctx.caller.counterId!, null, c, c.department_id).staffId;
    withinRevealLimit(ctx, staffId);
    const row = sql(ctx, 'SELECT id_number FROM cases WHERE id = ?').get(c.id) as { id_number: string | null };
    if (!row.id_number) throw refuse(caseRefusals.noIdNumber);
    return { idNumber: row.id_number };
  },

  /** A search that finds a case tells the number's owner: one reveal (the audit row counts it); one that finds none is refused. */
  'case.findByIdNumber': (ctx) => {
    const staffId = ctx.sessionStaff?.id ?? (ctx.caller.counterId ? loadCounter(ctx, ctx.caller.counterId).staff_id : null);
    if (!staffId) throw refuse(caseRefusals.signInFirst);
    withinRevealLimit(ctx, staffId);
    const { idNumber, scope, counterId } = ctx.payload;
    const rows = findCases(ctx.store.db, ctx.caller, { text: '', scope, counterId }, idNumber);
    if (rows.length === 0) throw refuse(caseRefusals.noCaseForId);
    return { rows };
  },

  'hall.setCaseSettings': (ctx) => {
    const merged = { ...parseCaseSettings(ctx.store.get('halls', ctx.hallId)!.case_settings), ...ctx.payload };
    merged.dutyDays = [...new Set(merged.dutyDays)].sort();
    const hall = ctx.store.patch('halls', ctx.hallId, { case_settings: JSON.stringify(merged) });
    calendarChanged(ctx.store.db);
    return { hall, recomputed: recomputeDeadlines(ctx) };
  },
} satisfies FeatureHandlers<typeof caseCommandSpecs>;
