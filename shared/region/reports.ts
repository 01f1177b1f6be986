import { z } from 'zod';

/**
 * The regional reports (issue 15): by hall and by level of the network over a range of months,
 * with the hall's own KPI definitions. The region keeps each hall's closed days as the hall's
 * reports do (reports/days: sums and counts only), and a report adds them up: a row per hall of
 * the chosen node's subtree and a total row, every figure computed from its row's sums
 * (reports/figures), never an average of averages.
 */

/**
 * The reports a region keeps: the queue, the counters' time, cases and 好差评 from the halls' closed
 * days; 预约 from the bookings as they are now, as the hall's own report reads them (reports/enums LIVE_REPORTS).
 */
export const REGION_REPORT_KINDS = ['queue', 'counters', 'cases', 'ratings', 'bookings'] as const;
export const RegionReportKind = z.enum(REGION_REPORT_KINDS);
export type RegionReportKind = z.infer<typeof RegionReportKind>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
/** Ten years of months: the longest period a report covers, as the hall's (reports/queries MAX_REPORT_DAYS). */
export const MAX_REPORT_MONTHS = 120;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
/** Months from `from` to `to`, both included. */
export const monthsIn = (from: string, to: string): number => monthIndex(to) - monthIndex(from) + 1;
/** The month after `m`. */
export const nextMonth = (m: string): string => {
  const i = monthIndex(m) + 1;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

export const RegionReportParams = z
  .strictObject({ kind: RegionReportKind, from: month, to: month, node: z.string().min(1).max(40) })
  .refine((p) => p.from <= p.to, { message: '开始月份不能晚于结束月份', path: ['to'] })
  .refine((p) => monthsIn(p.from, p.to) <= MAX_REPORT_MONTHS, { message: '时间范围过长', path: ['from'] });
export type RegionReportParams = z.infer<typeof RegionReportParams>;

const Sums = z.record(z.string(), z.number());

export const RegionReport = z.object({
  kind: RegionReportKind,
  from: month,
  to: month,
  node: z.object({ id: z.string(), name: z.string() }),
  /** One row per hall of the node's subtree (a hall with nothing in the period has zeros). */
  halls: z.array(z.object({ hallId: z.string(), name: z.string(), path: z.array(z.string()), sums: Sums })),
  /** The halls' sums added. */
  total: Sums,
  /** The last closed day the region holds of each hall, the earliest of them: how far the figures go. */
  closedThrough: z.string().nullable(),
  /**
   * A live subject's moment (预约: the bookings as the region holds them then, one still open after
   * its slot's end a no-show); null for the subjects of closed days.
   */
  asOf: z.number().nullable(),
});
export type RegionReport = z.infer<typeof RegionReport>;
