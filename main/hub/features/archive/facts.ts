import type { ArchiveMonth } from '../../../../shared/archive/queries';
import {
  DEFAULT_RULES,
  DEFAULT_RULES_VERSION,
  monthDays,
  monthScore,
  NO_FACTS,
  pausesByReason,
  ScoreRules,
  type LogRecord,
} from '../../../../shared/archive/rules';
import { STAFF_ALERT_KINDS, type ScoreFact, type StaffAlertKind } from '../../../../shared/archive/enums';
import type { Row } from '../../../../shared/protocol';
import { dayEntries, type QueueEntry } from '../../../../shared/queue/entries';
import { dayFigures, idleWhileWaitingMs, signedInMs, type Stretch } from '../../../../shared/queue/kpi';
import { hallDayStart } from '../../../../shared/queue/rules';
import { BAD_REASONS, type BadReason } from '../../../../shared/ratings/enums';
import { badLevel } from '../../../../shared/ratings/rules';
import { columns } from '../../../../shared/kernel/definition';
import { prepared, type ReadonlyDb } from '../../readonlyDb';
import { ratingTallySql } from '../ratings/queries';

/**
 * The efficiency archive's facts, read from the recorded rows with the definitions the reports use
 * (queue/entries and queue/kpi for the queue, ratings' tally SQL, the cases' own on-time and card
 * columns): the board's archive, the clerk's own archive and the stored monthly scores all come
 * from here, on the query worker's connection or, for a score, the hub's.
 */

export interface MonthWindow {
  month: string;
  /** The month's first day and the next month's, 'YYYY-MM-DD'. */
  first: string;
  next: string;
  /** The same as moments on the hall's clock. */
  start: number;
  end: number;
}

export function monthWindow(month: string, utcOffsetMinutes: number): MonthWindow {
  const { first, next } = monthDays(month);
  return { month, first, next, start: hallDayStart(first, utcOffsetMinutes), end: hallDayStart(next, utcOffsetMinutes) };
}

/** The score sheet in force: the administrator's newest version, or the built-in version 1. */
export function currentRules(db: ReadonlyDb, hallId: string): { version: number; rules: ScoreRules } {
  const row = prepared(db, 'SELECT version, rules FROM score_rules WHERE hall_id = ? ORDER BY version DESC LIMIT 1').get(hallId) as
    { version: number; rules: string } | undefined;
  return row
    ? { version: row.version, rules: ScoreRules.parse(JSON.parse(row.rules)) }
    : { version: DEFAULT_RULES_VERSION, rules: DEFAULT_RULES };
}

const CARDS = `
  SELECT handler_id AS id, count(*) AS decided, coalesce(sum(on_time), 0) AS onTime,
    coalesce(sum(card = 'yellow'), 0) AS yellow, coalesce(sum(card = 'red'), 0) AS red
  FROM cases WHERE decided_at >= @start AND decided_at < @end AND handler_id IS NOT NULL GROUP BY handler_id`;
const RECEIVED = 'SELECT first_clerk_id AS id, count(*) AS n FROM cases WHERE received_at >= @start AND received_at < @end GROUP BY 1';

// Complaints naming the staff member (about them, or about a case they handled or received), received in the month.
const COMPLAINTS = `SELECT id, channel, subject, received_day AS receivedDay, substantiated FROM complaints
  WHERE staff_id = @staffId AND received_day >= @first AND received_day < @next ORDER BY received_day, recorded_at`;
const SUBSTANTIATED = `SELECT staff_id AS id, count(*) AS n FROM complaints
  WHERE substantiated = 1 AND staff_id IS NOT NULL AND received_day >= @first AND received_day < @next GROUP BY 1`;

type Cards = { id: string; decided: number; onTime: number; yellow: number; red: number };
type RatingRow = { id: string | null; services: number; active: number; satisfied: number; bad: number; unrated: number };

/** Each staff member's facts a score rule may deduct for, over the month as of `now`. */
export function scoreFacts(db: ReadonlyDb, w: MonthWindow, now: number): Map<string, Record<ScoreFact, number>> {
  const out = new Map<string, Record<ScoreFact, number>>();
  const of = (id: string) => out.get(id) ?? out.set(id, { ...NO_FACTS }).get(id)!;
  for (const r of prepared(db, ratingTallySql('r.staff_id')).all({ now, start: w.start, end: w.end }) as RatingRow[])
    if (r.id !== null) of(r.id).bad_ratings = r.bad;
  for (const c of prepared(db, CARDS).all(w) as Cards[]) Object.assign(of(c.id), { yellow_cards: c.yellow, red_cards: c.red });
  for (const c of prepared(db, SUBSTANTIATED).all(w) as { id: string; n: number }[]) of(c.id).complaints = c.n;
  return out;
}

/** The month's entries about a staff member, oldest first. */
export const entriesOf = (db: ReadonlyDb, staffId: string, w: MonthWindow): Row<'archive_entries'>[] =>
  prepared(db, 'SELECT * FROM archive_entries WHERE staff_id = ? AND day >= ? AND day < ? ORDER BY day, at').all(
    staffId,
    w.first,
    w.next,
  ) as Row<'archive_entries'>[];

/** The month's score of a staff member under `sheet`, from their entries and facts. */
export const scoreOf = (
  sheet: { version: number; rules: ScoreRules },
  entries: readonly Row<'archive_entries'>[],
  facts: Record<ScoreFact, number> | undefined,
) => ({
  version: sheet.version,
  ...monthScore(sheet.rules, entries, facts ?? NO_FACTS),
});

// The tickets this person called in the month, with all their events: their entries come from a ticket's whole history.
const TICKETS = `SELECT id, number, priority, service_id, status, park_until FROM tickets
  WHERE id IN (SELECT ticket_id FROM ticket_events WHERE staff_id = @staffId AND at >= @start AND at < @end)`;
const EVENTS = `SELECT * FROM ticket_events WHERE ticket_id IN (${TICKETS.replace('id, number, priority, service_id, status, park_until', 'id')})`;
// The counter log of the counters this person used in the month: a pause runs to its counter's next resume, whoever that was.
const LOG = `SELECT counter_id, staff_id, event, reason, at FROM counter_log WHERE at >= @start AND at < @end
  AND counter_id IN (SELECT counter_id FROM counter_log WHERE staff_id = @staffId AND at >= @start AND at < @end)`;
const BAD = `SELECT g.id, g.at, g.level, g.reasons, g.comment, g.excluded = 1 AS excluded
  FROM ratings g JOIN rating_requests r ON r.id = g.id
  WHERE r.staff_id = @staffId AND r.created_at >= @start AND r.created_at < @end AND ${badLevel.sql(columns('g'))} ORDER BY g.at DESC`;

// Every ticket of the month, for who was waiting when: a counter idles while the queue waits only for tickets it could call.
const MONTH_TICKETS = 'SELECT id, number, priority, service_id FROM tickets WHERE day >= @first AND day < @next';
const MONTH_EVENTS = 'SELECT * FROM ticket_events WHERE ticket_id IN (SELECT id FROM tickets WHERE day >= @first AND day < @next)';

/** A staff member's open stretches at one counter, from its log: sign-in or resume to pause or sign-out (or `until`). */
function openStretches(log: readonly LogRecord[], staffId: string, start: number, until: number): Stretch[] {
  const out: Stretch[] = [];
  // As signedInMs: a counter whose first record is not a sign-in was open when the period began.
  let since: { at: number; staff: string | null } | null =
    log[0] && log[0].event !== 'sign_in' && log[0].event !== 'resume' ? { at: start, staff: log[0].staff_id } : null;
  for (const l of log) {
    if ((l.event === 'sign_in' || l.event === 'resume') && since === null) since = { at: l.at, staff: l.staff_id };
    if ((l.event === 'pause' || l.event === 'sign_out') && since !== null) {
      if (since.staff === staffId) out.push([since.at, l.at]);
      since = null;
    }
  }
  if (since !== null && since.staff === staffId) out.push([since.at, until]);
  return out;
}

/** Idle while the queue waited (queue/kpi idleWhileWaitingMs), summed over the counters this person opened in the month. */
function idleWhileQueueWaited(
  db: ReadonlyDb,
  staffId: string,
  w: MonthWindow,
  until: number,
  log: readonly LogRecord[],
  mine: readonly QueueEntry[],
): number {
  if (log.length === 0) return 0;
  const services = prepared(db, 'SELECT id, prefix, max_wait_min FROM services').all() as Pick<
    Row<'services'>,
    'id' | 'prefix' | 'max_wait_min'
  >[];
  const all = dayEntries(
    prepared(db, MONTH_TICKETS).all(w) as Pick<Row<'tickets'>, 'id' | 'number' | 'priority' | 'service_id'>[],
    prepared(db, MONTH_EVENTS).all(w) as Row<'ticket_events'>[],
    services,
    until,
  );
  const served = prepared(db, 'SELECT counter_id, service_id FROM counter_services').all() as { counter_id: string; service_id: string }[];
  let total = 0;
  for (const counterId of new Set(log.map((l) => l.counter_id))) {
    const takes = new Set(served.filter((c) => c.counter_id === counterId).map((c) => c.service_id));
    const open = openStretches(
      log.filter((l) => l.counter_id === counterId).sort((a, b) => a.at - b.at),
      staffId,
      w.start,
      until,
    );
    const held = mine
      .filter((e) => e.counterId === counterId && e.firstCalledAt !== null)
      .map((e): Stretch => [e.firstCalledAt!, e.endedAt ?? until]);
    const waiting = all
      .filter((e) => takes.has(e.serviceId) && (e.sentTo === null || e.sentTo === counterId))
      .map((e): Stretch => [e.enteredAt, e.firstCalledAt ?? e.endedAt ?? until]);
    total += idleWhileWaitingMs(open, held, waiting);
  }
  return total;
}

/** The alert episodes about a staff member that began in the month, by kind (none of a kind: 0). */
function alertCounts(db: ReadonlyDb, staffId: string, w: MonthWindow): Record<StaffAlertKind, number> {
  const rows = prepared(
    db,
    'SELECT kind, count(*) AS n FROM staff_alerts WHERE staff_id = ? AND from_at >= ? AND from_at < ? GROUP BY kind',
  ).all(staffId, w.start, w.end) as { kind: StaffAlertKind; n: number }[];
  return Object.fromEntries(STAFF_ALERT_KINDS.map((k) => [k, rows.find((r) => r.kind === k)?.n ?? 0])) as Record<StaffAlertKind, number>;
}

const reasonsOf = (stored: string): BadReason[] => BAD_REASONS.filter((c) => stored.split(',').includes(c));

/** A staff member's month in the archive, as of `now`. */
export function archiveMonth(db: ReadonlyDb, hallId: string, now: number, staffId: string, w: MonthWindow): ArchiveMonth {
  const until = Math.min(now, w.end);
  const args = { staffId, start: w.start, end: w.end };
  const tickets = prepared(db, TICKETS).all(args) as Pick<
    Row<'tickets'>,
    'id' | 'number' | 'priority' | 'service_id' | 'status' | 'park_until'
  >[];
  const services = prepared(db, 'SELECT id, prefix, max_wait_min FROM services').all() as Pick<
    Row<'services'>,
    'id' | 'prefix' | 'max_wait_min'
  >[];
  const entries = dayEntries(tickets, prepared(db, EVENTS).all(args) as Row<'ticket_events'>[], services, until);
  const tally = dayFigures({ now: until, tickets: [], entries, services }).staff.get(staffId);
  const log = prepared(db, LOG).all(args) as LogRecord[];
  // Past months: every counter is taken as closed before its first record (the day's close signs everyone out).
  const counters = [...new Set(log.map((l) => l.counter_id))].map((id) => ({ id, state: 'closed', staff_id: null }));
  const signedIn = signedInMs(log, counters, w.start, until).staff.get(staffId) ?? 0;
  const servingMs = tally?.servingMs ?? 0;
  const rating = (prepared(db, ratingTallySql('r.staff_id')).all({ now, start: w.start, end: w.end }) as RatingRow[]).find(
    (r) => r.id === staffId,
  );
  const cards = (prepared(db, CARDS).all(w) as Cards[]).find((c) => c.id === staffId);
  const received = (prepared(db, RECEIVED).all(w) as { id: string; n: number }[]).find((c) => c.id === staffId)?.n ?? 0;
  const complaints = (
    prepared(db, COMPLAINTS).all({ staffId, first: w.first, next: w.next }) as (ArchiveMonth['facts']['complaints']['list'][number] & {
      substantiated: number | null;
    })[]
  ).map(({ substantiated, ...c }) => ({ ...c, substantiated: substantiated === null ? null : substantiated === 1 }));
  const monthEntries = entriesOf(db, staffId, w);
  const sheet = currentRules(db, hallId);
  return {
    staffId,
    month: w.month,
    facts: {
      queue: {
        called: tally?.called ?? 0,
        waitMs: tally?.waitMs ?? 0,
        withinTarget: tally?.withinTarget ?? 0,
        started: tally?.started ?? 0,
        finished: tally?.finished ?? 0,
        serviceMs: tally?.serviceMs ?? 0,
        noShows: tally?.noShows ?? 0,
        servingMs,
        signedInMs: signedIn,
        // Idle = signed-in time − serving time (DOMAIN.md "Queue").
        idleMs: Math.max(0, signedIn - servingMs),
        idleWhileWaitingMs: idleWhileQueueWaited(db, staffId, w, until, log, entries),
      },
      pauses: [...(pausesByReason(log, until).get(staffId) ?? new Map()).entries()].map(([reason, t]) => ({ reason, ...t })),
      cases: { received, decided: cards?.decided ?? 0, onTime: cards?.onTime ?? 0, yellow: cards?.yellow ?? 0, red: cards?.red ?? 0 },
      ratings: {
        services: rating?.services ?? 0,
        active: rating?.active ?? 0,
        satisfied: rating?.satisfied ?? 0,
        bad: rating?.bad ?? 0,
        unrated: rating?.unrated ?? 0,
      },
      complaints: {
        received: complaints.length,
        substantiated: complaints.filter((c) => c.substantiated === true).length,
        list: complaints,
      },
      alerts: alertCounts(db, staffId, w),
      bad: (
        prepared(db, BAD).all(args) as { id: string; at: number; level: number; reasons: string; comment: string; excluded: number }[]
      ).map((b) => ({ ...b, reasons: reasonsOf(b.reasons), excluded: b.excluded === 1 })),
    },
    entries: monthEntries,
    score: { ...scoreOf(sheet, monthEntries, scoreFacts(db, w, now).get(staffId)), rules: sheet.rules },
    stored: prepared(
      db,
      'SELECT rules_version AS version, score, at FROM archive_scores WHERE staff_id = ? AND month = ? ORDER BY rules_version',
    ).all(staffId, w.month) as { version: number; score: number; at: number }[],
  };
}
