import { columns } from '../../../../shared/kernel/definition';
import { hallDayStart } from '../../../../shared/queue/rules';
import { BAD_REASONS, RATING_FLAGS, type BadReason, type ReviewDecision } from '../../../../shared/ratings/enums';
import type {
  ExportedRating,
  FigureDimension,
  FigurePeriod,
  FlaggedRatings,
  MyRatingsResult,
  ratingQuerySpecs,
  RatingSummary,
} from '../../../../shared/ratings/queries';
import { FLAGGED_LIMIT } from '../../../../shared/ratings/queries';
import {
  addFigureCounts,
  complaintCountsSql,
  emptyFigureCounts,
  followupCountsSql,
  type FigureCounts,
} from '../../../../shared/ratings/figures';
import { defaultAfterMs, parseRatingSettings } from '../../../../shared/ratings/settings';
import { badLevel, DEFAULT_LEVEL, defaultedRequest, requestStatus, satisfiedLevel } from '../../../../shared/ratings/rules';
import { prepared, type ReadonlyDb } from '../../readonlyDb';
import type { FeatureQueries, QueryParamsOf } from '../../queries/registry';

const r = columns('r');
const g = columns('g');
/** A request's department: its service's, or a concluded case's item's. */
const DEPARTMENT = 'coalesce(s.department_id, ci.department_id)';
/** Each group's key: the request's department, or its own counter, staff member or service. */
export const RATING_KEYS = {
  department: DEPARTMENT,
  counter: 'r.counter_id',
  staff: 'r.staff_id',
  service: 'r.service_id',
} as const;

/**
 * The tally of each group (and time bucket, one for the whole period unless asked) over the period, summed in SQL from the rating definitions (ratings/rules):
 * a request past its expiry counts as unrated without any write; a rating excluded on appeal is
 * joined as no rating, so its service counts and its level does not. With `defaults`, also the
 * default ratings under the hall's rule (@defaultAfter, NULL for none), as `defaulted`.
 */
export const ratingTallySql = (key: string, period = "''", defaults = false) => `
  SELECT ${key} AS id, ${period} AS period, count(*) AS services,
    coalesce(sum(${requestStatus.sql(r, '@now')} = 'rated' AND g.level IS NOT NULL), 0) AS active,
    coalesce(sum(${satisfiedLevel.sql(g)}), 0) AS satisfied,
    coalesce(sum(${badLevel.sql(g)}), 0) AS bad,
    coalesce(sum(${requestStatus.sql(r, '@now')} = 'unrated'), 0) AS unrated${
      defaults
        ? `,
    coalesce(sum(${defaultedRequest.sql(r, '@now', '@defaultAfter')}), 0) AS defaulted`
        : ''
    }
  FROM rating_requests r LEFT JOIN ratings g ON g.id = r.id AND g.excluded = 0
    LEFT JOIN services s ON s.id = r.service_id LEFT JOIN catalog_items ci ON ci.id = r.item_id
  WHERE r.created_at >= @start AND r.created_at < @end
  GROUP BY 1, 2 ORDER BY services DESC, id`;

const BAD = `
  SELECT g.id, g.at, g.level, g.reasons, g.comment, g.flags, g.excluded = 1 AS excluded, r.counter_id AS counterId, r.staff_id AS staffId, r.service_id AS serviceId,
    r.item_id AS itemId
  FROM ratings g JOIN rating_requests r ON r.id = g.id
  WHERE r.created_at >= @start AND r.created_at < @end AND ${badLevel.sql(g)}
  ORDER BY g.at DESC LIMIT 200`;

/** The period's flagged ratings (any level), newest first, each with its review if any; never the rater's terminal nor words. */
const FLAGGED_WHERE = `
  FROM ratings g JOIN rating_requests r ON r.id = g.id LEFT JOIN rating_reviews v ON v.id = g.id
  WHERE r.created_at >= @start AND r.created_at < @end AND g.flags <> ''`;
const FLAGGED = `
  SELECT g.id, g.at, g.level, g.flags, g.excluded = 1 AS excluded, r.counter_id AS counterId, r.staff_id AS staffId,
    r.service_id AS serviceId, r.item_id AS itemId, v.decision, v.note, v.staff_id AS reviewer, v.at AS reviewedAt
  ${FLAGGED_WHERE}
  ORDER BY g.at DESC, g.id LIMIT ${FLAGGED_LIMIT}`;
// Waiting: neither reviewed nor already out of the rates on an upheld appeal (which leaves nothing to decide).
const FLAGGED_COUNT = `SELECT count(*) AS total, coalesce(sum(v.id IS NULL AND g.excluded = 0), 0) AS pending ${FLAGGED_WHERE}`;

const settingsOf = (db: ReadonlyDb, hallId: string) =>
  parseRatingSettings(
    (prepared(db, 'SELECT rating_settings FROM halls WHERE id = ?').get(hallId) as { rating_settings: string }).rating_settings,
  );

const reasonsOf = (stored: string): BadReason[] => BAD_REASONS.filter((c) => stored.split(',').includes(c));

type Tally = { id: string | null; period: string; services: number; active: number; satisfied: number; bad: number; unrated: number };
const tallyOnly = ({ services, active, satisfied, bad, unrated }: Tally) => ({ services, active, satisfied, bad, unrated });

/** Each dimension's key in the figures' three sources: requests (r, g, s), follow-ups (f with its request r), complaints (k). */
const FIGURE_KEYS: Record<FigureDimension, { request: string; followup: string; complaint: string }> = {
  hall: { request: "'hall'", followup: "'hall'", complaint: "'hall'" },
  department: { request: DEPARTMENT, followup: 'f.department_id', complaint: 'k.department_id' },
  counter: { request: 'r.counter_id', followup: 'r.counter_id', complaint: 'k.counter_id' },
  staff: { request: 'r.staff_id', followup: 'f.staff_id', complaint: 'k.staff_id' },
  // A complaint is about a department, counter, person or case, never a service or item: it has none.
  service: { request: 'r.service_id', followup: 'r.service_id', complaint: 'NULL' },
  // A concluded case's rating is of its catalog item (a ticket's has none: the none group).
  item: { request: 'r.item_id', followup: 'r.item_id', complaint: 'NULL' },
};
/** A hall day column cut to the period. */
const dayPeriod = (day: string, period: FigurePeriod) => (period === 'day' ? day : period === 'month' ? `substr(${day}, 1, 7)` : "'whole'");
/** A request's hall day, from its moment on the hall's clock. */
const REQUEST_DAY = "strftime('%Y-%m-%d', r.created_at / 1000 + @offset, 'unixepoch')";

const f = columns('f');
const k = columns('k');
const followupFiguresSql = (key: string, period: string) => `
  SELECT ${key} AS id, ${period} AS period, ${followupCountsSql(f, '@today')}
  FROM followups f LEFT JOIN rating_requests r ON r.id = f.rating_id
  WHERE f.rating_id IS NOT NULL AND f.opened_day >= @from AND f.opened_day <= @to
  GROUP BY 1, 2`;
const complaintFiguresSql = (key: string, period: string) => `
  SELECT ${key} AS id, ${period} AS period, ${complaintCountsSql(k)}
  FROM complaints k WHERE k.received_day >= @from AND k.received_day <= @to
  GROUP BY 1, 2`;

type Keyed = { id: string | null; period: string };

/**
 * The figures' counts of each group and period over hall days from..to: the rating requests made
 * in them, the 差评 follow-ups opened in them, the complaints received in them, summed in SQL from
 * the definitions in ratings/figures and put together by group and period.
 */
export function figureRows(
  db: ReadonlyDb,
  q: { now: number; today: string; utcOffsetMinutes: number; hallId: string },
  p: QueryParamsOf<'ratings.figures'>,
) {
  const keys = FIGURE_KEYS[p.by];
  const args = {
    now: q.now,
    today: q.today,
    defaultAfter: defaultAfterMs(settingsOf(db, q.hallId)),
    from: p.from,
    to: p.to,
    offset: q.utcOffsetMinutes * 60,
    start: hallDayStart(p.from, q.utcOffsetMinutes),
    end: hallDayStart(p.to, q.utcOffsetMinutes) + 86_400_000,
  };
  const rows = new Map<string, { id: string | null; period: string; counts: FigureCounts }>();
  const add = (row: Keyed & Partial<FigureCounts>) => {
    const at = `${row.id ?? ''}|${row.period}`;
    const { id, period, ...counts } = row;
    const held = rows.get(at) ?? { id, period, counts: emptyFigureCounts() };
    held.counts = addFigureCounts(held.counts, { ...emptyFigureCounts(), ...counts });
    rows.set(at, held);
  };
  for (const row of prepared(db, ratingTallySql(keys.request, dayPeriod(REQUEST_DAY, p.period), true)).all(args) as Tally[]) add(row);
  for (const row of prepared(db, followupFiguresSql(keys.followup, dayPeriod('f.opened_day', p.period))).all(args) as Keyed[]) add(row);
  for (const row of prepared(db, complaintFiguresSql(keys.complaint, dayPeriod('k.received_day', p.period))).all(args) as Keyed[]) add(row);
  return [...rows.values()].sort((a, b) => a.period.localeCompare(b.period) || b.counts.services - a.counts.services);
}

/**
 * The clerk's month: active ratings by level, and the follow-ups about them or assigned to them
 * still open; the callback phone (masked) only on those they work as assignee.
 */
const MY_LEVELS = `
  SELECT g.level, count(*) AS n FROM ratings g JOIN rating_requests r ON r.id = g.id
  WHERE r.staff_id = @staff AND g.excluded = 0 AND r.created_at >= @start AND r.created_at < @end
  GROUP BY g.level ORDER BY g.level DESC`;
const MY_OPEN = `
  SELECT f.id, f.complaint_id IS NOT NULL AS complaint, f.assignee_id = @staff AS assigned, f.status, f.appeal, f.opened_day, f.yellow_from, f.due_day,
    coalesce(g.reasons, '') AS reasons, CASE WHEN f.assignee_id = @staff THEN f.phone_masked END AS phone_masked
  FROM followups f LEFT JOIN ratings g ON g.id = f.rating_id
  WHERE f.status <> 'closed' AND (f.staff_id = @staff OR f.assignee_id = @staff)
  ORDER BY f.due_day, f.id LIMIT 100`;
/** The first instant of hall month `month` (YYYY-MM) and of the next. */
function monthWindow(month: string, utcOffsetMinutes: number): { start: number; end: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { start: hallDayStart(`${month}-01`, utcOffsetMinutes), end: hallDayStart(`${next}-01`, utcOffsetMinutes) };
}

const REQUEST_JOINS = 'LEFT JOIN services s ON s.id = r.service_id LEFT JOIN catalog_items ci ON ci.id = r.item_id';

/** The month's active ratings (given, not excluded on appeal) by department and staff member, with the 满意 among them. */
const BOARD = `
  SELECT ${DEPARTMENT} AS department, r.staff_id AS staff, count(*) AS ratings, coalesce(sum(${satisfiedLevel.sql(g)}), 0) AS satisfied
  FROM ratings g JOIN rating_requests r ON r.id = g.id ${REQUEST_JOINS}
  WHERE g.excluded = 0 AND r.created_at >= @start AND r.created_at < @end
  GROUP BY 1, 2`;

const EXPORT_JOINS = `${REQUEST_JOINS}
    LEFT JOIN departments d ON d.id = ${DEPARTMENT} LEFT JOIN counters c ON c.id = r.counter_id LEFT JOIN staff st ON st.id = r.staff_id`;
/**
 * The month's ratings, and under the hall's default rule its default ratings as of now (flagged
 * `defaulted`, at the moment the service turned into one, 基本满意, nothing else known of them).
 */
const EXPORT = `
  SELECT g.at, d.name AS department, coalesce(s.name, ci.name) AS subject, c.name AS counter, st.login AS staffLogin,
    g.level, g.efficiency, g.skill, g.attitude, g.reasons, r.channel, g.flags, g.excluded, 0 AS defaulted, g.id
  FROM ratings g JOIN rating_requests r ON r.id = g.id ${EXPORT_JOINS}
  WHERE r.created_at >= @start AND r.created_at < @end
  UNION ALL
  SELECT r.created_at + @defaultAfter, d.name, coalesce(s.name, ci.name), c.name, st.login,
    ${DEFAULT_LEVEL}, NULL, NULL, NULL, '', r.channel, '', 0, 1, r.id
  FROM rating_requests r ${EXPORT_JOINS}
  WHERE r.created_at >= @start AND r.created_at < @end AND ${defaultedRequest.sql(r, '@now', '@defaultAfter')}
  ORDER BY 1, 15`;

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
  'ratings.figures': (db, q, p) => ({ rows: figureRows(db, q, p) }),
  'ratings.flagged': (db, { utcOffsetMinutes }, { from, to }) => {
    const window = { start: hallDayStart(from, utcOffsetMinutes), end: hallDayStart(to, utcOffsetMinutes) + 86_400_000 };
    const rows = prepared(db, FLAGGED).all(window) as (Omit<FlaggedRatings['rows'][number], 'flags' | 'excluded' | 'review'> & {
      flags: string;
      excluded: number;
      decision: ReviewDecision | null;
      note: string | null;
      reviewer: string | null;
      reviewedAt: number | null;
    })[];
    return {
      ...(prepared(db, FLAGGED_COUNT).get(window) as { total: number; pending: number }),
      rows: rows.map(({ flags, excluded, decision, note, reviewer, reviewedAt, ...g }) => ({
        ...g,
        flags: RATING_FLAGS.filter((c) => flags.split(',').includes(c)),
        excluded: excluded === 1,
        review: decision === null ? null : { decision, note: note!, staffId: reviewer!, at: reviewedAt! },
      })),
    };
  },
  /**
   * Only what concerns the clerk signed in at this PC's counter, with nothing of who rated or
   * complained (no comment, no phone); at a counter with nobody signed in, nothing.
   */
  'ratings.mine': (db, q) => {
    const month = q.today.slice(0, 7);
    const staff = q.caller.counterId
      ? (prepared(db, 'SELECT staff_id FROM counters WHERE id = ?').get(q.caller.counterId) as { staff_id: string | null } | undefined)
          ?.staff_id
      : null;
    const empty = { month, levels: [], counts: emptyFigureCounts(), open: [] };
    if (!staff) return empty;
    const from = `${month}-01`;
    const figures = figureRows(db, q, { from, to: q.today, by: 'staff', period: 'whole' }).find((r) => r.id === staff);
    const args = { staff, start: hallDayStart(from, q.utcOffsetMinutes), end: hallDayStart(q.today, q.utcOffsetMinutes) + 86_400_000 };
    const open = prepared(db, MY_OPEN).all(args) as (Omit<MyRatingsResult['open'][number], 'source' | 'assigned' | 'reasons'> & {
      complaint: number;
      assigned: number;
      reasons: string;
    })[];
    return {
      month,
      levels: prepared(db, MY_LEVELS).all(args) as { level: number; n: number }[],
      counts: figures?.counts ?? empty.counts,
      open: open.map(({ complaint, assigned, reasons, ...o }) => ({
        ...o,
        source: complaint ? ('complaint' as const) : ('rating' as const),
        assigned: assigned === 1,
        reasons: reasonsOf(reasons),
      })),
    };
  },
  'ratings.board': (db, { now, today, utcOffsetMinutes, hallId }) => {
    const month = today.slice(0, 7);
    const settings = settingsOf(db, hallId);
    const rows = prepared(db, BOARD).all({ now, ...monthWindow(month, utcOffsetMinutes) }) as {
      department: string | null;
      staff: string | null;
      ratings: number;
      satisfied: number;
    }[];
    const nameOf = (table: 'departments' | 'staff_cards', column: string, id: string | null) =>
      id === null
        ? null
        : ((prepared(db, `SELECT ${column} AS name FROM ${table} WHERE id = ?`).get(id) as { name: string } | undefined)?.name ?? null);
    const line = (ratings: number, satisfied: number) => ({ ratings, satisfied, few: ratings < settings.minCount });
    const byDepartment = new Map<string | null, typeof rows>();
    for (const row of rows) byDepartment.set(row.department, [...(byDepartment.get(row.department) ?? []), row]);
    const departments = [...byDepartment].map(([id, staff]) => {
      // Roll-ups add counts, never rates.
      const ratings = staff.reduce((n, r) => n + r.ratings, 0);
      const satisfied = staff.reduce((n, r) => n + r.satisfied, 0);
      const clerks = settings.publishNames
        ? staff
            .map((r) => ({ name: nameOf('staff_cards', 'display_name', r.staff), ...line(r.ratings, r.satisfied) }))
            .filter((c): c is typeof c & { name: string } => c.name !== null)
            .sort((a, b) => b.ratings - a.ratings || a.name.localeCompare(b.name))
        : [];
      return { name: nameOf('departments', 'name', id) ?? '', ...line(ratings, satisfied), clerks };
    });
    return { month, departments: departments.sort((a, b) => b.ratings - a.ratings || a.name.localeCompare(b.name)) };
  },
  'ratings.export': (db, { now, utcOffsetMinutes, hallId }, { month }) =>
    (
      prepared(db, EXPORT).all({
        ...monthWindow(month, utcOffsetMinutes),
        now,
        defaultAfter: defaultAfterMs(settingsOf(db, hallId)),
      }) as (Omit<ExportedRating, 'reasons' | 'excluded' | 'defaulted'> & {
        reasons: string;
        excluded: number;
        defaulted: number;
        id: string;
      })[]
    ).map(({ id: _id, ...r }) => ({ ...r, reasons: reasonsOf(r.reasons), excluded: r.excluded === 1, defaulted: r.defaulted === 1 })),
} satisfies FeatureQueries<typeof ratingQuerySpecs>;
