import { z } from 'zod';
import type { QuerySpec } from '../kernel/command';
import { BadReason, RatingChannel } from './enums';

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
      flags: z.string(),
      /** An appeal was upheld: kept here, left out of the rates. */
      excluded: z.boolean(),
    }),
  ),
});
export type RatingSummary = z.infer<typeof RatingSummary>;

/** One department's figures on the public board: counts only, and 满意率 as satisfied of active ratings. */
const BoardLine = z.object({
  /** Its ratings (active: given by the applicants, not excluded on appeal) and how many were 满意 (5, 4 or 3). */
  ratings: z.number().int(),
  satisfied: z.number().int(),
  /** Fewer ratings than the hall's minimum: shown, flagged. */
  few: z.boolean(),
});

/**
 * The public satisfaction board (the lobby display rotates it in when idle): this month, per
 * department, aggregates only. The clerks appear by their public display name, only where the hall
 * publishes names; never who rated, nor what anyone wrote.
 */
export const SatisfactionBoard = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  departments: z.array(
    BoardLine.extend({
      name: z.string(),
      clerks: z.array(BoardLine.extend({ name: z.string() })),
    }),
  ),
});
export type SatisfactionBoard = z.infer<typeof SatisfactionBoard>;

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
});
export type ExportedRating = z.infer<typeof ExportedRating>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const ratingQuerySpecs = {
  /** 好差评 over hall days `from`..`to` (inclusive), by department, counter, staff member or service. */
  'ratings.summary': {
    params: z.strictObject({ from: day, to: day, by: RatingGroup }).refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期' }),
    result: RatingSummary,
    roles: ['manager'],
  },
  /** The public board of this month (on the hall's clock): for the lobby display and the board's preview. */
  'ratings.board': { params: z.strictObject({}), result: SatisfactionBoard, roles: ['display', 'manager'] },
  /** A month's ratings for the export, oldest first: no rater data (the hub holds none but the device). */
  'ratings.export': { params: z.strictObject({ month }), result: z.array(ExportedRating), roles: ['manager'] },
} as const satisfies Record<string, QuerySpec>;
