import type { CommandType } from '../../../../shared/protocol';
import type { HandlerContext } from '../../commands/context';

/**
 * Takes a rating out of every rate and keeps it in the record: what an upheld appeal (followup.decideAppeal)
 * and a review's exclusion (rating.review) both do. The figures, the board and the export read
 * `excluded` alone, so this is the one place a rating leaves the rates.
 */
export function excludeRating(ctx: HandlerContext<CommandType>, ratingId: string): void {
  ctx.store.patch('ratings', ratingId, { excluded: 1 });
}
