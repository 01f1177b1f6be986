import { rowsOf, type ReplicaState, type Row } from '../../../../shared/protocol';
import { alertsNow, counterProfilesOf, queueDayOf, type QueueDay } from '../../../../shared/queue/alerts';
import { meanOf, shareOf, signedInMs, throughputPerHour, type Alert } from '../../../../shared/queue/kpi';
import type { CounterProfile } from '../../../../shared/queue/rules';

/**
 * The queue's day as every staff face computes it from its replica: the day's tickets, their queue
 * entries (from the replicated ticket events) and the figures over them, the same functions the hub's
 * reports use (shared/queue/alerts). Plain functions of the replica, so that a test can hold a face's figures against the rows.
 */
export type { QueueDay } from '../../../../shared/queue/alerts';

export function queueDay(replica: ReplicaState, day: string, now: number): QueueDay {
  const tickets = rowsOf(replica, 'tickets').filter((tk) => tk.day === day);
  return queueDayOf(tickets, rowsOf(replica, 'ticket_events'), rowsOf(replica, 'services'), now);
}

/** Each counter with what it serves, in its work-profile order: as the queue rules see it. */
export function counterProfiles(replica: ReplicaState): (Row<'counters'> & CounterProfile)[] {
  return counterProfilesOf(rowsOf(replica, 'counters'), rowsOf(replica, 'counter_services'));
}

/** The board's alerts now. */
export function boardAlerts(replica: ReplicaState, q: QueueDay, now: number): Alert[] {
  return alertsNow(rowsOf(replica, 'services'), counterProfiles(replica), q, now);
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
