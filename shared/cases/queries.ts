import { z } from 'zod';
import { Day } from '../calendar/schemas';
import type { QuerySpec } from '../kernel/command';
import { entityId } from '../kernel/zod';
import { CASE_SIGNALS, CaseStatus, DecisionCard, PauseKind } from './enums';

/**
 * Read-only questions a terminal asks the hub: what its replica does not hold (ten years of cases)
 * or should not compute alone (the supervision list on the hub's clock). Results are validated on
 * arrival like every other message.
 */

export const SupervisionRow = z.object({
  id: z.string(),
  number: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  handlerName: z.string(),
  applicantName: z.string(),
  status: CaseStatus,
  /** The case's signal; a normal one is shown yellow while a joint part is late. */
  signal: z.enum(CASE_SIGNALS),
  promisedDue: z.string().nullable(),
  statutoryDue: z.string().nullable(),
  /**
   * Working days from today (or from the day a pause began: the clock stands still) to the promised
   * due day: 0 on the last day, negative when overdue; null when the decision clock is not running.
   */
  daysLeft: z.number().int().nullable(),
  /** Joint parts past their own due day while the whole may still be in time. */
  partsOverdue: z.number().int(),
  /** Undecided past the statutory due day. */
  overStatutory: z.boolean(),
  /** The clock is paused (挂起 or 特别程序): the case keeps the colour it had. */
  paused: PauseKind.nullable(),
  /** Decided and not delivered yet: delivery is due by this day (art. 44). */
  deliveryDue: z.string().nullable(),
  /** 补正 notices so far: more than one is flagged. */
  supplements: z.number().int(),
  /** The first 补正 notice came more than 5 working days after receipt (art. 32). */
  lateNotice: z.boolean(),
  /** Decided past the statutory limit: by how many working days, and the handler's card. */
  card: DecisionCard.nullable(),
  lateDays: z.number().int().nullable(),
  /** The fee charged, when it differs from the standard. */
  fee: z.object({ standardCents: z.number().int(), chargedCents: z.number().int() }).nullable(),
  /** Decided by its own handler (批准 or 不予批准), which the hall's settings allowed. */
  selfApproved: z.boolean(),
  green: z.boolean(),
  calendarWarning: z.string(),
});
export type SupervisionRow = z.infer<typeof SupervisionRow>;

export const SupervisionResult = z.object({
  today: z.string(),
  rows: z.array(SupervisionRow),
  departments: z.array(
    z.object({ departmentId: z.string(), name: z.string(), running: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
  ),
  /** Years without a holiday schedule on which running cases' due days depend, with how many cases. */
  missingYears: z.array(z.object({ year: z.number().int(), cases: z.number().int() })),
});
export type SupervisionResult = z.infer<typeof SupervisionResult>;

export const CaseListRow = z.object({
  id: z.string(),
  number: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  status: CaseStatus,
  receivedAt: z.number(),
  promisedDue: z.string().nullable(),
  onTime: z.boolean().nullable(),
});
export type CaseListRow = z.infer<typeof CaseListRow>;

/** A mean over a count shown beside it; null when the count is 0. */
export const average = z.number().nullable();
export const ReportResult = z.object({
  from: z.string(),
  to: z.string(),
  catalog: z.object({ items: z.number().int(), avgStatutory: average, avgPromised: average, compressionPct: average }),
  concluded: z.object({ cases: z.number().int(), avgUsedDays: average, avgPromised: average, avgStatutory: average, onTimePct: average }),
  /** Cases concluded in the period with limits in natural days, months or years: not in any figure above or below. */
  otherUnits: z.number().int(),
  joint: z.object({ cases: z.number().int(), onTimePct: average }),
  departments: z.array(z.object({ name: z.string(), cases: z.number().int(), avgUsedDays: average, onTimePct: average })),
});
export type ReportResult = z.infer<typeof ReportResult>;

export const caseQuerySpecs = {
  /** Cases that are yellow or red today, or flagged, with counts by department. */
  'cases.supervision': { params: z.strictObject({}), result: SupervisionResult, roles: ['manager'] },
  /** A clerk's own cases, the department's, or (manager) the hall's, by number or applicant name prefix (by ID number: case.findByIdNumber). */
  'cases.search': {
    params: z.strictObject({
      text: z.string().trim().max(50),
      scope: z.enum(['mine', 'department', 'all']),
      counterId: entityId.nullable(),
    }),
    result: z.object({ rows: z.array(CaseListRow) }),
    roles: ['clerk', 'manager'],
  },
  /** The time-limit report for cases concluded in [from, to] with limits in working days. */
  'cases.report': {
    params: z.strictObject({ from: Day, to: Day }).refine((p) => p.from <= p.to, '开始日期不能晚于结束日期'),
    result: ReportResult,
    roles: ['manager'],
  },
} as const satisfies Record<string, QuerySpec>;
