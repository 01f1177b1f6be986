import { z } from 'zod';

/**
 * The vocabularies of 好差评 (DOMAIN.md "Evaluation"). Each `const` array is the one source of its
 * codes: the zod schema and TypeScript type here, its column's SQL CHECK, the faces' label keys.
 */

/** Five levels, 非常满意 5 … 非常不满意 1, stored as the number; 1 and 2 are 差评. */
export const RATING_LEVELS = ['5', '4', '3', '2', '1'] as const;
export const RatingLevel = z.number().int().min(1).max(5);

/** The in-person sub-scores: 服务效率, 服务水平, 服务态度. */
export const SUB_SCORES = ['efficiency', 'skill', 'attitude'] as const;
export type SubScore = (typeof SUB_SCORES)[number];

/** The fixed reasons a 差评 must give at least one of (free text may add to them). */
export const BAD_REASONS = [
  'slow',
  'attitude',
  'unclear_guidance',
  'repeat_trips',
  'not_handled',
  'rules_unclear',
  'facilities',
  'other',
] as const;
export const BadReason = z.enum(BAD_REASONS);
export type BadReason = z.infer<typeof BadReason>;

/** A service's rating request: waiting for the applicant, rated, or left unrated (with its cause). */
export const REQUEST_STATUSES = ['pending', 'rated', 'unrated'] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;

/**
 * Why a service went unrated: the prompt timed out, the applicant declined, or no device could ask
 * (`no_device`: no evaluator enrolled at the counter, or the enrolled one was offline, its link to
 * the hub dropped, when the service ended).
 */
export const UNRATED_CAUSES = ['timeout', 'declined', 'no_device'] as const;
export const UnratedCause = z.enum(UNRATED_CAUSES);
export type UnratedCause = z.infer<typeof UnratedCause>;

/** Where a rating was given: the window's evaluator, or the applicant's phone by QR or code. */
export const RATING_CHANNELS = ['device', 'qr'] as const;
export const RatingChannel = z.enum(RATING_CHANNELS);
export type RatingChannel = z.infer<typeof RatingChannel>;

/** What a rating was flagged for: given very fast after the prompt, or one of a burst from the device. */
export const RATING_FLAGS = ['fast', 'burst', 'away'] as const;
export type RatingFlag = (typeof RATING_FLAGS)[number];

/**
 * A manager's review of a flagged rating: checked, it stands as the applicant's; or excluded, left out
 * of every rate as an upheld appeal leaves a 差评 (kept in the record either way).
 */
export const REVIEW_DECISIONS = ['stands', 'excluded'] as const;
export const ReviewDecision = z.enum(REVIEW_DECISIONS);
export type ReviewDecision = z.infer<typeof ReviewDecision>;
