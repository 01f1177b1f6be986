import { z } from 'zod';
import { average } from '../cases/queries';
import type { QuerySpec } from '../kernel/command';

export const TodayResult = z.object({
  day: z.string(),
  /** The queue's figures (queue/kpi): waits over queue entries, rates beside their counts. */
  tickets: z.object({
    issued: z.number().int(),
    waiting: z.number().int(),
    finished: z.number().int(),
    noShow: z.number().int(),
    /** Of the issued. */
    noShowPct: average,
    /** Entries called: the count behind the mean wait and the service level. */
    called: z.number().int(),
    avgWaitMin: average,
    /** Called within the service's maximum wait. */
    serviceLevelPct: average,
    /** Entries the day's close ended uncalled: counted apart, not as waits. */
    uncalled: z.number().int(),
    avgWalkMin: average,
    avgServiceMin: average,
    avgTotalMin: average,
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

export const hallQuerySpecs = {
  /** Today's dashboard: tickets and cases of the hall day. */
  'hall.today': { params: z.strictObject({}), result: TodayResult, roles: ['manager'] },
} as const satisfies Record<string, QuerySpec>;
