import { z } from 'zod/mini';
import type { QuerySpec } from '../kernel/command';

/*
 * The lobby display's one question, in zod/mini so that the display's page need not load classic
 * zod (ratings/queries merges it into the ratings' queries).
 */

const count = z.int();

/** One department's figures on the public board: counts only, and 满意率 as satisfied of active ratings. */
const BoardLine = z.object({
  /** Its ratings (active: given by the applicants, not excluded on appeal) and how many were 满意 (5, 4 or 3). */
  ratings: count,
  satisfied: count,
  /** Fewer ratings than the hall's minimum: shown, flagged. */
  few: z.boolean(),
});

/**
 * The public satisfaction board (the lobby display rotates it in when idle): this month, per
 * department, aggregates only. The clerks appear by their public display name, only where the hall
 * publishes names; never who rated, nor what anyone wrote.
 */
export const SatisfactionBoard = z.object({
  month: z.string().check(z.regex(/^\d{4}-\d{2}$/)),
  departments: z.array(
    z.extend(BoardLine, {
      name: z.string(),
      clerks: z.array(z.extend(BoardLine, { name: z.string() })),
    }),
  ),
});
export type SatisfactionBoard = z.infer<typeof SatisfactionBoard>;

export const boardQuerySpecs = {
  /** The public board of this month (on the hall's clock): for the lobby display and the board's preview. */
  'ratings.board': { params: z.strictObject({}), result: SatisfactionBoard, roles: ['display', 'manager'] },
} as const satisfies Record<string, QuerySpec>;
