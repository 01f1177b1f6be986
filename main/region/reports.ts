import { CASE_SUMS, QUEUE_SUMS, zeroSums } from '../../shared/reports/days';
import { addSums, RATING_SUMS } from '../../shared/reports/figures';
import { nextMonth, type RegionReport, type RegionReportKind, type RegionReportParams } from '../../shared/region/reports';
import { BOOKING_SUMS } from '../../shared/reports/bookings';
import { subtreeHalls, subtreeNodes } from './board';
import { bookingSumsByHall } from './bookings';
import { REGION_COUNTER_SUMS, type Queryable } from './hallFigures';
import type { Supervisor } from './supervisors';

type ClosedDayKind = Exclude<RegionReportKind, 'bookings'>;
/** Each closed-day report's table of daily rows (migrations 0004, 0006) and its sums, the hall's own (reports/days, reports/figures). */
const SOURCES: Readonly<Record<ClosedDayKind, { table: string; sums: readonly string[] }>> = {
  queue: { table: 'region_queue_days', sums: QUEUE_SUMS },
  counters: { table: 'region_counter_days', sums: REGION_COUNTER_SUMS },
  cases: { table: 'region_case_days', sums: CASE_SUMS },
  ratings: { table: 'region_rating_days', sums: RATING_SUMS },
};

/** The SQL summing a report's daily rows of the halls $1 over [$2, $3), by hall. */
export const reportSql = (kind: ClosedDayKind): string => {
  const { table, sums } = SOURCES[kind];
  return `SELECT hall_id, ${sums.map((c) => `sum("${c}")::float8 AS "${c}"`).join(', ')}
          FROM ${table} WHERE hall_id = ANY($1) AND day >= $2::date AND day < $3::date GROUP BY hall_id`;
};

/** Each hall's sums of a closed-day report over [from, until), from its daily rows. */
async function closedDaySums(db: Queryable, kind: ClosedDayKind, ids: readonly string[], from: string, until: string) {
  const { rows } = await db.query<{ hall_id: string } & Record<string, number>>(reportSql(kind), [ids, from, until]);
  return new Map(rows.map(({ hall_id, ...s }) => [hall_id, s as Record<string, number>]));
}

/**
 * A report over the halls of `params.node`'s subtree, for a supervisor, as of `now` (预约 only: the
 * others are the halls' closed days): refused (null) when the node is not theirs or under theirs —
 * the same answer whether it exists elsewhere or not at all.
 */
export async function regionReport(db: Queryable, who: Supervisor, params: RegionReportParams, now: number): Promise<RegionReport | null> {
  const node = (await subtreeNodes(db, who.nodeId)).find((n) => n.id === params.node);
  if (!node) return null;
  const halls = await subtreeHalls(db, node.id);
  const ids = halls.map((h) => h.hall_id);
  const [from, until] = [`${params.from}-01`, `${nextMonth(params.to)}-01`];
  const live = params.kind === 'bookings';
  const sums = params.kind === 'bookings' ? BOOKING_SUMS : SOURCES[params.kind].sums;
  const byHall: Map<string, Record<string, number>> = params.kind === 'bookings'
    ? await bookingSumsByHall(db, ids, from, until, now)
    : await closedDaySums(db, params.kind, ids, from, until);
  const closed = await db.query<{ through: string | null }>(
    `SELECT min(last)::text AS through FROM (SELECT max(day) AS last FROM region_report_days WHERE hall_id = ANY($1) GROUP BY hall_id) d`,
    [ids],
  );
  const hallRows = halls.map((h) => ({
    hallId: h.hall_id,
    name: h.name,
    path: h.path,
    sums: { ...zeroSums(sums), ...byHall.get(h.hall_id) },
  }));
  return {
    kind: params.kind,
    from: params.from,
    to: params.to,
    node: { id: node.id, name: node.name },
    halls: hallRows,
    total: addSums([zeroSums(sums), ...hallRows.map((h) => h.sums)]),
    closedThrough: closed.rows[0]?.through ?? null,
    asOf: live ? now : null,
  };
}
