import { z } from 'zod';
import { settingsParser } from '../kernel/zod';
import { DEFAULT_FOLLOWUP_DAYS } from '../followups/rules';

/** The hall's 好差评 settings (`hall.setRatingSettings`). */
export const RatingSettingsSchema = z.strictObject({
  /** Seconds the window's evaluator waits for the applicant after the clerk finishes. */
  devicePromptSeconds: z.number().int().min(10).max(600),
  /** Below this many ratings a rate is shown with a "few ratings" flag. */
  minCount: z.number().int().min(1).max(1000),
  /** Working days a 差评's follow-up is given (核实 to 办结). */
  followUpDays: z.number().int().min(1).max(30),
  /** Days the code on a slip or 办结通知书 may be redeemed after the service ended. */
  codeDays: z.number().int().min(1).max(30),
  /**
   * The hub's address as the applicants' phones reach it (the hall's Wi-Fi or public address),
   * printed in the QR codes; empty: the address the printing terminal reaches the hub at.
   */
  phoneUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(200)]),
  /** The public board names the clerks (by their public display name) beside the departments. */
  publishNames: z.boolean(),
  /**
   * A province's default rating rule: a service left unrated this many days counts as 基本满意,
   * flagged as a default (ratings/rules defaultedRequest); 0: no such rule (the default).
   */
  defaultAfterDays: z.number().int().min(0).max(30),
});
export type RatingSettings = z.infer<typeof RatingSettingsSchema>;

export const defaultRatingSettings: RatingSettings = {
  devicePromptSeconds: 60,
  minCount: 30,
  followUpDays: DEFAULT_FOLLOWUP_DAYS,
  codeDays: 7,
  phoneUrl: '',
  publishNames: false,
  defaultAfterDays: 0,
};

/**
 * How long after a service an unrated request turns into a default rating, or null when the hall
 * has no such rule: the rule's days, but never before the code on the slip or notice expires (an
 * applicant who may still rate has not left the service unrated).
 */
export const defaultAfterMs = (s: RatingSettings): number | null =>
  s.defaultAfterDays === 0 ? null : Math.max(s.defaultAfterDays, s.codeDays) * 86_400_000;

export const parseRatingSettings: (json: string) => RatingSettings = settingsParser(RatingSettingsSchema, defaultRatingSettings);
