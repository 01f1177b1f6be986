import type { Row } from '../protocol';
import { dayEntries, type QueueEntry } from './entries';
import { dayFigures, hallAlerts, type Alert, type DayFigures } from './kpi';
import type { CounterProfile } from './rules';

/**
 * The queue's day and its alerts from the hall's rows: the board computes them from its replica, the
 * hub (which records each alert episode for the efficiency archive) from its database, through
 * these same functions, so that what the archive counts is what the board showed.
 */

export interface QueueDay {
  tickets: Row<'tickets'>[];
  entries: QueueEntry[];
  figures: DayFigures;
}

/** The day's tickets (of that day only), their queue entries from their events, and the figures over them. */
export function queueDayOf(
  tickets: Row<'tickets'>[],
  events: readonly Row<'ticket_events'>[],
  services: readonly Row<'services'>[],
  now: number,
): QueueDay {
  const entries = dayEntries(tickets, events, services, now);
  return { tickets, entries, figures: dayFigures({ now, tickets, entries, services }) };
}

/** Each counter with what it serves, in its work-profile order: as the queue rules see it. */
export function counterProfilesOf(
  counters: readonly Row<'counters'>[],
  links: readonly Row<'counter_services'>[],
): (Row<'counters'> & CounterProfile)[] {
  const ordered = [...links].sort((a, b) => a.position - b.position);
  return counters.map((c) => ({ ...c, serviceIds: ordered.filter((cs) => cs.counter_id === c.id).map((cs) => cs.service_id) }));
}

/** The hall's alerts now, with each service's thresholds. */
export function alertsNow(
  services: readonly Row<'services'>[],
  counters: readonly (Row<'counters'> & CounterProfile)[],
  q: QueueDay,
  now: number,
): Alert[] {
  const thresholds = services.map((s) => ({
    id: s.id,
    maxWaitMin: s.max_wait_min,
    maxServiceMin: s.max_service_min,
    maxCallMin: s.max_call_min,
    queueCap: s.queue_cap,
  }));
  return hallAlerts({ now, services: thresholds, counters, tickets: q.tickets, entries: q.entries, figures: q.figures });
}
