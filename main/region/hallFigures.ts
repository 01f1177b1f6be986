import type pg from 'pg';
import { type z } from 'zod';
import { caseSignalDefinition } from '../../shared/cases/rules';
import type { ColumnRef } from '../../shared/kernel/definition';
import { tableSpecs } from '../../shared/protocol/registry';
import { dayEntries, type EntryEvent } from '../../shared/queue/entries';
import { hallDayStart } from '../../shared/queue/rules';
import {
  CASE_SUMS,
  caseDayRows,
  COUNTER_SUMS,
  counterDayRows,
  QUEUE_SUMS,
  queueDayRows,
  zeroSums,
  type CaseFacts,
  type QueueDayInput,
  type Sums,
} from '../../shared/reports/days';
import { addSums, PAUSE_SUMS } from '../../shared/reports/figures';
import { addTally, emptyRatingTally, ratingTally, type RatingTally } from '../../shared/ratings/rules';

/**
 * A hall's figures from its rows in the regional store, each by the hall's own definition: the
 * signal of a case (cases/rules, its SQL evaluated in PostgreSQL on the rows' JSON fields), a day's
 * queue and case sums (reports/days, the functions the hall's close runs), the 好差评 tally
 * (ratings/rules). Nothing here defines a figure; it only reads the rows the definitions need.
 */

/** Anything that answers a query: the pool, or a client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;
type Tables = typeof tableSpecs;

/** A field of a replicated row in SQL: its text, compared byte by byte (days 'YYYY-MM-DD' as the hall's SQLite compares them). */
export const rowField: ColumnRef<string> = (f) => `((row->>'${f}') COLLATE "C")`;
/** A field of a replicated row that holds a number (times in ms). */
const numberField = (f: string) => `(row->>'${f}')::bigint`;

/**
 * A hall's rows of a table (`where` adds conditions on `row`, its arguments from $3), checked with
 * the table's row schema, or only the fields `pick` names: the region's projection leaves some
 * columns out (an applicant's name), and a figure needs only its own.
 */
export async function hallRows<T extends keyof Tables, K extends keyof z.infer<Tables[T]['row']> & string>(
  db: Queryable,
  hallId: string,
  tbl: T,
  where = '',
  args: readonly unknown[] = [],
  pick?: readonly K[],
): Promise<Pick<z.infer<Tables[T]['row']>, K>[]> {
  const { rows } = await db.query<{ row: unknown }>(`SELECT row FROM hall_rows WHERE hall_id = $1 AND tbl = $2 ${where}`, [
    hallId,
    tbl,
    ...args,
  ]);
  const shape = tableSpecs[tbl].row as z.ZodObject;
  // What the halls sent is checked like everything that crosses a boundary.
  const schema = pick ? shape.pick(Object.fromEntries(pick.map((k) => [k, true])) as Record<string, true> as never) : shape;
  return rows.map((r) => schema.parse(r.row)) as never;
}

/** Today's cases yellow and red at a hall, by department: the hall's signal definition, evaluated in PostgreSQL. */
export async function signalsByDepartment(
  db: Queryable,
  hallId: string,
  today: string,
): Promise<{ departmentId: string; yellow: number; red: number }[]> {
  const { rows } = await db.query<{ department_id: string; signal: 'yellow' | 'red'; n: number }>(
    `SELECT department_id, signal, count(*)::int AS n FROM (
       SELECT row->>'department_id' AS department_id, ${caseSignalDefinition.sql(rowField, '($2::text COLLATE "C")')} AS signal
       FROM hall_rows WHERE hall_id = $1 AND tbl = 'cases') c
     WHERE signal IN ('yellow', 'red') GROUP BY 1, 2 ORDER BY 1`,
    [hallId, today],
  );
  const out = new Map<string, { departmentId: string; yellow: number; red: number }>();
  for (const r of rows) {
    const d =
      out.get(r.department_id) ?? out.set(r.department_id, { departmentId: r.department_id, yellow: 0, red: 0 }).get(r.department_id)!;
    d[r.signal] += r.n;
  }
  return [...out.values()];
}

const CASE_FACTS = [
  'item_id',
  'counter_id',
  'first_clerk_id',
  'handler_id',
  'received_at',
  'accepted_at',
  'decided_at',
  'concluded_at',
  'on_time',
  'supplement_count',
  'limit_unit',
  'used_days',
  'promised_limit',
  'statutory_limit',
  'card',
] as const satisfies readonly (keyof CaseFacts)[];

const DAY_MS = 86_400_000;
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
/** The calendar days from `from` to `to`, both included. */
export const daysFrom = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = dayAfter(d)) out.push(d);
  return out;
};

/**
 * The hall-grain case sums of each day `from`..`to`, as the hall's reports count them: caseDayRows
 * of the cases with a moment in the day, its rows by item added (every case has one item).
 */
export async function caseSumsByDay(
  db: Queryable,
  hallId: string,
  from: string,
  to: string,
  utcOffsetMinutes: number,
): Promise<Map<string, Sums<(typeof CASE_SUMS)[number]>>> {
  const start = hallDayStart(from, utcOffsetMinutes);
  const end = hallDayStart(to, utcOffsetMinutes) + DAY_MS;
  const within = (f: string) => `(${numberField(f)} >= $3 AND ${numberField(f)} < $4)`;
  const cases = (await hallRows(
    db,
    hallId,
    'cases',
    `AND (${within('received_at')} OR ${within('accepted_at')} OR ${within('decided_at')} OR ${within('concluded_at')})`,
    [start, end],
    CASE_FACTS,
  )) as CaseFacts[];
  const out = new Map<string, Sums<(typeof CASE_SUMS)[number]>>();
  for (const day of daysFrom(from, to)) {
    const items = caseDayRows(day, hallDayStart(day, utcOffsetMinutes), cases).filter((r) => r.dim === 'item');
    out.set(day, addSums([zeroSums(CASE_SUMS), ...items.map((r) => pickSums(r, CASE_SUMS))]));
  }
  return out;
}

const pickSums = <K extends string>(row: object, keys: readonly K[]): Sums<K> =>
  Object.fromEntries(keys.map((k) => [k, Number((row as Record<string, unknown>)[k] ?? 0)])) as Sums<K>;

/**
 * The 好差评 tally of the rating requests made in [start, end) as of `now`: each request with its
 * rating's level, none when there is no rating or it was excluded on an upheld appeal.
 */
export async function ratingTallyOf(db: Queryable, hallId: string, start: number, end: number, now: number): Promise<RatingTally> {
  return (await ratingTallies(db, hallId, start, end, now, () => '')).get('') ?? emptyRatingTally();
}

/** The tallies of the requests made in [start, end), grouped by `groupOf` (their creation time → a group). */
export async function ratingTallies(
  db: Queryable,
  hallId: string,
  start: number,
  end: number,
  now: number,
  groupOf: (createdAt: number) => string,
): Promise<Map<string, RatingTally>> {
  const created = `${numberField('created_at')} >= $3 AND ${numberField('created_at')} < $4`;
  const requests = await hallRows(db, hallId, 'rating_requests', `AND ${created}`, [start, end]);
  const given = await hallRows(
    db,
    hallId,
    'ratings',
    `AND row->>'id' IN (SELECT row->>'id' FROM hall_rows WHERE hall_id = $1 AND tbl = 'rating_requests' AND ${created})`,
    [start, end],
    ['id', 'level', 'excluded'],
  );
  const level = new Map(given.filter((g) => g.excluded === 0).map((g) => [g.id, g.level]));
  const out = new Map<string, RatingTally>();
  for (const r of requests) {
    const key = groupOf(r.created_at);
    out.set(key, addTally(out.get(key) ?? emptyRatingTally(), ratingTally(r, level.get(r.id) ?? null, now)));
  }
  return out;
}

/** What a closed day's queue and counter rows are made from (reports/days QueueDayInput): the day's tickets, their events, the services. */
async function queueDayInput(
  db: Queryable,
  hallId: string,
  day: string,
  closedAt: number,
  utcOffsetMinutes: number,
): Promise<QueueDayInput> {
  const tickets = await hallRows(db, hallId, 'tickets', "AND row->>'day' = $3", [day]);
  const events = tickets.length
    ? ((await hallRows(db, hallId, 'ticket_events', "AND row->>'ticket_id' = ANY($3)", [tickets.map((t) => t.id)])) as EntryEvent[])
    : [];
  const services = await hallRows(db, hallId, 'services');
  return { day, dayStart: hallDayStart(day, utcOffsetMinutes), closedAt, tickets, events, services };
}

/** A closed day's queue sums at the hall's grain: queueDayRows as the hall's close runs it, its rows by service added. */
export async function queueDaySums(
  db: Queryable,
  hallId: string,
  day: string,
  closedAt: number,
  utcOffsetMinutes: number,
): Promise<Sums<(typeof QUEUE_SUMS)[number]>> {
  const rows = queueDayRows(await queueDayInput(db, hallId, day, closedAt, utcOffsetMinutes));
  return addSums([zeroSums(QUEUE_SUMS), ...rows.filter((r) => r.dim === 'service').map((r) => pickSums(r, QUEUE_SUMS))]);
}

/** The sums of the counters' report (reports/figures): time, pauses by reason, and the tickets finished. */
export const REGION_COUNTER_SUMS = [...COUNTER_SUMS, ...PAUSE_SUMS, 'finished'] as const;
export type RegionCounterSum = (typeof REGION_COUNTER_SUMS)[number];

/**
 * A closed day's counter sums at the hall's grain: counterDayRows as the hall's close runs it (each
 * counter with the services it works now, how the day found it, its log), its rows by counter added
 * with their pauses by reason; the tickets finished are the queue's by counter, as the hall's report adds them.
 */
export async function counterDaySums(
  db: Queryable,
  hallId: string,
  day: string,
  closedAt: number,
  utcOffsetMinutes: number,
): Promise<Sums<RegionCounterSum>> {
  const input = await queueDayInput(db, hallId, day, closedAt, utcOffsetMinutes);
  const profile = await hallRows(db, hallId, 'counter_services', '', [], ['counter_id', 'service_id', 'position']);
  const counters = (await hallRows(db, hallId, 'counters', '', [], ['id'])).map((c) => ({
    id: c.id,
    serviceIds: profile
      .filter((p) => p.counter_id === c.id)
      .sort((a, b) => a.position - b.position)
      .map((p) => p.service_id),
  }));
  const at = numberField('at');
  const fields = ['id', 'counter_id', 'staff_id', 'event', 'reason', 'at'] as const;
  const log = await hallRows(
    db,
    hallId,
    'counter_log',
    `AND ${at} >= $3 AND ${at} < $4`,
    [input.dayStart, input.dayStart + DAY_MS],
    fields,
  );
  // Each counter's last record before the day, the latest by time then id, as the hall reads it back.
  const before = await hallRows(
    db,
    hallId,
    'counter_log',
    `AND id IN (SELECT DISTINCT ON (row->>'counter_id') id FROM hall_rows WHERE hall_id = $1 AND tbl = 'counter_log' AND ${at} < $3
                ORDER BY row->>'counter_id', ${at} DESC, id COLLATE "C" DESC)`,
    [input.dayStart],
    fields,
  );
  // The day's log in the hall's order: by time, then by id (SQLite's binary order of text).
  const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const time = counterDayRows({ ...input, counters, before, log: [...log].sort((a, b) => a.at - b.at || byId(a.id, b.id)) });
  const sums: Sums<RegionCounterSum> = {
    ...zeroSums(REGION_COUNTER_SUMS),
    ...addSums([zeroSums(COUNTER_SUMS), ...time.counters.filter((r) => r.dim === 'counter').map((r) => pickSums(r, COUNTER_SUMS))]),
  };
  for (const p of time.pauses) if (p.dim === 'counter') sums[`paused_${p.reason}_ms` as RegionCounterSum] += p.ms;
  sums.finished = queueDayRows(input)
    .filter((r) => r.dim === 'counter')
    .reduce((n, r) => n + r.finished, 0);
  return sums;
}

/** Today's entries of a hall's queue (for the board's live figures), from its rows. */
export async function todaysQueue(db: Queryable, hallId: string, day: string, now: number) {
  const services = await hallRows(db, hallId, 'services');
  const tickets = await hallRows(db, hallId, 'tickets', "AND row->>'day' = $3", [day]);
  const events = tickets.length
    ? await hallRows(db, hallId, 'ticket_events', "AND row->>'ticket_id' = ANY($3)", [tickets.map((t) => t.id)])
    : [];
  return { services, tickets, entries: dayEntries(tickets, events, services, now) };
}
