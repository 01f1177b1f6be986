import { z } from 'zod';

/**
 * The reports' vocabularies (DOMAIN.md "Reports and the efficiency archive"). Each `const` array is
 * the one source of its codes: zod schema, TypeScript type, SQL CHECK and the faces' label keys.
 */

/** What a report is about: the queue, the counters' time, cases, 好差评, or 预约. */
export const REPORT_KINDS = ['queue', 'counters', 'cases', 'ratings', 'bookings'] as const;
export const ReportKind = z.enum(REPORT_KINDS);
export type ReportKind = z.infer<typeof ReportKind>;

/** Who or what a row of a report is about. */
export const REPORT_DIMENSIONS = ['hall', 'department', 'service', 'counter', 'staff', 'item'] as const;
export const ReportDimension = z.enum(REPORT_DIMENSIONS);
export type ReportDimension = z.infer<typeof ReportDimension>;

/** How a report splits its period: not at all, by hour of day, day, weekday, week (from its Monday) or month. */
export const REPORT_BUCKETS = ['total', 'hour', 'day', 'weekday', 'week', 'month'] as const;
export const ReportBucket = z.enum(REPORT_BUCKETS);
export type ReportBucket = z.infer<typeof ReportBucket>;

/** The dimensions each report is kept by (a department's queue is its services'; a case's service and department are its item's). */
export const DIMENSIONS_OF: Readonly<Record<ReportKind, readonly ReportDimension[]>> = {
  queue: ['hall', 'department', 'service', 'counter', 'staff'],
  counters: ['hall', 'counter', 'staff'],
  cases: ['hall', 'department', 'service', 'item', 'counter', 'staff'],
  ratings: ['hall', 'department', 'service', 'counter', 'staff'],
  bookings: ['hall', 'department', 'service'],
};

/** Case figures are kept by day: a case's moments are days apart, not hours. */
export const BUCKETS_OF: Readonly<Record<ReportKind, readonly ReportBucket[]>> = {
  queue: REPORT_BUCKETS,
  counters: REPORT_BUCKETS,
  cases: REPORT_BUCKETS.filter((b) => b !== 'hour'),
  ratings: REPORT_BUCKETS,
  // A booking counts on its slot's day.
  bookings: REPORT_BUCKETS.filter((b) => b !== 'hour'),
};

/**
 * The reports read from their records as they are now, not from closed days: 好差评 (an appeal
 * decided later changes a past day) and 预约 (bookings are made days ahead and end by themselves).
 */
export const LIVE_REPORTS: readonly ReportKind[] = ['ratings', 'bookings'];

/** The report pages on the board: any report the manager sets up, or one of the three set up already. */
export const REPORT_VIEWS = ['custom', 'arrivals', 'clerks', 'trend', 'pack'] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];

/** The monthly report pack's sections, in order: the hall, departments, counters, staff, cases, 好差评. */
export const PACK_SECTIONS = [
  'hallQueue',
  'hallCounters',
  'hallCases',
  'hallRatings',
  'departments',
  'counters',
  'staff',
  'staffTime',
  'cases',
  'ratings',
] as const;
export type PackSection = (typeof PACK_SECTIONS)[number];

/** The stored grains of the daily aggregate tables (the `dim` column); the other dimensions are joined from these. */
export const QUEUE_GRAINS = ['service', 'counter', 'staff'] as const;
export const COUNTER_GRAINS = ['counter', 'staff'] as const;
export const CASE_GRAINS = ['item', 'counter', 'staff'] as const;

/** A pause's reason in the aggregates: one of the listed reasons (counter/rules PAUSE_REASON_CODES), or any other text. */
export const OTHER_PAUSE = 'other';
