import { columns } from '../../../../shared/kernel/definition';
import { hallDayStart } from '../../../../shared/queue/rules';
import { BAD_REASONS, type BadReason } from '../../../../shared/ratings/enums';
import type { ExportedRating, ratingQuerySpecs, RatingSummary } from '../../../../shared/ratings/queries';
import { parseRatingSettings } from '../../../../shared/ratings/settings';
import { badLevel, requestStatus, satisfiedLevel } from '../../../../shared/ratings/rules';
import { prepared } from '../../readonlyDb';
import type { FeatureQueries } from '../../queries/registry';

const r = columns('r');
const g = columns('g');
/** Each group's key: the department of the service (or of a concluded case's item), or the request's own counter, staff member or service. */
const KEYS = {
  department: 'coalesce(s.department_id, ci.department_id)',
  counter: 'r.counter_id',
  staff: 'r.staff_id',
  service: 'r.service_id',
} as const;

/**
 * The tally of each group over the period, summed in SQL from the rating definitions (ratings/rules):
 * a request past its expiry counts as unrated without any write; a rating excluded on appeal is
 * joined as no rating, so its service counts and its level does not.
 */
const tallySql = (key: string) => `
  SELECT ${key} AS id, count(*) AS services,
    coalesce(sum(${requestStatus.sql(r, '@now')} = 'rated' AND g.level IS NOT NULL), 0) AS active,
    coalesce(sum(${satisfiedLevel.sql(g)}), 0) AS satisfied,
    coalesce(sum(${badLevel.sql(g)}), 0) AS bad,
    coalesce(sum(${requestStatus.sql(r, '@now')} = 'unrated'), 0) AS unrated
  FROM rating_requests r LEFT JOIN ratings g ON g.id = r.id AND g.excluded = 0
    LEFT JOIN services s ON s.id = r.service_id LEFT JOIN catalog_items ci ON ci.id = r.item_id
  WHERE r.created_at >= @start AND r.created_at < @end
  GROUP BY 1 ORDER BY services DESC, id`;

const BAD = `
  SELECT g.id, g.at, g.level, g.reasons, g.comment, g.flags, g.excluded = 1 AS excluded, r.counter_id AS counterId, r.staff_id AS staffId, r.service_id AS serviceId
  FROM ratings g JOIN rating_requests r ON r.id = g.id
  WHERE r.created_at >= @start AND r.created_at < @end AND ${badLevel.sql(g)}
  ORDER BY g.at DESC LIMIT 200`;

const reasonsOf = (stored: string): BadReason[] => BAD_REASONS.filter((c) => stored.split(',').includes(c));

type Tally = { id: string | null; services: number; active: number; satisfied: number; bad: number; unrated: number };
const tallyOnly = ({ services, active, satisfied, bad, unrated }: Tally) => ({ services, active, satisfied, bad, unrated });

/** The first instant of hall month `month` (YYYY-MM) and of the next. */
function monthWindow(month: string, utcOffsetMinutes: number): { start: number; end: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { start: hallDayStart(`${month}-01`, utcOffsetMinutes), end: hallDayStart(`${next}-01`, utcOffsetMinutes) };
}

/** A request's department: its service's, or a concluded case's item's. */
const DEPARTMENT = 'coalesce(s.department_id, ci.department_id)';
const REQUEST_JOINS = 'LEFT JOIN services s ON s.id = r.service_id LEFT JOIN catalog_items ci ON ci.id = r.item_id';

/** The month's active ratings (given, not excluded on appeal) by department and staff member, with the 满意 among them. */
const BOARD = `
  SELECT ${DEPARTMENT} AS department, r.staff_id AS staff, count(*) AS ratings, coalesce(sum(${satisfiedLevel.sql(g)}), 0) AS satisfied
  FROM ratings g JOIN rating_requests r ON r.id = g.id ${REQUEST_JOINS}
  WHERE g.excluded = 0 AND r.created_at >= @start AND r.created_at < @end
  GROUP BY 1, 2`;

const EXPORT = `
  SELECT g.at, d.name AS department, coalesce(s.name, ci.name) AS subject, c.name AS counter, st.login AS staffLogin,
    g.level, g.efficiency, g.skill, g.attitude, g.reasons, r.channel, g.flags, g.excluded
  FROM ratings g JOIN rating_requests r ON r.id = g.id ${REQUEST_JOINS}
    LEFT JOIN departments d ON d.id = ${DEPARTMENT} LEFT JOIN counters c ON c.id = r.counter_id LEFT JOIN staff st ON st.id = r.staff_id
  WHERE r.created_at >= @start AND r.created_at < @end
  ORDER BY g.at, g.id`;

export const ratingQueries = {
  'ratings.summary': (db, { now, utcOffsetMinutes }, { from, to, by }) => {
    const window = { now, start: hallDayStart(from, utcOffsetMinutes), end: hallDayStart(to, utcOffsetMinutes) + 86_400_000 };
    const groups = prepared(db, tallySql(KEYS[by])).all(window) as Tally[];
    const hall = prepared(db, tallySql("'hall'")).get(window) as Tally | undefined;
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
  'ratings.board': (db, { now, today, utcOffsetMinutes, hallId }) => {
    const month = today.slice(0, 7);
    const settings = parseRatingSettings(
      (prepared(db, 'SELECT rating_settings FROM halls WHERE id = ?').get(hallId) as { rating_settings: string }).rating_settings,
    );
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
  'ratings.export': (db, { utcOffsetMinutes }, { month }) =>
    (
      prepared(db, EXPORT).all(monthWindow(month, utcOffsetMinutes)) as (Omit<ExportedRating, 'reasons' | 'excluded'> & {
        reasons: string;
        excluded: number;
      })[]
    ).map((r) => ({ ...r, reasons: reasonsOf(r.reasons), excluded: r.excluded === 1 })),
} satisfies FeatureQueries<typeof ratingQuerySpecs>;
