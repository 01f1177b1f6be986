import type { Db } from '../../../db/open';
import { addDays, daysBetween } from '../../../../shared/calendar/rules';
import { hallDayStart } from '../../../../shared/queue/rules';
import {
  CASE_SUMS,
  caseDayRows,
  COUNTER_SUMS,
  counterDayRows,
  QUEUE_SUMS,
  queueDayRows,
  type CaseFacts,
  type CounterLog,
  type QueueDayInput,
} from '../../../../shared/reports/days';
import { prepared, type ReadonlyDb } from '../../readonlyDb';

/**
 * Writes the reports' daily aggregates (shared/reports/days) from the recorded events. The day's
 * close calls `aggregateClose`, reports.rebuild calls `rebuildDays`: both run the same `writeDay`,
 * so a rebuild equals what was maintained. Queue and counter rows are written for closed hall days
 * (every ticket of theirs has ended); case rows for every calendar day up to the last closed one,
 * and a day's case rows are written again at the next close, to count what was done after hours.
 */

const TICKETS = 'SELECT id, number, priority, service_id FROM tickets WHERE day = ?';
const EVENTS =
  'SELECT id, ticket_id, type, counter_id, staff_id, at, detail FROM ticket_events WHERE ticket_id IN (SELECT id FROM tickets WHERE day = ?)';
const SERVICES = 'SELECT id, prefix, max_wait_min FROM services';
const COUNTERS = `SELECT c.id, (SELECT json_group_array(service_id) FROM (SELECT service_id FROM counter_services s WHERE s.counter_id = c.id ORDER BY position)) AS services
                  FROM counters c`;
const LOG = 'SELECT counter_id, staff_id, event, reason, at FROM counter_log WHERE at >= ? AND at < ? ORDER BY at, id';
// A counter's last record before the day: read back along the log's time index from the day's start.
const BEFORE =
  'SELECT counter_id, staff_id, event, reason, at FROM counter_log WHERE counter_id = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1';
// Each moment's range is served by its own index (the OR is answered as a union of index searches).
export const CASES_OF_DAY = `SELECT item_id, counter_id, first_clerk_id, handler_id, received_at, accepted_at, decided_at, concluded_at, on_time,
                 supplement_count, limit_unit, used_days, promised_limit, statutory_limit, card
               FROM cases WHERE received_at >= @start AND received_at < @end
                 OR accepted_at IS NOT NULL AND accepted_at >= @start AND accepted_at < @end
                 OR card IS NOT NULL AND decided_at >= @start AND decided_at < @end
                 OR concluded_at IS NOT NULL AND concluded_at >= @start AND concluded_at < @end`;
const CLOSED = 'SELECT day, closed_at FROM hall_days WHERE closed_at IS NOT NULL AND day >= ? AND day <= ? ORDER BY day';

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
const KEYED = ['dim', 'day', 'hour', 'key'];
const INSERT_QUEUE = insertSql('report_queue_days', [...KEYED, ...QUEUE_SUMS]);
const INSERT_COUNTER = insertSql('report_counter_days', [...KEYED, ...COUNTER_SUMS]);
const INSERT_PAUSE = insertSql('report_pause_days', [...KEYED, 'reason', 'ms']);
const INSERT_CASE = insertSql('report_case_days', ['dim', 'day', 'key', ...CASE_SUMS]);

const DAY_MS = 86_400_000;

/**
 * The queue and counter rows of a hall day as of `closedAt` (its close; for today, now): from its
 * tickets' events and the counter log, each counter with the services it works now.
 */
export function queueDayAggregates(db: ReadonlyDb, day: string, closedAt: number, utcOffsetMinutes: number) {
  const dayStart = hallDayStart(day, utcOffsetMinutes);
  const input: QueueDayInput = {
    day,
    dayStart,
    closedAt,
    tickets: prepared(db, TICKETS).all(day) as QueueDayInput['tickets'],
    events: prepared(db, EVENTS).all(day) as QueueDayInput['events'],
    services: prepared(db, SERVICES).all() as QueueDayInput['services'],
  };
  const counters = (prepared(db, COUNTERS).all() as { id: string; services: string }[]).map((c) => ({
    id: c.id,
    serviceIds: JSON.parse(c.services) as string[],
  }));
  const time = counterDayRows({
    ...input,
    counters,
    before: counters.flatMap((c) => (prepared(db, BEFORE).get(c.id, dayStart) as CounterLog | undefined) ?? []),
    log: prepared(db, LOG).all(dayStart, dayStart + DAY_MS) as CounterLog[],
  });
  return { queue: queueDayRows(input), ...time };
}

/** The queue and counter rows of a closed hall day, written afresh. */
function writeQueueDay(db: Db, day: string, closedAt: number, utcOffsetMinutes: number): void {
  const rows = queueDayAggregates(db, day, closedAt, utcOffsetMinutes);
  for (const table of ['report_queue_days', 'report_counter_days', 'report_pause_days'])
    prepared(db, `DELETE FROM ${table} WHERE day = ?`).run(day);
  for (const r of rows.queue) prepared(db, INSERT_QUEUE).run(r);
  for (const r of rows.counters) prepared(db, INSERT_COUNTER).run(r);
  for (const r of rows.pauses) prepared(db, INSERT_PAUSE).run(r);
}

/** The case rows of a calendar day, written afresh. */
function writeCaseDay(db: Db, day: string, utcOffsetMinutes: number): void {
  const start = hallDayStart(day, utcOffsetMinutes);
  const cases = prepared(db, CASES_OF_DAY).all({ start, end: start + DAY_MS }) as CaseFacts[];
  prepared(db, 'DELETE FROM report_case_days WHERE day = ?').run(day);
  for (const r of caseDayRows(day, start, cases)) prepared(db, INSERT_CASE).run(r);
}

const daysFrom = (from: string, to: string): string[] => Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));

/**
 * As hall days close (the day's close, inside its transaction): the queue and counter rows of each
 * closed day, and the case rows of every day since the last close before them (its day included:
 * what was done there after its close counts too).
 */
export function aggregateClose(db: Db, closed: readonly string[], closedAt: number, utcOffsetMinutes: number): void {
  const first = [...closed].sort()[0]!;
  const last = [...closed].sort().at(-1)!;
  for (const day of closed) writeQueueDay(db, day, closedAt, utcOffsetMinutes);
  const previous = (
    prepared(db as ReadonlyDb, 'SELECT max(day) AS day FROM hall_days WHERE closed_at IS NOT NULL AND day < ?').get(first) as {
      day: string | null;
    }
  ).day;
  // The first close the hall's aggregates see starts them: its history before is reports.rebuild's (a
  // hall with years of cases would otherwise wait for all of them inside its close).
  for (const day of daysFrom(previous ?? first, last)) writeCaseDay(db, day, utcOffsetMinutes);
}

/** The hall day of the first case received, if any. */
function firstCaseDay(db: ReadonlyDb, utcOffsetMinutes: number): string | null {
  const at = (prepared(db, 'SELECT min(received_at) AS at FROM cases').get() as { at: number | null }).at;
  return at === null ? null : new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** One day of a rebuild: its case rows, and its queue and counter rows when it is a closed hall day. */
export interface RebuildDay {
  day: string;
  /** The hall day's close, or null for a calendar day that was never a closed hall day. */
  closedAt: number | null;
}

/**
 * The days a rebuild of the closed days from `from` to `to` (all when left out) writes: every
 * calendar day from the first case received (or `from`) to the last closed day, each with its
 * close if it has one. Written one by one with `rebuildDay`, they are the rows the closes wrote.
 */
export function rebuildPlan(db: ReadonlyDb, utcOffsetMinutes: number, from?: string, to?: string): RebuildDay[] {
  const closed = prepared(db, CLOSED).all(from ?? '0000-01-01', to ?? '9999-12-31') as { day: string; closed_at: number }[];
  if (closed.length === 0) return [];
  const closes = new Map(closed.map((d) => [d.day, d.closed_at]));
  const first = closed[0]!.day;
  const start = from ?? [firstCaseDay(db, utcOffsetMinutes) ?? first, first].sort()[0]!;
  return daysFrom(start, closed.at(-1)!.day).map((day) => ({ day, closedAt: closes.get(day) ?? null }));
}

/** Writes one day of a rebuild afresh (the caller holds the transaction: one per day). */
export function rebuildDay(db: Db, d: RebuildDay, utcOffsetMinutes: number): void {
  if (d.closedAt !== null) writeQueueDay(db, d.day, d.closedAt, utcOffsetMinutes);
  writeCaseDay(db, d.day, utcOffsetMinutes);
}
