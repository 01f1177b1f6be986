import { caseSignalDefinition, RUNNING } from '../../../../shared/cases/rules';
import type { CaseSignal } from '../../../../shared/cases/enums';
import { type hallQuerySpecs } from '../../../../shared/hall/queries';
import { columns } from '../../../../shared/kernel/definition';
import { sqlIn } from '../../../../shared/kernel/sql';
import type { Row } from '../../../../shared/protocol';
import { dayEntries } from '../../../../shared/queue/entries';
import { dayFigures, meanOf } from '../../../../shared/queue/kpi';
import { hallDayStart } from '../../../../shared/queue/rules';
import type { FeatureQueries } from '../../queries/registry';
import { MAY_SIGNAL } from '../cases/queries';
import { prepared, type ReadonlyDb } from '../../readonlyDb';
import { pct, round1 } from '../../queries/figures';

// The day's tickets and their events, from which every queue figure is derived (queue/entries, queue/kpi).
const TICKETS = 'SELECT id, number, priority, service_id, status, park_until FROM tickets WHERE day = ?';
const EVENTS = 'SELECT * FROM ticket_events WHERE ticket_id IN (SELECT id FROM tickets WHERE day = ?)';
const SERVICES = 'SELECT id, prefix, max_wait_min FROM services';
// Counted, not listed, among the cases that may be yellow or red today (see MAY_SIGNAL).
const SIGNALS = `SELECT ${caseSignalDefinition.sql(columns(), '@today')} AS signal, count(*) AS n
                 FROM cases WHERE id IN (${MAY_SIGNAL}) GROUP BY 1`;

/** The hall's queue figures of the day, as the board computes them from its replica. */
function ticketFigures(db: ReadonlyDb, today: string, now: number) {
  const tickets = prepared(db, TICKETS).all(today) as Pick<
    Row<'tickets'>,
    'id' | 'number' | 'priority' | 'service_id' | 'status' | 'park_until'
  >[];
  const events = prepared(db, EVENTS).all(today) as Row<'ticket_events'>[];
  const services = prepared(db, SERVICES).all() as Pick<Row<'services'>, 'id' | 'prefix' | 'max_wait_min'>[];
  const entries = dayEntries(tickets, events, services, now);
  const h = dayFigures({ now, tickets, entries, services }).hall;
  const minutes = (sum: number, n: number) => round1(meanOf(sum / 60_000, n));
  return {
    issued: h.issued,
    waiting: h.waiting,
    finished: h.finished,
    noShow: h.noShows,
    noShowPct: pct(h.noShows, h.issued),
    called: h.called,
    avgWaitMin: minutes(h.waitMs, h.called),
    serviceLevelPct: pct(h.withinTarget, h.called),
    uncalled: h.uncalled,
    avgWalkMin: minutes(h.walkMs, h.started),
    avgServiceMin: minutes(h.serviceMs, h.finished),
    avgTotalMin: minutes(h.totalMs, h.finished),
  };
}

export const hallQueries = {
  'hall.today': (db, { today, now, utcOffsetMinutes }) => {
    const start = hallDayStart(today, utcOffsetMinutes);
    const signals = new Map((prepared(db, SIGNALS).all({ today }) as { signal: CaseSignal; n: number }[]).map((r) => [r.signal, r.n]));
    const count = (sql: string, ...args: unknown[]) => (prepared(db, sql).get(...args) as { n: number }).n;
    return {
      day: today,
      tickets: ticketFigures(db, today, now),
      cases: {
        received: count('SELECT count(*) AS n FROM cases WHERE received_at >= ?', start),
        accepted: count('SELECT count(*) AS n FROM cases WHERE accepted_at >= ?', start),
        concluded: count('SELECT count(*) AS n FROM cases WHERE concluded_at >= ?', start),
        running: count(`SELECT count(*) AS n FROM cases WHERE status ${sqlIn(RUNNING)}`),
        yellow: signals.get('yellow') ?? 0,
        red: signals.get('red') ?? 0,
      },
    };
  },
} satisfies FeatureQueries<typeof hallQuerySpecs>;
