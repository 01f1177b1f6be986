import { z } from 'zod';
import { parseDay } from '../domain/calendar';
import { CASE_STATUSES } from '../domain/cases';
import { HallErrorSchema } from './commands';
import type { HallError } from './errors';
import { entityId } from './spec';
import type { TerminalRole } from './tables';

/**
 * Read-only questions a terminal asks the hub: what its replica does not hold (ten years of cases)
 * or should not compute alone (the supervision list on the hub's clock). Results are validated on
 * arrival like every other message.
 */

const day = z.string().refine((d) => parseDay(d) !== null, '日期格式应为 YYYY-MM-DD');

export const SupervisionRow = z.object({
  id: z.string(),
  number: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  handlerName: z.string(),
  applicantName: z.string(),
  status: z.enum(CASE_STATUSES),
  signal: z.enum(['yellow', 'red']),
  promisedDue: z.string(),
  statutoryDue: z.string(),
  /** Working days from today to the promised due day: 0 on the last day, negative when overdue. */
  daysLeft: z.number().int(),
  /** Joint parts past their own due day while the whole may still be in time. */
  partsOverdue: z.number().int(),
  overStatutory: z.boolean(),
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
  status: z.enum(CASE_STATUSES),
  receivedAt: z.number(),
  promisedDue: z.string().nullable(),
  onTime: z.boolean().nullable(),
});
export type CaseListRow = z.infer<typeof CaseListRow>;

const average = z.number().nullable();
export const ReportResult = z.object({
  from: z.string(),
  to: z.string(),
  catalog: z.object({ items: z.number().int(), avgStatutory: average, avgPromised: average, compressionPct: average }),
  concluded: z.object({ cases: z.number().int(), avgUsedDays: average, avgPromised: average, avgStatutory: average, onTimePct: average }),
  joint: z.object({ cases: z.number().int(), onTimePct: average }),
  departments: z.array(z.object({ name: z.string(), cases: z.number().int(), avgUsedDays: average, onTimePct: average })),
});
export type ReportResult = z.infer<typeof ReportResult>;

export const TodayResult = z.object({
  day: z.string(),
  tickets: z.object({
    issued: z.number().int(),
    waiting: z.number().int(),
    finished: z.number().int(),
    noShow: z.number().int(),
    avgWaitMin: average,
  }),
  cases: z.object({
    received: z.number().int(),
    accepted: z.number().int(),
    concluded: z.number().int(),
    running: z.number().int(),
    yellow: z.number().int(),
    red: z.number().int(),
  }),
});
export type TodayResult = z.infer<typeof TodayResult>;

export const querySpecs = {
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
    params: z.strictObject({ from: day, to: day }).refine((p) => p.from <= p.to, '开始日期不能晚于结束日期'),
    result: ReportResult,
    roles: ['manager'],
  },
  /** Today's dashboard: tickets and cases of the hall day. */
  'hall.today': { params: z.strictObject({}), result: TodayResult, roles: ['manager'] },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType; roles: readonly TerminalRole[] }>;

export type QueryName = keyof typeof querySpecs;
export type QueryParams<Q extends QueryName> = z.input<(typeof querySpecs)[Q]['params']>;
export type QueryResult<Q extends QueryName> = z.infer<(typeof querySpecs)[Q]['result']>;
export type QueryAnswer<Q extends QueryName = QueryName> = { ok: true; result: QueryResult<Q> } | { ok: false; error: HallError };

export const QueryRequest = z.strictObject({ name: z.string().min(1).max(64), params: z.unknown() });
export const QueryAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: HallErrorSchema }),
]);

export const isQueryName = (n: string): n is QueryName => Object.hasOwn(querySpecs, n);
