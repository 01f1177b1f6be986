import { z } from 'zod';
import type { Definition } from '../kernel/definition';
import type { APPEAL_STATES, FollowupStatus } from '../followups/enums';
import {
  DEFAULT_LEVEL,
  defaultedRequest,
  figureRate,
  isSatisfied,
  type Rate,
  type RatingTally,
  ratingTally,
  addTally,
  emptyRatingTally,
} from './rules';
import type { RequestStatus } from './enums';

/**
 * The figures of 好差评 (DOMAIN.md "Evaluation", issue 13 item 7), defined once here: what each
 * raw row adds to its group's counts (in TypeScript, and the same in SQL for the hub's queries),
 * and each figure as a quotient of two counts. Groups (a department, a month, the hall) roll up by
 * adding counts, never by averaging rates. A rating excluded on an upheld appeal counts as a
 * service with no rating, and its follow-up needs no 整改; both stay in the record.
 *
 * Default ratings (a province's rule, ratings/rules defaultedRequest) are counted apart, as
 * `defaulted`, a part of `unrated`: never in 主动评价率 nor in 满意率 or 差评率, which DOMAIN.md
 * defines over the ratings the applicants gave. The rule's own figure, 满意率 with the defaults
 * (satisfactionWithDefaults), is shown beside, under its own name, for a hall that must report it.
 */

/** What one group's rows add up to. */
export interface FigureCounts extends RatingTally {
  /** Of the unrated, those counting as a default 基本满意 under the hall's rule (none without one). */
  defaulted: number;
  /** 差评 needing follow-up: the follow-ups of ratings, less those ended by an upheld appeal. */
  needFix: number;
  /** Of those, closed (整改 done, called back, 办结). */
  fixed: number;
  /** Of those, whose timeliness is settled: closed, or still open past the due day (late whatever follows). */
  fixDue: number;
  /** Of the closed, closed on or before their due day. */
  fixedOnTime: number;
  /** Of those needing 整改, with the applicant called back (回访 recorded), closed or not yet. */
  calledBack: number;
  /** 效能投诉 received, and found substantiated. */
  complaints: number;
  substantiated: number;
}
export const FigureCountsSchema = z.object({
  services: z.number().int(),
  active: z.number().int(),
  satisfied: z.number().int(),
  bad: z.number().int(),
  unrated: z.number().int(),
  defaulted: z.number().int(),
  needFix: z.number().int(),
  fixed: z.number().int(),
  fixDue: z.number().int(),
  fixedOnTime: z.number().int(),
  calledBack: z.number().int(),
  complaints: z.number().int(),
  substantiated: z.number().int(),
}) satisfies z.ZodType<FigureCounts>;

const FOLLOWUP_ZERO = { needFix: 0, fixed: 0, fixDue: 0, fixedOnTime: 0, calledBack: 0 };
const COMPLAINT_ZERO = { complaints: 0, substantiated: 0 };
const REQUEST_ZERO = { ...emptyRatingTally(), defaulted: 0 };
export const emptyFigureCounts = (): FigureCounts => ({ ...REQUEST_ZERO, ...FOLLOWUP_ZERO, ...COMPLAINT_ZERO });

export function addFigureCounts(a: FigureCounts, b: FigureCounts): FigureCounts {
  return {
    ...addTally(a, b),
    defaulted: a.defaulted + b.defaulted,
    needFix: a.needFix + b.needFix,
    fixed: a.fixed + b.fixed,
    fixDue: a.fixDue + b.fixDue,
    fixedOnTime: a.fixedOnTime + b.fixedOnTime,
    calledBack: a.calledBack + b.calledBack,
    complaints: a.complaints + b.complaints,
    substantiated: a.substantiated + b.substantiated,
  };
}

type FollowupFields = {
  rating_id: string | null;
  status: FollowupStatus;
  appeal: (typeof APPEAL_STATES)[number] | null;
  closed_day: string | null;
  due_day: string;
  callback_day: string | null;
};

/** A 差评's follow-up that needs 整改: every one, unless an appeal was upheld (the rating left the rates). */
export const needsFix: Definition<FollowupFields, [], boolean> = {
  ts: (f) => f.rating_id !== null && f.appeal !== 'upheld',
  sql: (col) => `(${col('rating_id')} IS NOT NULL AND ${col('appeal')} IS NOT 'upheld')`,
};
/** …and is closed. */
export const fixClosed: Definition<FollowupFields, [], boolean> = {
  ts: (f) => needsFix.ts(f) && f.status === 'closed',
  sql: (col) => `(${needsFix.sql(col)} AND ${col('status')} = 'closed')`,
};
/**
 * …whose timeliness is settled as of hall day `today`: closed, or open past its due day. One still
 * open within its time is neither on time nor late yet, and stays out of 按期整改率.
 */
export const fixDue: Definition<FollowupFields, [today: string], boolean> = {
  ts: (f, today) => needsFix.ts(f) && (f.status === 'closed' || f.due_day < today),
  sql: (col, today) => `(${needsFix.sql(col)} AND (${col('status')} = 'closed' OR ${col('due_day')} < ${today}))`,
};
/** …closed by its due day (按期). */
export const fixOnTime: Definition<FollowupFields, [], boolean> = {
  ts: (f) => fixClosed.ts(f) && f.closed_day !== null && f.closed_day <= f.due_day,
  sql: (col) => `(${fixClosed.sql(col)} AND ${col('closed_day')} <= ${col('due_day')})`,
};
/**
 * …with its callback (回访) recorded. Closing needs one, so an open follow-up already called back
 * counts too: 回访率 tells how many of the 差评's raters were reached, not only the closed ones.
 */
export const fixCalledBack: Definition<FollowupFields, [], boolean> = {
  ts: (f) => needsFix.ts(f) && f.callback_day !== null,
  sql: (col) => `(${needsFix.sql(col)} AND ${col('callback_day')} IS NOT NULL)`,
};

/** What a follow-up adds to its group as of hall day `today`. */
export const followupCounts = (f: FollowupFields, today: string): typeof FOLLOWUP_ZERO => ({
  needFix: Number(needsFix.ts(f)),
  fixed: Number(fixClosed.ts(f)),
  fixDue: Number(fixDue.ts(f, today)),
  fixedOnTime: Number(fixOnTime.ts(f)),
  calledBack: Number(fixCalledBack.ts(f)),
});

/** The same counts summed in SQL over follow-ups aliased by `col`, as of the hall day `today` (a SQL expression). */
export const followupCountsSql = (col: (field: keyof FollowupFields) => string, today: string): string =>
  [
    `coalesce(sum(${needsFix.sql(col)}), 0) AS needFix`,
    `coalesce(sum(${fixClosed.sql(col)}), 0) AS fixed`,
    `coalesce(sum(${fixDue.sql(col, today)}), 0) AS fixDue`,
    `coalesce(sum(${fixOnTime.sql(col)}), 0) AS fixedOnTime`,
    `coalesce(sum(${fixCalledBack.sql(col)}), 0) AS calledBack`,
  ].join(', ');

/** What a complaint adds to its group. */
export const complaintCounts = (k: { substantiated: number | null }): typeof COMPLAINT_ZERO => ({
  complaints: 1,
  substantiated: Number(k.substantiated === 1),
});
export const complaintCountsSql = (col: (field: 'substantiated') => string): string =>
  `count(*) AS complaints, coalesce(sum(${col('substantiated')} = 1), 0) AS substantiated`;

type RequestFields = { status: RequestStatus; expires_at: number; created_at: number };

/** What a request (and its rating's level: null when none or excluded on appeal) adds to its group as of `now`, under the hall's default rule (ratings/settings defaultAfterMs). */
export const requestCounts = (r: RequestFields, level: number | null, now: number, defaultAfterMs: number | null): typeof REQUEST_ZERO => ({
  ...ratingTally(r, level, now),
  defaulted: Number(defaultedRequest.ts(r, now, defaultAfterMs)),
});

/**
 * The counts of a set of raw rows, in TypeScript: requests with their rating's level (null when
 * none, or excluded on an upheld appeal), follow-ups, complaints.
 */
export function figureCountsOf(
  rows: {
    requests: readonly (RequestFields & { level: number | null })[];
    followups: readonly FollowupFields[];
    complaints: readonly { substantiated: number | null }[];
  },
  now: number,
  today: string,
  defaultAfterMs: number | null,
): FigureCounts {
  let c = emptyFigureCounts();
  for (const r of rows.requests)
    c = addFigureCounts(c, { ...requestCounts(r, r.level, now, defaultAfterMs), ...FOLLOWUP_ZERO, ...COMPLAINT_ZERO });
  for (const f of rows.followups) c = addFigureCounts(c, { ...REQUEST_ZERO, ...followupCounts(f, today), ...COMPLAINT_ZERO });
  for (const k of rows.complaints) c = addFigureCounts(c, { ...REQUEST_ZERO, ...FOLLOWUP_ZERO, ...complaintCounts(k) });
  return c;
}

export const FIGURES = [
  'satisfaction',
  'participation',
  'badRate',
  'fixRate',
  'onTimeRate',
  'callbackRate',
  'satisfactionWithDefaults',
] as const;
export type Figure = (typeof FIGURES)[number];

/**
 * 满意率 = (5 + 4 + 3) ÷ active ratings; 主动评价率 = active ratings ÷ services (defaults are never
 * active); 差评率 = 差评 ÷ active ratings; 差评整改率 = closed ÷ 差评 needing follow-up; 按期整改率 =
 * closed by the due day ÷ those whose due day passed or which closed; 回访率 = called back ÷ 差评
 * needing follow-up (DOMAIN.md: 100% for real-name ratings); and under a default
 * rule, 满意率 with the defaults = (5 + 4 + 3 + defaults) ÷ (active ratings + defaults), a default
 * being 基本满意.
 */
export function figures(c: FigureCounts, minCount: number): Record<Figure, Rate> {
  return {
    satisfaction: figureRate(c.satisfied, c.active, minCount),
    participation: figureRate(c.active, c.services, minCount),
    badRate: figureRate(c.bad, c.active, minCount),
    fixRate: figureRate(c.fixed, c.needFix, minCount),
    onTimeRate: figureRate(c.fixedOnTime, c.fixDue, minCount),
    callbackRate: figureRate(c.calledBack, c.needFix, minCount),
    satisfactionWithDefaults: figureRate(c.satisfied + (isSatisfied(DEFAULT_LEVEL) ? c.defaulted : 0), c.active + c.defaulted, minCount),
  };
}
