import { z } from 'zod';
import { allBut, ms, rowId as id, table } from '../kernel/table';
import { RatingChannel, RequestStatus, UnratedCause } from './enums';

/** The applicant's rating of a request (same id): managers read them; nobody learns who gave it. */
const ratingRow = z.object({
  id,
  hall_id: id,
  level: z.number().int(),
  efficiency: z.number().int().nullable(),
  skill: z.number().int().nullable(),
  attitude: z.number().int().nullable(),
  /** The 差评 reasons, a comma list of BAD_REASONS codes. */
  reasons: z.string(),
  comment: z.string(),
  indicator_set: z.string(),
  /** Why the rating deserves a second look, a comma list of RATING_FLAGS (never dropped for them). */
  flags: z.string(),
  at: ms,
  /** 1 once an appeal was upheld: kept, but left out of every rate. */
  excluded: z.number().int(),
});

/** The 好差评 tables a terminal may replicate, and who sees which columns. */
export const ratingTables = {
  /**
   * One per service to be rated (a finished ticket, a concluded case): its id is the single-use
   * token the evaluator redeems; the applicant's phone redeems a code (rating_codes, the hub's only)
   * instead. The evaluator sees its counter's, without the ticket or case.
   */
  rating_requests: table(
    z.object({
      id,
      hall_id: id,
      ticket_id: id.nullable(),
      counter_id: id.nullable(),
      staff_id: id.nullable(),
      service_id: id.nullable(),
      channel: RatingChannel,
      created_at: ms,
      expires_at: ms,
      status: RequestStatus,
      unrated_cause: UnratedCause.nullable(),
      /** A concluded case's request (channel qr): the case, and its catalog item in place of a service. */
      case_id: id.nullable(),
      item_id: id.nullable(),
    }),
    // Managers and the counter's own evaluator hold them; clerk PCs need none (and would each be sent every one).
    // The region counts them for its board and reports, as the hall does.
    {
      manager: 'all',
      region: 'all',
      rater: ['id', 'hall_id', 'counter_id', 'staff_id', 'service_id', 'created_at', 'expires_at', 'status'],
    },
  ),
  /** See ratingRow. */
  ratings: table(ratingRow, {
    manager: 'all',
    // The region counts levels; an applicant's own words may name someone, and stay in the hall.
    region: allBut(ratingRow, ['comment']),
  }),
};
