import { z } from 'zod';
import type { QuerySpec } from '../kernel/command';
import { BadReason } from './enums';

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

export const ratingQuerySpecs = {
  /** 好差评 over hall days `from`..`to` (inclusive), by department, counter, staff member or service. */
  'ratings.summary': {
    params: z.strictObject({ from: day, to: day, by: RatingGroup }).refine((p) => p.from <= p.to, { message: '开始日期不能晚于结束日期' }),
    result: RatingSummary,
    roles: ['manager'],
  },
} as const satisfies Record<string, QuerySpec>;
