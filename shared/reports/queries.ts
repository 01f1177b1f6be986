import { z } from 'zod';
import type { QuerySpec } from '../kernel/command';
import { BUCKETS_OF, DIMENSIONS_OF, ReportBucket, ReportDimension, ReportKind } from './enums';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The longest period one report covers: ten years of days, read from the daily aggregates. */
export const MAX_REPORT_DAYS = 3700;

export const ReportParams = z
  .strictObject({ report: ReportKind, dimension: ReportDimension, bucket: ReportBucket, from: day, to: day })
  .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期', path: ['to'] })
  .refine((p) => DIMENSIONS_OF[p.report].includes(p.dimension), { message: '该报表没有这个维度', path: ['dimension'] })
  .refine((p) => BUCKETS_OF[p.report].includes(p.bucket), { message: '该报表没有这个时间粒度', path: ['bucket'] })
  .refine((p) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 < MAX_REPORT_DAYS, { message: '时间范围过长', path: ['from'] });
export type ReportParams = z.infer<typeof ReportParams>;

/**
 * A report's rows: each group (its id, '' for the hall; the face names it from its replica) and time
 * bucket ('' for the whole period; an hour 0–23, a day, a weekday 0–6 from Sunday, a week's Monday
 * or a month 'YYYY-MM') with its sums. The figures are computed from the sums where they are shown
 * (reports/figures), so that every roll-up adds sums.
 */
export const ReportResult = z.object({
  rows: z.array(z.object({ key: z.string(), bucket: z.string(), sums: z.record(z.string(), z.number()) })),
  /** Queue, counter and case figures come from closed days: the last one, if any. */
  lastClosedDay: z.string().nullable(),
});
export type ReportResult = z.infer<typeof ReportResult>;

const Figures = z.object({ queue: z.record(z.string(), z.number()), counters: z.record(z.string(), z.number()) });

/** One attempt at writing a month's pack: the files written, or why it failed. */
export const PackAttempt = z.object({
  month: z.string(),
  files: z.array(z.string()),
  attemptedAt: z.number(),
  writtenAt: z.number().nullable(),
  error: z.string().nullable(),
});
export type PackAttempt = z.infer<typeof PackAttempt>;

export const PackStatus = z.object({
  /** The newest attempts, newest first. */
  recent: z.array(PackAttempt),
  /** The newest attempt failed and its month has no pack yet: the board alerts until one is written. */
  failing: PackAttempt.nullable(),
});
export type PackStatus = z.infer<typeof PackStatus>;

export const reportQuerySpecs = {
  /** The monthly packs the hub wrote (or failed to) after month end. */
  'reports.packStatus': { params: z.strictObject({}), result: PackStatus, roles: ['manager'] },
  /** A report over hall days `from`..`to` (inclusive) by one dimension and one time bucket. */
  'reports.kpi': { params: ReportParams, result: ReportResult, roles: ['manager'] },
  /** The sums behind the figures of the clerk signed in at the asking counter, and only theirs: today so far, and this month. */
  'reports.mine': {
    params: z.strictObject({}),
    result: z.object({ today: Figures, month: Figures, lastClosedDay: z.string().nullable() }),
    roles: ['clerk'],
  },
} as const satisfies Record<string, QuerySpec>;
