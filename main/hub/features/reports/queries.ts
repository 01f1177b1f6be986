import { addDays } from '../../../../shared/calendar/rules';
import type { Row } from '../../../../shared/protocol';
import { hallDayStart } from '../../../../shared/queue/rules';
import { addSums, PAUSE_SUMS, RATING_SUMS } from '../../../../shared/reports/figures';
import { CASE_SUMS, COUNTER_SUMS, QUEUE_SUMS, zeroSums } from '../../../../shared/reports/days';
import type { ReportBucket, ReportDimension, ReportKind } from '../../../../shared/reports/enums';
import type { ReportParams, ReportResult, reportQuerySpecs } from '../../../../shared/reports/queries';
import { prepared, type ReadonlyDb } from '../../readonlyDb';
import type { FeatureQueries } from '../../queries/registry';
import { RATING_KEYS, ratingTallySql } from '../ratings/queries';
import { queueDayAggregates } from './aggregate';
import { bookingSumsBy } from './bookings';
import { packStatus } from './packStatus';

/**
 * Reports, answered in the query worker (off the hub's event loop) from the daily aggregates:
 * one range of each table's key per period, grouped by the dimension and the time bucket, summed.
 * The figures are computed from these sums where they are shown (shared/reports/figures).
 * 好差评 is read from the ratings themselves with their own definitions (ratings/queries): an appeal
 * decided later changes a past day's figures, so they are not frozen at the day's close; 预约 from
 * the bookings (./bookings).
 */

/** The time bucket of a row, from its hall day (and hour). */
function bucketSql(bucket: ReportBucket, day: string, hour: string): string {
  switch (bucket) {
    case 'total':
      return "''";
    case 'hour':
      return `printf('%02d', ${hour})`;
    case 'day':
      return day;
    case 'weekday':
      return `strftime('%w', ${day})`;
    case 'week':
      return `date(${day}, '-' || ((strftime('%w', ${day}) + 6) % 7) || ' days')`;
    case 'month':
      return `substr(${day}, 1, 7)`;
  }
}

/** Which stored grain a dimension reads, the key it groups by, and what it joins to get there. */
interface Grain {
  grain: string;
  key: string;
  join: string;
}
const own = (grain: string): Grain => ({ grain, key: 'r.key', join: '' });
const hall = (grain: string): Grain => ({ grain, key: "''", join: '' });
const GRAINS: { [K in Exclude<ReportKind, 'ratings' | 'bookings'>]: Partial<Record<ReportDimension, Grain>> } = {
  queue: {
    hall: hall('service'),
    department: { grain: 'service', key: "coalesce(s.department_id, '')", join: 'LEFT JOIN services s ON s.id = r.key' },
    service: own('service'),
    counter: own('counter'),
    staff: own('staff'),
  },
  counters: { hall: hall('counter'), counter: own('counter'), staff: own('staff') },
  cases: {
    hall: hall('item'),
    department: { grain: 'item', key: "coalesce(i.department_id, '')", join: 'LEFT JOIN catalog_items i ON i.id = r.key' },
    service: { grain: 'item', key: "coalesce(i.service_id, '')", join: 'LEFT JOIN catalog_items i ON i.id = r.key' },
    item: own('item'),
    counter: own('counter'),
    staff: own('staff'),
  },
};

type Summed = { key: string; bucket: string } & Record<string, number>;

/** Sums of `columns` of `table` over the period, by the dimension's key and the bucket. */
function summed(
  db: ReadonlyDb,
  table: string,
  columns: readonly string[],
  g: Grain,
  bucket: string,
  p: ReportParams,
  extra = '',
): Summed[] {
  const sql = `SELECT ${g.key} AS key, ${bucket} AS bucket${extra ? `, ${extra}` : ''}, ${columns.map((c) => `sum(r.${c}) AS ${c}`).join(', ')}
               FROM ${table} r ${g.join} WHERE r.dim = @grain AND r.day >= @from AND r.day <= @to GROUP BY 1, 2${extra ? ', 3' : ''}`;
  return prepared(db, sql).all({ grain: g.grain, from: p.from, to: p.to }) as Summed[];
}

const rowOf = ({ key, bucket, ...sums }: Summed) => ({ key, bucket, sums });

/** A hall day's time bucket, as the SQL of the other reports puts it (one definition of the buckets). */
function dayBucket(db: ReadonlyDb, bucket: ReportBucket): (day: string) => string {
  const seen = new Map<string, string>();
  const sql = prepared(db, `SELECT ${bucketSql(bucket, '@day', '0')} AS b`);
  return (day) => seen.get(day) ?? seen.set(day, String((sql.get({ day }) as { b: string | number }).b)).get(day)!;
}

export function reportRows(
  db: ReadonlyDb,
  p: ReportParams,
  ctx: { hallId: string; now: number; utcOffsetMinutes: number },
): ReportResult['rows'] {
  const { now, utcOffsetMinutes } = ctx;
  const hourless = bucketSql(p.bucket, 'r.day', '0');
  const byHour = bucketSql(p.bucket, 'r.day', 'r.hour');
  switch (p.report) {
    case 'queue':
      return summed(db, 'report_queue_days', QUEUE_SUMS, GRAINS.queue[p.dimension]!, byHour, p).map(rowOf);
    case 'cases':
      return summed(db, 'report_case_days', CASE_SUMS, GRAINS.cases[p.dimension]!, hourless, p).map(rowOf);
    case 'counters': {
      const g = GRAINS.counters[p.dimension]!;
      // A counter's finished tickets, beside its time: throughput is finished per signed-in hour.
      const rows = new Map<string, Record<string, number>>();
      const into = (key: string, bucket: string, sums: Record<string, number>) => {
        const at = `${key}\u0000${bucket}`;
        rows.set(at, addSums([rows.get(at) ?? { ...zeroSums(COUNTER_SUMS), ...zeroSums(PAUSE_SUMS), finished: 0 }, sums]));
      };
      for (const { key, bucket, ...s } of summed(db, 'report_counter_days', COUNTER_SUMS, g, byHour, p)) into(key, bucket, s);
      for (const { key, bucket, finished } of summed(db, 'report_queue_days', ['finished'], g, byHour, p))
        into(key, bucket, { finished: finished! });
      for (const r of summed(db, 'report_pause_days', ['ms'], g, byHour, p, 'r.reason AS reason') as (Summed & { reason: string })[])
        into(r.key, r.bucket, { [`paused_${r.reason}_ms`]: r.ms! });
      return [...rows].map(([at, sums]) => {
        const [key, bucket] = at.split('\u0000') as [string, string];
        return { key, bucket, sums };
      });
    }
    case 'ratings': {
      const local = `(r.created_at + ${utcOffsetMinutes * 60_000}) / 1000, 'unixepoch'`;
      const key = p.dimension === 'hall' ? "''" : `coalesce(${RATING_KEYS[p.dimension as keyof typeof RATING_KEYS]}, '')`;
      const window = { now, start: hallDayStart(p.from, utcOffsetMinutes), end: hallDayStart(p.to, utcOffsetMinutes) + 86_400_000 };
      const rows = prepared(db, ratingTallySql(key, bucketSql(p.bucket, `date(${local})`, `strftime('%H', ${local})`))).all(window) as ({
        id: string;
        period: string;
      } & Record<string, number>)[];
      return rows.map((r) => ({ key: r.id, bucket: String(r.period), sums: Object.fromEntries(RATING_SUMS.map((k) => [k, r[k]!])) }));
    }
    case 'bookings': {
      const keyOf = (o: { serviceId: string; departmentId: string }) =>
        p.dimension === 'service' ? o.serviceId : p.dimension === 'department' ? o.departmentId : '';
      return bookingSumsBy(db, ctx, p.from, p.to, keyOf, dayBucket(db, p.bucket));
    }
  }
}

const LAST_CLOSED = 'SELECT max(day) AS day FROM hall_days WHERE closed_at IS NOT NULL';
const lastClosed = (db: ReadonlyDb) => (prepared(db, LAST_CLOSED).get() as { day: string | null }).day;

/** The staff member signed in at a clerk terminal's counter, if any. */
const signedInAt = (db: ReadonlyDb, counterId: string | null) =>
  counterId === null
    ? undefined
    : (prepared(db, 'SELECT staff_id FROM counters WHERE id = ?').get(counterId) as Pick<Row<'counters'>, 'staff_id'> | undefined)
        ?.staff_id;

export const reportQueries = {
  'reports.packStatus': (db) => packStatus(db),

  'reports.kpi': (db, ctx, p) => ({ rows: reportRows(db, p, ctx), lastClosedDay: lastClosed(db) }),

  'reports.mine': (db, { now, today, utcOffsetMinutes, caller }) => {
    const staffId = signedInAt(db, caller.counterId);
    const none = { queue: zeroSums(QUEUE_SUMS), counters: { ...zeroSums(COUNTER_SUMS), finished: 0 } };
    if (!staffId) return { today: none, month: none, lastClosedDay: lastClosed(db) };
    // Today is not closed yet: its figures are computed now, as the close would, and only the clerk's own.
    const live = queueDayAggregates(db, today, now, utcOffsetMinutes);
    const mine = <R extends { dim: string; key: string }>(rows: readonly R[]) => rows.filter((r) => r.dim === 'staff' && r.key === staffId);
    const pick = (row: object, keys: readonly string[]) =>
      Object.fromEntries(keys.map((k) => [k, Number((row as Record<string, unknown>)[k] ?? 0)]));
    const queueToday = addSums([zeroSums(QUEUE_SUMS), ...mine(live.queue).map((r) => pick(r, QUEUE_SUMS))]);
    const countersToday = addSums([
      none.counters,
      ...mine(live.counters).map((r) => pick(r, COUNTER_SUMS)),
      { finished: queueToday.finished },
    ]);
    // The month's closed days before today, beside today's live figures (today's own rows, if closed, are the same).
    const month = { from: `${today.slice(0, 7)}-01`, to: addDays(today, -1) };
    const own = { grain: 'staff', key: 'r.key', join: '' };
    const closedQueue = summed(db, 'report_queue_days', QUEUE_SUMS, own, "''", {
      ...month,
      report: 'queue',
      dimension: 'staff',
      bucket: 'total',
    }).find((r) => r.key === staffId);
    const closedTime = summed(db, 'report_counter_days', COUNTER_SUMS, own, "''", {
      ...month,
      report: 'counters',
      dimension: 'staff',
      bucket: 'total',
    }).find((r) => r.key === staffId);
    const queueMonth = addSums([queueToday, pick(closedQueue ?? {}, QUEUE_SUMS)]);
    return {
      today: { queue: queueToday, counters: countersToday },
      month: {
        queue: queueMonth,
        counters: addSums([countersToday, pick(closedTime ?? {}, COUNTER_SUMS), { finished: queueMonth.finished - queueToday.finished }]),
      },
      lastClosedDay: lastClosed(db),
    };
  },
} satisfies FeatureQueries<typeof reportQuerySpecs>;
