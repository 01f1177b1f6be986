import type { Definition } from '../kernel/definition';
import { BAD_REASONS, SUB_SCORES, type BadReason, type RatingFlag, type RequestStatus, type SubScore } from './enums';

/**
 * Rules of 好差评 (DOMAIN.md "Evaluation"): one rating per service, a 差评 (level 1–2) needs a
 * reason, a request the applicant leaves past its expiry counts as unrated (timeout) without any
 * write, and every rating keeps the version of the indicator set it was given under.
 */

/** An indicator set: the sub-scores and 差评 reasons asked, as the province versions them. */
export interface IndicatorSet {
  version: string;
  subScores: readonly SubScore[];
  reasons: readonly BadReason[];
}

/** The in-person set in force (GB/T 39734-2020); a new version is added here, never edited. */
export const IN_PERSON_SET: IndicatorSet = { version: 'in-person-2020.1', subScores: SUB_SCORES, reasons: BAD_REASONS };

/** 差评: 不满意 and 非常不满意. */
export const badLevel: Definition<{ level: number }, [], boolean> = {
  ts: (r) => r.level <= 2,
  sql: (col) => `(${col('level')} <= 2)`,
};
/** 满意: 非常满意, 满意 and 基本满意. */
export const satisfiedLevel: Definition<{ level: number }, [], boolean> = {
  ts: (r) => r.level >= 3,
  sql: (col) => `(${col('level')} >= 3)`,
};
export const isBad = (level: number): boolean => badLevel.ts({ level });
export const isSatisfied = (level: number): boolean => satisfiedLevel.ts({ level });

/** A request's status as of `now`: a pending one past its expiry is unrated (timed out), whatever its row says. */
export const requestStatus: Definition<{ status: RequestStatus; expires_at: number }, [now: number], RequestStatus> = {
  ts: (r, now) => (r.status === 'pending' && r.expires_at <= now ? 'unrated' : r.status),
  sql: (col, now) => `(CASE WHEN ${col('status')} = 'pending' AND ${col('expires_at')} <= ${now} THEN 'unrated' ELSE ${col('status')} END)`,
};

/**
 * A default rating (a province's rule, e.g. Guangdong's "no rating within 7 natural days counts as
 * 基本满意"): a request still unrated as of `now` (timed out, declined, or at a counter without an
 * evaluator) once `afterMs` passed since the service counts as DEFAULT_LEVEL, flagged as a default.
 * Computed as of `now`, never written: a late rating by the code on paper still replaces it while
 * the code is valid (the hall's afterMs is never shorter than that, see defaultAfterMs), and the
 * rows keep saying what the applicant did. `afterMs` null (a SQL NULL): the hall has no such rule.
 */
export const defaultedRequest: Definition<
  { status: RequestStatus; expires_at: number; created_at: number },
  [now: number, afterMs: number | null],
  boolean
> = {
  ts: (r, now, afterMs) => afterMs !== null && requestStatus.ts(r, now) === 'unrated' && r.created_at + afterMs <= now,
  // IS 1: a NULL afterMs (no rule) gives 0, not NULL.
  sql: (col, now, afterMs) => `((${requestStatus.sql(col, now)} = 'unrated' AND ${col('created_at')} + ${afterMs} <= ${now}) IS 1)`,
};
/** The level a default rating stands for: 基本满意, a satisfied level, never a 差评 (nobody follows up a silence). */
export const DEFAULT_LEVEL = 3;

type Redeemed = { counter_id: string | null; case_id: string | null; status: RequestStatus; created_at: number; expires_at: number };

/**
 * Why the window's evaluator at `counterId` may not redeem `request` (its token) as of `now`, or
 * null when it may: an unknown token and another counter's alike (invalid), a case's (only the
 * applicant's phone rates a case), one rated already, one past its expiry. Single use follows: a
 * redeemed request is rated.
 */
export function deviceRefusal(
  request: Redeemed | undefined,
  counterId: string | null,
  now: number,
): 'invalid' | 'phoneOnly' | 'alreadyRated' | 'expired' | null {
  if (!request || request.counter_id !== counterId) return 'invalid';
  if (request.case_id !== null) return 'phoneOnly';
  const status = requestStatus.ts(request, now);
  return status === 'rated' ? 'alreadyRated' : status === 'unrated' ? 'expired' : null;
}

/**
 * Why the code on a slip or a 办结通知书 may not rate `request` (its service's latest) as of `now`,
 * or null when it may: the service has not ended yet, it is rated, or the code has expired — a
 * case's at its request's expiry, a ticket's `codeDays` after the service ended (the window's
 * prompt running out does not end the slip's code).
 */
export function codeRefusal(request: Redeemed | undefined, now: number, codeDays: number): 'notYet' | 'alreadyRated' | 'expired' | null {
  if (!request) return 'notYet';
  if (request.status === 'rated') return 'alreadyRated';
  const until = request.case_id !== null ? request.expires_at : request.created_at + codeDays * 86_400_000;
  return now >= until ? 'expired' : null;
}

/**
 * Why a window's rating deserves a second look: given within a second of the prompt, the third within
 * half a minute on one device, or given while the rated clerk is no longer at the counter (signed
 * out, or someone else signed in): nobody was there to be rated.
 */
export function ratingFlags(promptedAt: number, at: number, recentFromDevice: number, clerkAtCounter: boolean): RatingFlag[] {
  const flags: RatingFlag[] = [];
  if (at - promptedAt < 1000) flags.push('fast');
  if (recentFromDevice >= 2) flags.push('burst');
  if (!clerkAtCounter) flags.push('away');
  return flags;
}

/** Sums and counts of a group's rating requests: rates come from these, and groups roll up by adding them. */
export interface RatingTally {
  /** Services that asked for a rating (every finished ticket or concluded case). */
  services: number;
  /** Ratings the applicants gave (defaults and ratings excluded on appeal are not active). */
  active: number;
  satisfied: number;
  bad: number;
  unrated: number;
}

export const emptyRatingTally = (): RatingTally => ({ services: 0, active: 0, satisfied: 0, bad: 0, unrated: 0 });

/** What one request (and its rating, if any: null when none or excluded on appeal) adds to its groups' tallies as of `now`. */
export function ratingTally(r: { status: RequestStatus; expires_at: number }, level: number | null, now: number): RatingTally {
  const status = requestStatus.ts(r, now);
  const active = status === 'rated' && level !== null;
  return {
    services: 1,
    active: Number(active),
    satisfied: Number(active && isSatisfied(level)),
    bad: Number(active && isBad(level)),
    unrated: Number(status === 'unrated'),
  };
}

export const addTally = (a: RatingTally, b: RatingTally): RatingTally => ({
  services: a.services + b.services,
  active: a.active + b.active,
  satisfied: a.satisfied + b.satisfied,
  bad: a.bad + b.bad,
  unrated: a.unrated + b.unrated,
});

/** A rate with what it was computed from (num ÷ of): null when there is nothing to divide by. */
export interface Rate {
  value: number | null;
  num: number;
  of: number;
  /** Fewer than the hall's minimum: shown, but flagged. */
  few: boolean;
}
export const figureRate = (num: number, den: number, minCount: number): Rate => ({
  value: den === 0 ? null : num / den,
  num,
  of: den,
  few: den < minCount,
});

/** 满意率 = (5 + 4 + 3) ÷ active ratings; 主动评价率 = active ratings ÷ services; 差评率 = 差评 ÷ active ratings. */
export function ratingRates(t: RatingTally, minCount: number): { satisfaction: Rate; participation: Rate; bad: Rate } {
  return {
    satisfaction: figureRate(t.satisfied, t.active, minCount),
    participation: figureRate(t.active, t.services, minCount),
    bad: figureRate(t.bad, t.active, minCount),
  };
}
