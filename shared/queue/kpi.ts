import { isCounterOffline } from '../counter/rules';
import type { Definition } from '../kernel/definition';
import { isWaiting } from './rules';

/**
 * Queue KPIs, defined once (DOMAIN.md "Queue") and used by every face and report:
 * wait = last call − issue; walk = start − call; service = finish − start; total = finish − issue.
 * Waiting now is `waitingNow` (queue/rules), beside the queue's order.
 */
interface TicketTimes {
  status: string;
  issued_at: number;
  called_at: number | null;
  started_at?: number | null;
  finished_at?: number | null;
  park_until?: number | null;
}

/** Wait (ms) until the last call; null for a ticket not called. SQL's NULL arithmetic gives the same. */
export const waitKpi: Definition<TicketTimes, [], number | null> = {
  ts: (t) => (t.called_at === null ? null : t.called_at - t.issued_at),
  sql: (col) => `(${col('called_at')} - ${col('issued_at')})`,
};
/** Service (ms) of a finished ticket, from start to finish; null otherwise. */
export const serviceKpi: Definition<TicketTimes, [], number | null> = {
  ts: (t) => (t.status === 'finished' && t.started_at != null && t.finished_at != null ? t.finished_at - t.started_at : null),
  sql: (col) => `(CASE WHEN ${col('status')} = 'finished' THEN ${col('finished_at')} - ${col('started_at')} END)`,
};

export const waitMs = waitKpi.ts;
export const serviceMs = serviceKpi.ts;

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export interface ServiceLoad {
  waiting: number;
  /** How long the longest-waiting ticket has waited so far. */
  longestWaitMs: number | null;
  /** Mean wait of today's called tickets. */
  averageWaitMs: number | null;
}

export function serviceLoad(tickets: readonly (TicketTimes & { park_until?: number | null })[], now: number): ServiceLoad {
  const waiting = tickets.filter((t) => isWaiting({ status: t.status as never, park_until: t.park_until ?? null }, now));
  const waits = tickets.map(waitMs).filter((w): w is number => w !== null);
  return {
    waiting: waiting.length,
    longestWaitMs: waiting.length ? Math.max(...waiting.map((t) => now - t.issued_at)) : null,
    averageWaitMs: mean(waits),
  };
}

export const averageServiceMs = (tickets: readonly TicketTimes[]): number | null =>
  mean(tickets.map(serviceMs).filter((s): s is number => s !== null));

export interface AlertThresholds {
  maxWaitMin: number;
  maxServiceMin: number;
  queueCap: number;
}

/** A clerk between two applicants is not idle: only a free counter past this long is. */
export const IDLE_GRACE_MS = 60_000;

export type Alert =
  | { kind: 'wait_over_max'; serviceId: string; minutes: number }
  | { kind: 'queue_over_cap'; serviceId: string; waiting: number }
  | { kind: 'service_over_max'; counterId: string; minutes: number }
  | { kind: 'idle_while_waiting'; counterId: string; waiting: number };

/**
 * The alerts shipped systems raise: a wait past its maximum, a queue past its cap, a service
 * running past its maximum, and a counter open and idle while its services have people waiting.
 */
export function hallAlerts(input: {
  now: number;
  services: readonly ({ id: string } & AlertThresholds)[];
  /** idleSince: when the counter last became free (sign-in, resume, or its last ticket ending). */
  counters: readonly { id: string; state: string; last_seen_at: number | null; idleSince: number | null; serviceIds: readonly string[] }[];
  tickets: readonly (TicketTimes & {
    service_id: string;
    counter_id: string | null;
    park_until: number | null;
    target_counter_id?: string | null;
  })[];
}): Alert[] {
  const { now } = input;
  const alerts: Alert[] = [];
  const waitingBy = new Map<string, number>();
  for (const s of input.services) {
    const load = serviceLoad(
      input.tickets.filter((t) => t.service_id === s.id),
      now,
    );
    waitingBy.set(s.id, load.waiting);
    if (load.longestWaitMs !== null && load.longestWaitMs > s.maxWaitMin * 60_000) {
      alerts.push({ kind: 'wait_over_max', serviceId: s.id, minutes: Math.floor(load.longestWaitMs / 60_000) });
    }
    if (load.waiting > s.queueCap) alerts.push({ kind: 'queue_over_cap', serviceId: s.id, waiting: load.waiting });
  }
  const maxService = new Map(input.services.map((s) => [s.id, s.maxServiceMin]));
  for (const c of input.counters) {
    const held = input.tickets.find((t) => t.counter_id === c.id && (t.status === 'called' || t.status === 'serving'));
    if (held?.status === 'serving' && held.started_at != null) {
      const minutes = (now - held.started_at) / 60_000;
      if (minutes > (maxService.get(held.service_id) ?? Infinity))
        alerts.push({ kind: 'service_over_max', counterId: c.id, minutes: Math.floor(minutes) });
    }
    const waiting = c.serviceIds.reduce((n, id) => n + (waitingBy.get(id) ?? 0), 0);
    const idleLongEnough = c.idleSince !== null && now - c.idleSince > IDLE_GRACE_MS;
    if (
      c.state === 'open' &&
      !held &&
      waiting > 0 &&
      idleLongEnough &&
      !isCounterOffline({ state: c.state as never, last_seen_at: c.last_seen_at }, now)
    ) {
      alerts.push({ kind: 'idle_while_waiting', counterId: c.id, waiting });
    }
  }
  return alerts;
}
