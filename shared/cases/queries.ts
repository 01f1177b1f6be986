import { z } from 'zod';
import { Day } from '../calendar/schemas';
import type { QuerySpec } from '../kernel/command';
import { entityId } from '../kernel/zod';
import { CaseStatus, PauseKind } from './enums';

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
  signal: z.enum(['yellow', 'red']),
  promisedDue: z.string(),
  statutoryDue: z.string(),
  /**
   * Working days from today (or from the day a pause began: the clock stands still) to the promised
   * due day: 0 on the last day, negative when overdue.
   */
  daysLeft: z.number().int(),
  /** Joint parts past their own due day while the whole may still be in time. */
  partsOverdue: z.number().int(),
  overStatutory: z.boolean(),
  /** The clock is paused (挂起 or 特别程序): the case keeps the colour it had. */
  paused: PauseKind.nullable(),
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
  joint: z.object({ cases: z.number().int(), onTimePct: average }),
  departments: z.array(z.object({ name: z.string(), cases: z.number().int(), avgUsedDays: average, onTimePct: average })),
});
export type ReportResult = z.infer<typeof ReportResult>;

export const caseQuerySpecs = {
  /** Running cases that are yellow or red today, with counts by department. */
  'cases.supervision': { params: z.strictObject({}), result: SupervisionResult, roles: ['manager'] },
  /** A clerk's own cases, the department's, or (manager) the hall's, by number or applicant name prefix. */
  'cases.search': {
    params: z.strictObject({
      text: z.string().trim().max(50),
      scope: z.enum(['mine', 'department', 'all']),
      counterId: entityId.nullable(),
    }),
    result: z.object({ rows: z.array(CaseListRow) }),
    roles: ['clerk', 'manager'],
  },
  /** The time-limit report for cases concluded in [from, to]. */
  'cases.report': {
    params: z.strictObject({ from: Day, to: Day }).refine((p) => p.from <= p.to, '开始日期不能晚于结束日期'),
    result: ReportResult,
    roles: ['manager'],
  },
} as const satisfies Record<string, QuerySpec>;
