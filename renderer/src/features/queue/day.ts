import { rowsOf, type ReplicaState, type Row } from '../../../../shared/protocol';
import { dayEntries, type QueueEntry } from '../../../../shared/queue/entries';
import {
  dayFigures,
  hallAlerts,
  meanOf,
  shareOf,
  signedInMs,
  throughputPerHour,
  type Alert,
  type DayFigures,
} from '../../../../shared/queue/kpi';
import type { CounterProfile } from '../../../../shared/queue/rules';

/**
 * The queue's day as every staff face computes it from its replica: the day's tickets, their queue
 * entries (from the replicated ticket events) and the figures over them, the same functions the hub's
 * reports use. Plain functions of the replica, so that a test can hold a face's figures against the rows.
 */
export interface QueueDay {
  tickets: Row<'tickets'>[];
  entries: QueueEntry[];
  figures: DayFigures;
}

export function queueDay(replica: ReplicaState, day: string, now: number): QueueDay {
  const tickets = rowsOf(replica, 'tickets').filter((tk) => tk.day === day);
  const services = rowsOf(replica, 'services');
  const entries = dayEntries(tickets, rowsOf(replica, 'ticket_events'), services, now);
  return { tickets, entries, figures: dayFigures({ now, tickets, entries, services }) };
}

/** Each counter with what it serves, in its work-profile order: as the queue rules see it. */
export function counterProfiles(replica: ReplicaState): (Row<'counters'> & CounterProfile)[] {
  const links = rowsOf(replica, 'counter_services').sort((a, b) => a.position - b.position);
  return rowsOf(replica, 'counters').map((c) => ({
    ...c,
    serviceIds: links.filter((cs) => cs.counter_id === c.id).map((cs) => cs.service_id),
  }));
}

/** The board's alerts now. */
export function boardAlerts(replica: ReplicaState, q: QueueDay, now: number): Alert[] {
  const services = rowsOf(replica, 'services').map((s) => ({
    id: s.id,
    maxWaitMin: s.max_wait_min,
    maxServiceMin: s.max_service_min,
    maxCallMin: s.max_call_min,
    queueCap: s.queue_cap,
  }));
  return hallAlerts({ now, services, counters: counterProfiles(replica), tickets: q.tickets, entries: q.entries, figures: q.figures });
}

/** A service's row on the board. */
export interface ServiceRow {
  service: Row<'services'>;
  waiting: number;
  longestWaitMs: number | null;
  called: number;
  avgWaitMs: number | null;
  /** Share of its called entries called within its maximum wait. */
  serviceLevel: number | null;
  issued: number;
  noShows: number;
}

export function serviceRows(replica: ReplicaState, q: QueueDay): ServiceRow[] {
  return rowsOf(replica, 'services')
    .sort((a, b) => a.sort - b.sort)
    .map((service) => {
      const f = q.figures.services.get(service.id)!;
      return {
        service,
        waiting: f.waiting,
        longestWaitMs: f.longestWaitMs,
        called: f.called,
        avgWaitMs: meanOf(f.waitMs, f.called),
        serviceLevel: shareOf(f.withinTarget, f.called),
        issued: f.issued,
        noShows: f.noShows,
      };
    });
}

/** A clerk's own day: what they finished, their mean service and the mean wait of those they called, idle time, throughput. */
export interface ClerkFigures {
  finished: number;
  avgServiceMs: number | null;
  called: number;
  avgWaitMs: number | null;
  idleMs: number;
  perHour: number | null;
}

export function clerkFigures(replica: ReplicaState, q: QueueDay, staffId: string, dayStart: number, now: number): ClerkFigures {
  const log = rowsOf(replica, 'counter_log').filter((l) => l.at >= dayStart);
  const signedIn = signedInMs(log, rowsOf(replica, 'counters'), dayStart, now).staff.get(staffId) ?? 0;
  const f = q.figures.staff.get(staffId);
  return {
    finished: f?.finished ?? 0,
    avgServiceMs: f ? meanOf(f.serviceMs, f.finished) : null,
    called: f?.called ?? 0,
    avgWaitMs: f ? meanOf(f.waitMs, f.called) : null,
    idleMs: signedIn - (f?.servingMs ?? 0),
    perHour: throughputPerHour(f?.finished ?? 0, signedIn),
  };
}
