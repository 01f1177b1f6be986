import { z } from 'zod';
import type { QuerySpec } from '../kernel/command';
import { AppealState, FollowupStatus } from '../followups/enums';
import { BadReason, RATING_FLAGS, RatingChannel, ReviewDecision } from './enums';
import { boardQuerySpecs } from './board';
import { FigureCountsSchema } from './figures';

/** A group's rating tally (ratings/rules RatingTally): rates are computed from it where they are shown. */
export const TallyResult = z.object({
  services: z.number().int(),
  active: z.number().int(),
  satisfied: z.number().int(),
  bad: z.number().int(),
  unrated: z.number().int(),
});

export const RATING_GROUPS = ['department', 'counter', 'staff', 'service'] as const;
export const RatingGroup = z.enum(RATING_GROUPS);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const RatingSummary = z.object({
  hall: TallyResult,
  /** One row per group (its id; the face names it from its replica), largest first. */
  groups: z.array(z.object({ id: z.string().nullable(), tally: TallyResult })),
  /** The period's 差评, newest first (at most 200): what was said, where and about whom; never who said it. */
  bad: z.array(
    z.object({
      id: z.string(),
      at: z.number().int(),
      level: z.number().int(),
      reasons: z.array(BadReason),
      comment: z.string(),
      counterId: z.string().nullable(),
      staffId: z.string().nullable(),
      serviceId: z.string().nullable(),
      /** A concluded case's rating: its catalog item (it has no service). */
      itemId: z.string().nullable(),
      flags: z.string(),
      /** An appeal was upheld: kept here, left out of the rates. */
      excluded: z.boolean(),
    }),
  ),
});
export type RatingSummary = z.infer<typeof RatingSummary>;

/**
 * The dimensions the figures are given by (the hall as one group; by item: the concluded cases'
 * catalog items, a ticket's rating having none), and the periods they are cut into.
 */
export const FIGURE_DIMENSIONS = ['hall', ...RATING_GROUPS, 'item'] as const;
export const FigureDimension = z.enum(FIGURE_DIMENSIONS);
export type FigureDimension = z.infer<typeof FigureDimension>;
export const FIGURE_PERIODS = ['whole', 'month', 'day'] as const;
export const FigurePeriod = z.enum(FIGURE_PERIODS);
export type FigurePeriod = z.infer<typeof FigurePeriod>;

export const FiguresResult = z.object({
  /**
   * The counts of each group and period ('YYYY-MM-DD', 'YYYY-MM', or 'whole'); the face computes the
   * rates from them (ratings/figures), and rolls groups up by adding them.
   */
  rows: z.array(z.object({ id: z.string().nullable(), period: z.string(), counts: FigureCountsSchema })),
});
export type FiguresResult = z.infer<typeof FiguresResult>;

/** The clerk's own month: their ratings by level and their open follow-ups, never anything of who rated. */
export const MyRatingsResult = z.object({
  month: z.string(),
  /** Active ratings this month by level, 5 … 1. */
  levels: z.array(z.object({ level: z.number().int(), n: z.number().int() })),
  counts: FigureCountsSchema,
  open: z.array(
    z.object({
      id: z.string(),
      /** 'rating' (a 差评 of theirs) or 'complaint'; assigned: the clerk works it as its assignee. */
      source: z.enum(['rating', 'complaint']),
      assigned: z.boolean(),
      status: FollowupStatus,
      opened_day: z.string(),
      yellow_from: z.string(),
      due_day: z.string(),
      reasons: z.array(BadReason),
      /** An appeal's state (申诉复核 pending, the work waits for it), or null. */
      appeal: AppealState.nullable(),
      /** The callback phone, masked, to the assignee alone (who reveals it with followup.revealPhone). */
      phone_masked: z.string().nullable(),
    }),
  ),
});
export type MyRatingsResult = z.infer<typeof MyRatingsResult>;
export { SatisfactionBoard } from './board';

/** One rating of the month as exported (ratings.export): the service and who served, never who rated. */
export const ExportedRating = z.object({
  at: z.number().int(),
  department: z.string().nullable(),
  subject: z.string().nullable(),
  counter: z.string().nullable(),
  staffLogin: z.string().nullable(),
  level: z.number().int(),
  efficiency: z.number().int().nullable(),
  skill: z.number().int().nullable(),
  attitude: z.number().int().nullable(),
  reasons: z.array(BadReason),
  channel: RatingChannel,
  flags: z.string(),
  excluded: z.boolean(),
  /** A default rating under the hall's rule (基本满意, given by nobody), not the applicant's. */
  defaulted: z.boolean(),
});
export type ExportedRating = z.infer<typeof ExportedRating>;

/** How many flagged ratings ratings.flagged lists at most (newest first); `total` says how many there are. */
export const FLAGGED_LIMIT = 200;

/**
 * The period's flagged ratings of any level (ratings/rules ratingFlags), newest first, with their
 * review if a manager made one: when, where, whom and what was rated, the level and the flags;
 * never who rated, nor what they wrote.
 */
export const FlaggedRatings = z.object({
  /** All flagged ratings of the period, and those still waiting for a review (not reviewed, not excluded on appeal), whatever the limit. */
  total: z.number().int(),
  pending: z.number().int(),
  rows: z.array(
    z.object({
      id: z.string(),
      at: z.number().int(),
      level: z.number().int(),
      flags: z.array(z.enum(RATING_FLAGS)),
      counterId: z.string().nullable(),
      staffId: z.string().nullable(),
      serviceId: z.string().nullable(),
      itemId: z.string().nullable(),
      /** Left out of the rates: on an upheld appeal, or by this review. */
      excluded: z.boolean(),
      review: z.object({ decision: ReviewDecision, note: z.string(), staffId: z.string(), at: z.number().int() }).nullable(),
    }),
  ),
});
export type FlaggedRatings = z.infer<typeof FlaggedRatings>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const ratingQuerySpecs = {
  /** 好差评 over hall days `from`..`to` (inclusive), by department, counter, staff member or service. */
  'ratings.summary': {
    params: z.strictObject({ from: day, to: day, by: RatingGroup }).refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期' }),
    result: RatingSummary,
    roles: ['manager'],
  },
  /** The figures over hall days `from`..`to` (inclusive) by a dimension, whole or by month or day. */
  'ratings.figures': {
    params: z
      .strictObject({ from: day, to: day, by: FigureDimension, period: FigurePeriod })
      .refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期' }),
    result: FiguresResult,
    roles: ['manager'],
  },
  /** The flagged ratings of hall days `from`..`to` (inclusive), for review. */
  'ratings.flagged': {
    params: z.strictObject({ from: day, to: day }).refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期' }),
    result: FlaggedRatings,
    roles: ['manager'],
  },
  /** The clerk signed in at this PC's counter: their ratings this month and their open follow-ups. */
  'ratings.mine': { params: z.strictObject({}), result: MyRatingsResult, roles: ['clerk'] },
  ...boardQuerySpecs,
  /** A month's ratings for the export, oldest first: no rater data (the hub holds none but the device). */
  'ratings.export': { params: z.strictObject({ month }), result: z.array(ExportedRating), roles: ['manager'] },
} as const satisfies Record<string, QuerySpec>;
