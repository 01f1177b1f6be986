import { z } from 'zod';
import { ratingChecks, ratingFields } from './commands';

/**
 * Rating by QR or code (DOMAIN.md "Evaluation"): the slip of every ticket and the 办结通知书 of
 * every concluded case carry a code; the applicant's phone opens the hub's page `#/rate?code=…`
 * and redeems it once, within the hall's days for codes, for the service it names. The code is
 * 16 characters without look-alikes (80 random bits), printed XXXX-XXXX-XXXX-XXXX.
 */
export const RATING_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const RATING_CODE_LENGTH = 16;

/** A code from 16 random bytes (each taken modulo 32, which the alphabet's size divides evenly). */
export function ratingCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < RATING_CODE_LENGTH) throw new Error('a rating code needs 16 random bytes');
  return [...bytes.slice(0, RATING_CODE_LENGTH)].map((b) => RATING_CODE_ALPHABET[b % 32]).join('');
}

/** The code as typed or scanned: case and the dashes or spaces between groups do not matter. */
export const normalizeRatingCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

/** The code as printed, in groups of four. */
export const printedRatingCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;

export const RatingCode = z
  .string()
  .max(40)
  .transform(normalizeRatingCode)
  .pipe(z.string().regex(new RegExp(`^[${RATING_CODE_ALPHABET}]{${RATING_CODE_LENGTH}}$`), { message: '评价码格式不对' }));

/** The phone page's address for a code on a hub at `base` (its origin, as the phones reach it). */
export const ratePageAddress = (base: string, code: string): string => `${base.replace(/\/+$/, '')}/#/rate?code=${code}`;

/** POST /rate/look: what a code rates. */
export const RateLookRequest = z.strictObject({ code: RatingCode });
/**
 * What the phone page shows of the service it rates: the item or service, the counter and the
 * day; never who was served nor who served them.
 */
export const RateLookAnswer = z.strictObject({
  subject: z.string(),
  counter: z.string().nullable(),
  day: z.string(),
});
export type RateLookAnswer = z.infer<typeof RateLookAnswer>;

/** POST /rate: the applicant's rating by code, on the window's rules (commands.ts). */
export const RateSubmitRequest = ratingChecks(z.strictObject({ code: RatingCode, ...ratingFields }));
export type RateSubmitRequest = z.infer<typeof RateSubmitRequest>;
