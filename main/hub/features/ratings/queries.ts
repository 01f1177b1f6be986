import { columns } from '../../../../shared/kernel/definition';
import { hallDayStart } from '../../../../shared/queue/rules';
import { BAD_REASONS, type BadReason } from '../../../../shared/ratings/enums';
import type { ratingQuerySpecs, RatingSummary } from '../../../../shared/ratings/queries';
import { badLevel, requestStatus, satisfiedLevel } from '../../../../shared/ratings/rules';
import { prepared } from '../../readonlyDb';
import type { FeatureQueries } from '../../queries/registry';

const r = columns('r');
const g = columns('g');
/** Each group's key: the service's department, or the request's own counter, staff member or service. */
export const RATING_KEYS = {
  department: 's.department_id',
  counter: 'r.counter_id',
  staff: 'r.staff_id',
  service: 'r.service_id',
} as const;

/**
 * The tally of each group (and time bucket, one for the whole period unless asked) over the period, summed in SQL from the rating definitions (ratings/rules):
 * a request past its expiry counts as unrated without any write; a rating excluded on appeal is
 * joined as no rating, so its service counts and its level does not.
 */
export const ratingTallySql = (key: string, bucket = "''") => `
  SELECT ${key} AS id, ${bucket} AS bucket, count(*) AS services,
    coalesce(sum(${requestStatus.sql(r, '@now')} = 'rated' AND g.level IS NOT NULL), 0) AS active,
    coalesce(sum(${satisfiedLevel.sql(g)}), 0) AS satisfied,
    coalesce(sum(${badLevel.sql(g)}), 0) AS bad,
    coalesce(sum(${requestStatus.sql(r, '@now')} = 'unrated'), 0) AS unrated
  FROM rating_requests r LEFT JOIN ratings g ON g.id = r.id AND g.excluded = 0 LEFT JOIN services s ON s.id = r.service_id
  WHERE r.created_at >= @start AND r.created_at < @end
  GROUP BY 1, 2 ORDER BY services DESC, id`;

const BAD = `
  SELECT g.id, g.at, g.level, g.reasons, g.comment, g.flags, g.excluded = 1 AS excluded, r.counter_id AS counterId, r.staff_id AS staffId, r.service_id AS serviceId
  FROM ratings g JOIN rating_requests r ON r.id = g.id
  WHERE r.created_at >= @start AND r.created_at < @end AND ${badLevel.sql(g)}
  ORDER BY g.at DESC LIMIT 200`;

const reasonsOf = (stored: string): BadReason[] => BAD_REASONS.filter((c) => stored.split(',').includes(c));

type Tally = { id: string | null; services: number; active: number; satisfied: number; bad: number; unrated: number };
const tallyOnly = ({ services, active, satisfied, bad, unrated }: Tally) => ({ services, active, satisfied, bad, unrated });

export const ratingQueries = {
  'ratings.summary': (db, { now, utcOffsetMinutes }, { from, to, by }) => {
    const window = { now, start: hallDayStart(from, utcOffsetMinutes), end: hallDayStart(to, utcOffsetMinutes) + 86_400_000 };
    const groups = prepared(db, ratingTallySql(RATING_KEYS[by])).all(window) as Tally[];
    const hall = prepared(db, ratingTallySql("'hall'")).get(window) as Tally | undefined;
    const bad = (
      prepared(db, BAD).all(window) as (Omit<RatingSummary['bad'][number], 'reasons' | 'excluded'> & {
        reasons: string;
        excluded: number;
      })[]
    ).map((b) => ({ ...b, reasons: reasonsOf(b.reasons), excluded: b.excluded === 1 }));
    return {
      hall: hall ? tallyOnly(hall) : { services: 0, active: 0, satisfied: 0, bad: 0, unrated: 0 },
      groups: groups.map((t) => ({ id: t.id, tally: tallyOnly(t) })),
      bad,
    };
  },
} satisfies FeatureQueries<typeof ratingQuerySpecs>;
