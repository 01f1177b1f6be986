import type { LimitUnit } from '../calendar/enums';
import { addDays, daysBetween, type WorkCalendar } from '../calendar/rules';
import type { Definition } from '../kernel/definition';
import { sqlIn } from '../kernel/sql';
import type { CaseSignal, CaseStatus, PauseKind, StepAction } from './enums';

/**
 * The case (办件) workflow of DOMAIN.md:
 * 收件 → 受理 | 不予受理 | 补正告知 (→ 收件 again when the materials come) → 承办 → 审核 → 批准 | 不予批准
 * → 办结 → 送达; 挂起 and 特别程序 pause the clock while the case is running; one extension.
 */

/** Statuses in which the case clock runs (from acceptance until 办结). */
export const RUNNING: readonly CaseStatus[] = ['accepted', 'handling', 'reviewing', 'approved', 'denied'];
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
}

/** Extension ceilings of Administrative Licensing Law art. 42: +10 working days, +15 for joint handling. */
export const maxExtension = (joint: boolean): number => (joint ? 15 : 10);

export type Refusal = { ok: false; reason: string };
const refuse = (reason: string): Refusal => ({ ok: false, reason });

/** Whether `action` may happen to a case now; the reason, in words for the clerk, when not. */
export function checkStep(c: CaseState, action: StepAction): { ok: true; to: CaseStatus } | Refusal {
  const step = STEPS[action];
  if (c.paused_kind) return refuse('办件已暂停计时（挂起或特别程序），请先恢复');
  if (!step.from.includes(c.status)) return refuse(`当前状态“${STATUS_LABELS[c.status]}”不能${ACTION_LABELS[action]}`);
  if (action === 'approve' || action === 'deny') {
    if (c.parts.some((p) => p.outcome === 'pending')) return refuse('联审事项还有部门未出具意见');
    if (action === 'approve' && c.parts.some((p) => p.outcome === 'denied')) return refuse('有部门不同意，不能批准');
  }
  return { ok: true, to: step.to };
}

export function checkPause(c: CaseState): { ok: true } | Refusal {
  if (!RUNNING.includes(c.status)) return refuse(`当前状态“${STATUS_LABELS[c.status]}”不计时，无需暂停`);
  if (c.paused_kind) return refuse('办件已在暂停计时中');
  return { ok: true };
}

export function checkResume(c: CaseState): { ok: true } | Refusal {
  return c.paused_kind ? { ok: true } : refuse('办件没有暂停计时');
}

export function checkExtension(c: CaseState, days: number): { ok: true } | Refusal {
  if (c.paused_kind) return refuse('办件已暂停计时，请先恢复');
  if (!['accepted', 'handling', 'reviewing'].includes(c.status)) return refuse(`当前状态“${STATUS_LABELS[c.status]}”不能延期`);
  if (c.extension_days > 0) return refuse('该办件已延期过一次，不能再次延期');
  const max = maxExtension(c.parts.length > 0);
  if (days > max) return refuse(`延期不能超过 ${max} 个工作日`);
  return { ok: true };
}

export function checkPartDecision(c: CaseState, outcome: 'pending' | 'approved' | 'denied'): { ok: true } | Refusal {
  if (c.paused_kind) return refuse('办件已暂停计时，请先恢复');
  if (!['accepted', 'handling', 'reviewing'].includes(c.status)) return refuse(`当前状态“${STATUS_LABELS[c.status]}”不能出具联审意见`);
  if (outcome !== 'pending') return refuse('该部门已出具意见');
  return { ok: true };
}

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

export interface Limits {
  promised: number;
  statutory: number;
  unit: LimitUnit;
}

export interface Deadlines {
  promisedDue: string;
  statutoryDue: string;
  /** The first day on which the case shows yellow (预警). */
  yellowFrom: string;
  /** Years without a known holiday schedule that the deadlines depend on. */
  uncovered: number[];
}

/**
 * Due dates from the acceptance day: the limit, plus the extension, plus the paused days (in the
 * limit's unit). Yellow from the day a `yellowShare` of the promised limit is used, and at the
 * latest on the last day (a due date is always a working day).
 */
export function caseDeadlines(
  cal: WorkCalendar,
  acceptedDay: string,
  limits: Limits,
  extensionDays: number,
  pausedDays: number,
  yellowShare: number,
): Deadlines {
  const promised = cal.addLimit(acceptedDay, limits.promised, limits.unit, extensionDays + pausedDays);
  const statutory = cal.addLimit(acceptedDay, limits.statutory, limits.unit, extensionDays + pausedDays);
  let yellowFrom: string;
  if (limits.unit === 'working_days') {
    const total = limits.promised + extensionDays;
    yellowFrom =
      total === 0 ? promised.date : cal.addWorkingDays(acceptedDay, Math.max(1, Math.ceil(yellowShare * total)) + pausedDays).date;
  } else {
    yellowFrom = addDays(acceptedDay, Math.ceil(yellowShare * daysBetween(acceptedDay, promised.date)));
  }
  if (yellowFrom > promised.date) yellowFrom = promised.date;
  const uncovered = [...new Set([...promised.uncovered, ...statutory.uncovered])].sort();
  return { promisedDue: promised.date, statutoryDue: statutory.date, yellowFrom, uncovered };
}

/** The fields a case's signal depends on. */
export interface SignalFields {
  status: CaseStatus;
  promised_due: string | null;
  yellow_from: string | null;
  paused_kind: PauseKind | null;
  paused_since: string | null;
}

/**
 * The supervision signal on `today` (the hall's calendar day): red once the promised due day has
 * passed, yellow from `yellow_from`; a paused case keeps the signal it had when it stopped, and
 * otherwise shows as paused. Cases not yet accepted wait; ended ones are closed. Days are
 * 'YYYY-MM-DD' text, compared as text in both languages.
 */
export const caseSignalDefinition: Definition<SignalFields, [today: string], CaseSignal> = {
  ts: (c, today) => {
    if (WAITING.includes(c.status)) return 'waiting';
    if (!RUNNING.includes(c.status) || c.promised_due === null || c.yellow_from === null) return 'closed';
    const asOf = c.paused_kind && c.paused_since ? c.paused_since : today;
    if (asOf > c.promised_due) return 'red';
    if (c.paused_kind) return 'paused';
    return asOf >= c.yellow_from ? 'yellow' : 'normal';
  },
  sql: (col, today) => {
    const asOf = `(CASE WHEN ${col('paused_kind')} IS NOT NULL AND ${col('paused_since')} IS NOT NULL THEN ${col('paused_since')} ELSE ${today} END)`;
    return `(CASE
      WHEN ${col('status')} ${sqlIn(WAITING)} THEN 'waiting'
      WHEN ${col('status')} NOT ${sqlIn(RUNNING)} OR ${col('promised_due')} IS NULL OR ${col('yellow_from')} IS NULL THEN 'closed'
      WHEN ${asOf} > ${col('promised_due')} THEN 'red'
      WHEN ${col('paused_kind')} IS NOT NULL THEN 'paused'
      WHEN ${asOf} >= ${col('yellow_from')} THEN 'yellow'
      ELSE 'normal' END)`;
  },
};
export const caseSignal = caseSignalDefinition.ts;

/** A joint case is on time only if every part was decided by its own due day and the whole by its own. */
export function jointOnTime(
  wholeDoneDay: string,
  wholeDue: string,
  parts: readonly { decided_day: string | null; due_day: string | null }[],
): boolean {
  return wholeDoneDay <= wholeDue && parts.every((p) => p.decided_day !== null && p.due_day !== null && p.decided_day <= p.due_day);
}
