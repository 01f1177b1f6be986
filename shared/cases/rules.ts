import type { LimitUnit } from '../calendar/enums';
import { addDays, calendarEnd, daysBetween, type DayResult, type WorkCalendar } from '../calendar/rules';
import type { Definition } from '../kernel/definition';
import { sqlIn } from '../kernel/sql';
import { ErrorCode, type ReasonParams } from '../kernel/errors';
import { defineRefusals, refusalMessage } from '../kernel/refusal';
import type { CaseDuty, CaseRole, CaseSignal, CaseStatus, DecisionCard, DutyStage, PauseKind, StepAction } from './enums';
import type { StepDuties } from './settings';

/**
 * The case (办件) workflow of DOMAIN.md:
 * 收件 → 受理 | 不予受理 | 补正告知 (→ 收件 again when the materials come) → 承办 → 审核 → 批准 | 不予批准
 * → 办结 → 送达; 挂起 and 特别程序 pause the clock while the case is running; one extension.
 */

/** Statuses in which the case clock runs (from acceptance until 办结). */
export const RUNNING: readonly CaseStatus[] = ['accepted', 'handling', 'reviewing', 'approved', 'denied'];
/** Statuses after a decision (批准 or 不予批准) and before 送达: the delivery clock runs (art. 44). */
export const DECIDED: readonly CaseStatus[] = ['approved', 'denied', 'concluded'];
/** Statuses in which a clock runs, the decision's or the delivery's: due days follow the calendar. */
export const CLOCKED: readonly CaseStatus[] = [...RUNNING, 'concluded'];
/** Statuses before acceptance: the case waits for its clock to start. */
const WAITING: readonly CaseStatus[] = ['received', 'supplement'];
/** Statuses that end a case: nothing more happens to it. */
export const FINAL: readonly CaseStatus[] = ['refused', 'delivered'];

/** Each step: the statuses it may start from and the status it leads to. */
export const STEPS: Readonly<Record<StepAction, { from: readonly CaseStatus[]; to: CaseStatus }>> = {
  accept: { from: ['received'], to: 'accepted' },
  refuse: { from: ['received'], to: 'refused' },
  requestSupplement: { from: ['received'], to: 'supplement' },
  resubmit: { from: ['supplement'], to: 'received' },
  undertake: { from: ['accepted'], to: 'handling' },
  review: { from: ['handling'], to: 'reviewing' },
  approve: { from: ['reviewing'], to: 'approved' },
  deny: { from: ['reviewing'], to: 'denied' },
  conclude: { from: ['approved', 'denied'], to: 'concluded' },
  deliver: { from: ['concluded'], to: 'delivered' },
};

/** What the workflow rules need to know about a case. */
export interface CaseState {
  status: CaseStatus;
  paused_kind: PauseKind | null;
  extension_days: number;
  /** Joint parts' outcomes: 'pending' until the department decides. */
  parts: readonly { outcome: 'pending' | 'approved' | 'denied' }[];
  /** Set for a case a point carried here (全程代办): it is sent back (proxy.refuse), never 不予受理. */
  proxy_id?: string | null;
}

/** Extension ceilings of Administrative Licensing Law art. 42: +10 working days, +15 for joint handling. */
export const maxExtension = (joint: boolean): number => (joint ? 15 : 10);
/** Joint, unified or centralized handling (art. 42): the whole case within 45 working days, whatever each item's own limit. */
export const JOINT_LIMIT = 45;

/** The Chinese words of a status and a step, in the hub's refusal messages (faces use their own labels). */
export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  received: '已收件',
  supplement: '待补正',
  refused: '不予受理',
  accepted: '已受理',
  handling: '承办中',
  reviewing: '已审核待批准',
  approved: '已批准',
  denied: '不予批准',
  concluded: '已办结',
  delivered: '已送达',
};

export const ACTION_LABELS: Readonly<Record<StepAction, string>> = {
  accept: '受理',
  refuse: '不予受理',
  requestSupplement: '补正告知',
  resubmit: '补齐材料',
  undertake: '承办',
  review: '审核',
  approve: '批准',
  deny: '不予批准',
  conclude: '办结',
  deliver: '送达',
};

const status = { prefix: 'case.status', zh: STATUS_LABELS };
const step = { prefix: 'case.step', zh: ACTION_LABELS };
const CASE_ROLE_LABELS: Readonly<Record<CaseRole, string>> = { handler: '承办人', reviewer: '审核人' };
const caseRole = { prefix: 'case.role', zh: CASE_ROLE_LABELS };

/** Why the workflow refuses a step (the case's status and the step are labelled by each face). */
export const caseRefusals = defineRefusals('case', {
  paused: { code: ErrorCode.CASE_STATE, zh: '办件已暂停计时（挂起或特别程序），请先恢复' },
  stepFromStatus: { code: ErrorCode.CASE_STATE, zh: '当前状态“{status}”不能{action}', labels: { status, action: step } },
  partsPending: { code: ErrorCode.CASE_STATE, zh: '联审事项还有部门未出具意见' },
  partDenied: { code: ErrorCode.CASE_STATE, zh: '有部门不同意，不能批准' },
  proxySendBack: { code: ErrorCode.CASE_STATE, zh: '代办件不予受理时请退回代办件，写明原因，代办员才能告知申请人' },
  notClocked: { code: ErrorCode.CASE_STATE, zh: '当前状态“{status}”不计时，无需暂停', labels: { status } },
  alreadyPaused: { code: ErrorCode.CASE_STATE, zh: '办件已在暂停计时中' },
  notPaused: { code: ErrorCode.CASE_STATE, zh: '办件没有暂停计时' },
  pausedResumeFirst: { code: ErrorCode.CASE_STATE, zh: '办件已暂停计时，请先恢复' },
  noExtension: { code: ErrorCode.CASE_STATE, zh: '当前状态“{status}”不能延期', labels: { status } },
  extendedOnce: { code: ErrorCode.CASE_STATE, zh: '该办件已延期过一次，不能再次延期' },
  extensionTooLong: { code: ErrorCode.CASE_STATE, zh: '延期不能超过 {max} 个工作日' },
  noPartDecision: { code: ErrorCode.CASE_STATE, zh: '当前状态“{status}”不能出具联审意见', labels: { status } },
  partDecided: { code: ErrorCode.CASE_STATE, zh: '该部门已出具意见' },
  signInFirst: { code: ErrorCode.COUNTER_STATE, zh: '请先签到窗口再办件' },
  otherDepartment: { code: ErrorCode.FORBIDDEN, zh: '此事由{department}办理，须本部门工作人员操作' },
  afterSignOut: { code: ErrorCode.CASE_STATE, zh: '办件在本窗口签退之后已有新的办理，此操作未执行，请重新办理' },
  duplicateId: { code: ErrorCode.CASE_STATE, zh: '办件编号已存在' },
  ticketNotHere: { code: ErrorCode.TICKET_STATE, zh: '该号码不是本窗口办理的号码' },
  badParts: { code: ErrorCode.VALIDATION_FAILED, zh: '联审部门不能重复，也不能是牵头部门' },
  revealNeedsCounter: { code: ErrorCode.FORBIDDEN, zh: '只有绑定窗口的电脑能查看身份证号' },
  revealLimit: { code: ErrorCode.REVEAL_LIMIT, zh: '今日已查看 {n} 次身份证号或电话，达到每人每日 {max} 次的上限；确需再查请联系管理员' },
  noIdNumber: { code: ErrorCode.NOT_FOUND, zh: '该办件没有身份证号' },
  noCaseForId: { code: ErrorCode.NOT_FOUND, zh: '没有找到该身份证号的办件' },
  reviewerDuty: { code: ErrorCode.CASE_DUTY, zh: '{action}须由本部门具有审核职责的人员办理', labels: { action: step } },
  approverDuty: { code: ErrorCode.CASE_DUTY, zh: '{action}须由部门负责人或具有批准职责的人员办理', labels: { action: step } },
  ownCase: { code: ErrorCode.CASE_DUTY, zh: '{role}不能{action}自己经手的办件', labels: { role: caseRole, action: step } },
  partByFirstClerk: { code: ErrorCode.CASE_DUTY, zh: '收件人不能出具联审部门意见，须由该部门其他人员出具' },
  partAtBoard: { code: ErrorCode.FORBIDDEN, zh: '管理端代部门出具意见时不选窗口，须由已登录的负责人出具' },
  partAtCounter: { code: ErrorCode.FORBIDDEN, zh: '请在本部门窗口出具联审意见' },
  dutyWithoutDepartment: { code: ErrorCode.VALIDATION_FAILED, zh: '{name} 不属于任何部门，不能承担审核或批准职责' },
  headOfOtherDepartment: { code: ErrorCode.VALIDATION_FAILED, zh: '{name} 不是本部门人员，不能担任部门负责人' },
});

/** A step the workflow refuses: the Chinese words (`reason`) and the refusal the hub sends. */
export type Refusal = { ok: false; reason: string; refusal: RefusalOf; params?: ReasonParams };
type RefusalOf = (typeof caseRefusals)[keyof typeof caseRefusals];
const refuse = (refusal: RefusalOf, params?: ReasonParams): Refusal => ({
  ok: false,
  reason: refusalMessage(refusal, params),
  refusal,
  params,
});

/** Whether `action` may happen to a case now; the reason, in words for the clerk, when not. */
export function checkStep(c: CaseState, action: StepAction): { ok: true; to: CaseStatus } | Refusal {
  const step = STEPS[action];
  if (c.paused_kind) return refuse(caseRefusals.paused);
  if (!step.from.includes(c.status)) return refuse(caseRefusals.stepFromStatus, { status: c.status, action });
  if (action === 'refuse' && c.proxy_id) return refuse(caseRefusals.proxySendBack);
  if (action === 'approve' || action === 'deny') {
    if (c.parts.some((p) => p.outcome === 'pending')) return refuse(caseRefusals.partsPending);
    if (action === 'approve' && c.parts.some((p) => p.outcome === 'denied')) return refuse(caseRefusals.partDenied);
  }
  return { ok: true, to: step.to };
}

export function checkPause(c: CaseState): { ok: true } | Refusal {
  if (!RUNNING.includes(c.status)) return refuse(caseRefusals.notClocked, { status: c.status });
  if (c.paused_kind) return refuse(caseRefusals.alreadyPaused);
  return { ok: true };
}

export function checkResume(c: CaseState): { ok: true } | Refusal {
  return c.paused_kind ? { ok: true } : refuse(caseRefusals.notPaused);
}

/** The stage each step belongs to, whose duty setting decides who may take it. */
export const STAGE_OF: Readonly<Record<StepAction, DutyStage>> = {
  accept: 'accept',
  refuse: 'accept',
  requestSupplement: 'accept',
  resubmit: 'accept',
  undertake: 'undertake',
  review: 'review',
  approve: 'approve',
  deny: 'approve',
  conclude: 'conclude',
  deliver: 'deliver',
};

/** Who would take a step: a member of the case's department (the hub checks the department), with their duties. */
export interface Taker {
  id: string;
  duties: readonly CaseDuty[];
  /** Heads the case's department. */
  head: boolean;
}

/** The duties `staffId` holds, from the staff_duties rows. */
export const heldDuties = (rows: readonly { staff_id: string; duty: CaseDuty; held: number }[], staffId: string): CaseDuty[] =>
  rows.filter((r) => r.staff_id === staffId && r.held === 1).map((r) => r.duty);

/**
 * Separation of duties (the hall's `steps` setting): whether `taker` may take `action` on a case
 * whose handler and reviewer are as given; the reason, in words for the clerk, when not.
 */
export function checkDuty(
  steps: StepDuties,
  action: StepAction,
  taker: Taker,
  c: { handler_id: string | null; reviewer_id: string | null },
): { ok: true } | Refusal {
  const rule = steps[STAGE_OF[action]];
  if (rule.by === 'reviewer' && !taker.duties.includes('reviewer')) return refuse(caseRefusals.reviewerDuty, { action });
  if (rule.by === 'approver' && !taker.head && !taker.duties.includes('approver')) return refuse(caseRefusals.approverDuty, { action });
  for (const role of rule.apartFrom) {
    if ((role === 'handler' ? c.handler_id : c.reviewer_id) === taker.id) return refuse(caseRefusals.ownCase, { role, action });
  }
  return { ok: true };
}

/** A joint part is decided by its department, never by whoever received the application (首问). */
export function checkPartTaker(firstClerkId: string, takerId: string): { ok: true } | Refusal {
  return takerId === firstClerkId ? refuse(caseRefusals.partByFirstClerk) : { ok: true };
}

export function checkExtension(c: CaseState, days: number): { ok: true } | Refusal {
  if (c.paused_kind) return refuse(caseRefusals.pausedResumeFirst);
  if (!['accepted', 'handling', 'reviewing'].includes(c.status)) return refuse(caseRefusals.noExtension, { status: c.status });
  if (c.extension_days > 0) return refuse(caseRefusals.extendedOnce);
  const max = maxExtension(c.parts.length > 0);
  if (days > max) return refuse(caseRefusals.extensionTooLong, { max });
  return { ok: true };
}

export function checkPartDecision(c: CaseState, outcome: 'pending' | 'approved' | 'denied'): { ok: true } | Refusal {
  if (c.paused_kind) return refuse(caseRefusals.pausedResumeFirst);
  if (!['accepted', 'handling', 'reviewing'].includes(c.status)) return refuse(caseRefusals.noPartDecision, { status: c.status });
  if (outcome !== 'pending') return refuse(caseRefusals.partDecided);
  return { ok: true };
}

export interface Limits {
  promised: number;
  /** The promised limit's unit (the item's). */
  unit: LimitUnit;
  statutory: number;
  /** The statutory limit's unit: the item's, or working days for joint handling. */
  statutoryUnit: LimitUnit;
}

/** A finished pause of the clock, from the day it began to the day it ended (as `WorkCalendar.pauseLength` counts them). */
export interface Pause {
  from: string;
  to: string;
}

/** Days the pauses took as `unit` counts them: working days, or natural days for the other units. */
export const pausedDays = (cal: WorkCalendar, pauses: readonly Pause[], unit: LimitUnit): number =>
  pauses.reduce((n, p) => n + cal.pauseLength(p.from, p.to, unit), 0);

export interface Deadlines {
  promisedDue: string;
  statutoryDue: string;
  /** The first day on which the case shows yellow (预警). */
  yellowFrom: string;
  /** Years without a known holiday schedule that the deadlines depend on. */
  uncovered: number[];
}

const union = (...days: DayResult[]): number[] => [...new Set(days.flatMap((d) => d.uncovered))].sort();

/**
 * A limit counted from the clock's start: `n` units plus the paused days (in the unit's days), then
 * the extension, which art. 42 gives in working days whatever the unit. Both ends are returned:
 * `limit` before the extension, `due` after it.
 */
function limitDue(cal: WorkCalendar, start: string, n: number, unit: LimitUnit, pauses: readonly Pause[], extensionDays: number) {
  const limit = cal.addLimit(start, n, unit, pausedDays(cal, pauses, unit));
  const extended = cal.addWorkingDays(limit.date, extensionDays);
  return { limit: limit.date, due: { date: extended.date, uncovered: union(limit, extended) } };
}

/**
 * The day a `share` of the promised limit and its extension is used, counted in the limit's own
 * unit and leaving the paused days out. A working-day limit counts working days. A limit in natural
 * days, months or years counts the natural days of its own span: not the days its due day rolls
 * past a day off (they are not part of the limit), plus the natural days the extension adds.
 */
function shareUsedDay(
  cal: WorkCalendar,
  start: string,
  limits: Limits,
  extensionDays: number,
  pauses: readonly Pause[],
  share: number,
  promised: ReturnType<typeof limitDue>,
): string {
  const paused = pausedDays(cal, pauses, limits.unit);
  if (limits.unit === 'working_days') {
    const total = limits.promised + extensionDays;
    return total === 0 ? promised.due.date : cal.addWorkingDays(start, Math.max(1, Math.ceil(share * total)) + paused).date;
  }
  const total = daysBetween(start, calendarEnd(start, limits.promised, limits.unit)) + daysBetween(promised.limit, promised.due.date);
  return total === 0 ? promised.due.date : addDays(start, Math.max(1, Math.ceil(share * total)) + paused);
}

/**
 * Due dates from the day the clock started (`clockStartDay`): each limit in its unit, plus the
 * paused days, plus the extension. Yellow from the day a `yellowShare` of the promised limit is
 * used (see shareUsedDay), and at the latest on the last day (a due date is always a working day).
 */
export function caseDeadlines(
  cal: WorkCalendar,
  start: string,
  limits: Limits,
  extensionDays: number,
  pauses: readonly Pause[],
  yellowShare: number,
): Deadlines {
  const statutory = limitDue(cal, start, limits.statutory, limits.statutoryUnit, pauses, extensionDays).due;
  const own = limitDue(cal, start, limits.promised, limits.unit, pauses, extensionDays);
  // A promise never runs past the law: joint handling's 45 working days may end before an item's own promise.
  const promised = own.due.date > statutory.date ? statutory : own.due;
  const yellow = shareUsedDay(cal, start, limits, extensionDays, pauses, yellowShare, own);
  return {
    promisedDue: promised.date,
    statutoryDue: statutory.date,
    yellowFrom: yellow < promised.date ? yellow : promised.date,
    uncovered: union(promised, statutory),
  };
}

/** A joint part's due day: its own limit in working days, plus the case's paused working days. */
export const partDue = (cal: WorkCalendar, start: string, limitDays: number, pauses: readonly Pause[]): DayResult =>
  cal.addWorkingDays(start, limitDays + pausedDays(cal, pauses, 'working_days'));

/**
 * Art. 32: missing materials are told at once (一次性告知), on the spot or within 5 days of receipt;
 * days in this law are working days (art. 82).
 */
export const NOTICE_DAYS = 5;
export const noticeLate = (cal: WorkCalendar, receivedDay: string, day: string): boolean =>
  cal.workingDaysBetween(receivedDay, day) > NOTICE_DAYS;

/**
 * The day the case clock starts: the day of acceptance; but without a timely notice of missing
 * materials, an application accepted more than 5 working days after receipt counts as accepted on
 * receipt (art. 32).
 */
export const clockStartDay = (cal: WorkCalendar, receivedDay: string, acceptedDay: string, timelyNotice: boolean): string =>
  !timelyNotice && noticeLate(cal, receivedDay, acceptedDay) ? receivedDay : acceptedDay;

/** Art. 44: the licence (or the refusal) is delivered within 10 days of the decision, in working days (art. 82). */
export const DELIVERY_DAYS = 10;
export const deliveryDue = (cal: WorkCalendar, decidedDay: string): DayResult => cal.addWorkingDays(decidedDay, DELIVERY_DAYS);

/** The fee a case is charged at 办结: the catalog's standard for an approval, nothing for a denial (no licence is issued). */
export const standardFee = (status: CaseStatus, itemFeeCents: number): number => (status === 'approved' ? itemFeeCents : 0);

/** Working days a decision on `day` came after the statutory due day; one made on a day off after it is a day late. */
export const daysLate = (cal: WorkCalendar, statutoryDue: string, day: string): number =>
  day <= statutoryDue ? 0 : Math.max(1, cal.workingDaysBetween(statutoryDue, day));

/** Monthly scoring (DOMAIN.md "Supervision"): a decision 1 day past the statutory limit is a yellow card, 2 or more a red one. */
export const decisionCard = (lateDays: number): DecisionCard | null => (lateDays === 0 ? null : lateDays === 1 ? 'yellow' : 'red');

/** The fields a case's signal depends on. */
export interface SignalFields {
  status: CaseStatus;
  promised_due: string | null;
  yellow_from: string | null;
  paused_kind: PauseKind | null;
  paused_since: string | null;
  delivery_due: string | null;
}

/**
 * The supervision signal on `today` (the hall's calendar day), from two clocks. The decision clock
 * of a running case: red once the promised due day has passed, yellow from `yellow_from`; a pause
 * stops it where it was, so a paused case keeps the colour it had when it stopped and is 'paused'
 * only when that was normal. The delivery clock of a decided case (art. 44): red after its due
 * day, yellow on that last day; nothing pauses it. The worse colour wins. Cases not yet accepted
 * wait; cases with no clock running are closed. Days are 'YYYY-MM-DD' text, compared as text in
 * both languages.
 */
export const caseSignalDefinition: Definition<SignalFields, [today: string], CaseSignal> = {
  ts: (c, today) => {
    if (WAITING.includes(c.status)) return 'waiting';
    const { promised_due: due, yellow_from: yellow, delivery_due: delivery } = c;
    const running = RUNNING.includes(c.status) && due !== null && yellow !== null;
    const delivering = DECIDED.includes(c.status) && delivery !== null;
    if (!running && !delivering) return 'closed';
    const asOf = c.paused_kind && c.paused_since ? c.paused_since : today;
    if ((running && asOf > due) || (delivering && today > delivery)) return 'red';
    if ((running && asOf >= yellow) || (delivering && today >= delivery)) return 'yellow';
    return running && c.paused_kind ? 'paused' : 'normal';
  },
  sql: (col, today) => {
    const running = `(${col('status')} ${sqlIn(RUNNING)} AND ${col('promised_due')} IS NOT NULL AND ${col('yellow_from')} IS NOT NULL)`;
    const delivering = `(${col('status')} ${sqlIn(DECIDED)} AND ${col('delivery_due')} IS NOT NULL)`;
    const asOf = `(CASE WHEN ${col('paused_kind')} IS NOT NULL AND ${col('paused_since')} IS NOT NULL THEN ${col('paused_since')} ELSE ${today} END)`;
    return `(CASE
      WHEN ${col('status')} ${sqlIn(WAITING)} THEN 'waiting'
      WHEN NOT ${running} AND NOT ${delivering} THEN 'closed'
      WHEN (${running} AND ${asOf} > ${col('promised_due')}) OR (${delivering} AND ${today} > ${col('delivery_due')}) THEN 'red'
      WHEN (${running} AND ${asOf} >= ${col('yellow_from')}) OR (${delivering} AND ${today} >= ${col('delivery_due')}) THEN 'yellow'
      WHEN ${running} AND ${col('paused_kind')} IS NOT NULL THEN 'paused'
      ELSE 'normal' END)`;
  },
};
export const caseSignal = caseSignalDefinition.ts;

/** Red first, then yellow, then paused: what needs attention comes first. */
export const SIGNAL_ORDER: Readonly<Record<CaseSignal, number>> = { red: 0, yellow: 1, paused: 2, normal: 3, waiting: 4, closed: 5 };

/** A joint case is on time only if every part was decided by its own due day and the whole by its own. */
export function jointOnTime(
  wholeDoneDay: string,
  wholeDue: string,
  parts: readonly { decided_day: string | null; due_day: string | null }[],
): boolean {
  return wholeDoneDay <= wholeDue && parts.every((p) => p.decided_day !== null && p.due_day !== null && p.decided_day <= p.due_day);
}
