import { z } from 'zod';
import { Done, spec } from '../kernel/command';
import { entityId } from '../kernel/zod';
import { hallResult } from '../hall/commands';
import { BadReason, RatingLevel, ReviewDecision } from './enums';
import { isBad } from './rules';
import { RatingSettingsSchema } from './settings';

const score = RatingLevel.optional();

/** A rating as an applicant gives it, at the window or by phone: a level, sub-scores, reasons, a remark. */
export const ratingFields = {
  level: RatingLevel,
  subScores: z.strictObject({ efficiency: score, skill: score, attitude: score }),
  reasons: z.array(BadReason).max(8),
  comment: z.string().trim().max(200),
};

/** A 差评 (1–2) gives at least one reason, and none twice. */
export const ratingChecks = <T extends z.ZodType<{ level: number; reasons: string[] }>>(schema: T) =>
  schema
    .refine((r) => !isBad(r.level) || r.reasons.length > 0, { message: '差评请至少选择一项原因', path: ['reasons'] })
    .refine((r) => new Set(r.reasons).size === r.reasons.length, { message: '原因重复', path: ['reasons'] });

export const ratingCommandSpecs = {
  /**
   * The applicant's rating at the window's evaluator: the request is the single-use token, taken
   * only from the evaluator bound to its counter, once, before it expires. A 差评 gives a reason.
   */
  'rating.submit': spec({
    payload: ratingChecks(z.strictObject({ requestId: entityId, ...ratingFields })),
    result: Done,
    roles: ['evaluator'],
    offline: false,
  }),
  /** The applicant chose not to rate: the service is recorded as unrated, declined. */
  'rating.decline': spec({ payload: z.strictObject({ requestId: entityId }), result: Done, roles: ['evaluator'], offline: false }),
  /**
   * A manager's review of a flagged rating (fast, burst, away): it stands, or it is excluded from the
   * rates and kept in the record; with what was found, by whoever is signed in at the board, never
   * about themselves.
   */
  'rating.review': spec({
    payload: z.strictObject({ ratingId: entityId, decision: ReviewDecision, note: z.string().trim().min(1, '请写明复核意见').max(500) }),
    result: Done,
    roles: ['manager'],
    offline: false,
  }),
  'hall.setRatingSettings': spec({ payload: RatingSettingsSchema.partial(), result: hallResult, roles: ['manager'], offline: false }),
} as const;
