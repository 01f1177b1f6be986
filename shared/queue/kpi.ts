import { isCounterOffline } from '../counter/rules';
import type { CounterEvent } from '../counter/enums';
import type { Definition } from '../kernel/definition';
import { entryWaitMs, type QueueEntry } from './entries';
import { isEligible, isWaiting, type CounterProfile, type QueueTicket } from './rules';

/**
 * Queue KPIs, defined once (DOMAIN.md "Queue") and used by every face and report. Every wait figure
 * is over queue entries (./entries): wait = last call of the series − entering the line; walk =
 * start − call; service = finish − start; total = finish − issue; service level = share of called
 * entries called within the target wait (the service's maximum wait); no-show rate = no-shows ÷
 * issued; throughput = finished per counter per signed-in hour; idle = signed-in − serving time.
 * Waiting now is `waitingNow` (queue/rules), beside the queue's order.
 */

/** Service (ms) of a finished ticket, from its last start to its finish; null otherwise: the issue estimate's recent service times. */
export const serviceKpi: Definition<{ status: string; started_at: number | null; finished_at: number | null }, [], number | null> = {
  ts: (t) => (t.status === 'finished' && t.started_at != null && t.finished_at != null ? t.finished_at - t.started_at : null),
  sql: (col) => `(CASE WHEN ${col('status')} = 'finished' THEN ${col('finished_at')} - ${col('started_at')} END)`,
};

/** Sums and counts over a group's entries (the hall, a service, a counter, a clerk): they roll up by adding, never by averaging. */
export interface Tally {
  /** Tickets issued (a service's: those it issued, wherever they went). */
  issued: number;
  /** Calls nobody answered, counted when marked (or when the day closed on a called ticket). */
  noShows: number;
  /** Entries called, the sum of their waits, and how many were called within the target wait. */
  called: number;
  waitMs: number;
  withinTarget: number;
  /** Entries the day's close ended uncalled: counted apart, not as waits. */
  uncalled: number;
  started: number;
  walkMs: number;
  finished: number;
  serviceMs: number;
  /** finish − issue, summed over the tickets finished. */
  totalMs: number;
  /** Serving time: from each start to the end of that service (or now). */
  servingMs: number;
}

/** A line as it is now: how many wait in it, and how long the one waiting longest has been in it. */
export interface LineNow {
  waiting: number;
  longestWaitMs: number | null;
}

export interface DayFigures {
  hall: Tally & LineNow;
  services: ReadonlyMap<string, Tally & LineNow>;
  counters: ReadonlyMap<string, Tally>;
  staff: ReadonlyMap<string, Tally>;
}

const emptyTally = (): Tally & LineNow => ({
  issued: 0,
  noShows: 0,
  called: 0,
  waitMs: 0,
  withinTarget: 0,
  uncalled: 0,
  started: 0,
  walkMs: 0,
  finished: 0,
  serviceMs: 0,
  totalMs: 0,
  servingMs: 0,
  waiting: 0,
  longestWaitMs: null,
});

/** A no-show: called, and the person did not come before the clerk marked it or the day closed. */
export const isNoShow = (e: QueueEntry): boolean =>
  e.end === 'no_show' || (e.end === 'day_close' && e.calledAt !== null && e.startedAt === null);

/** What one entry adds to the tallies of its groups. */
export function entryTally(e: QueueEntry, targetMs: number, now: number): Partial<Tally> {
  const d: Partial<Tally> = {};
  if (e.cause === 'issue') d.issued = 1;
  const wait = entryWaitMs(e);
  if (wait !== null) Object.assign(d, { called: 1, waitMs: wait, withinTarget: Number(wait <= targetMs) });
  else if (e.end === 'day_close') d.uncalled = 1;
  if (isNoShow(e)) d.noShows = 1;
  if (e.startedAt !== null)
    Object.assign(d, { started: 1, walkMs: e.startedAt - e.calledAt!, servingMs: (e.endedAt ?? now) - e.startedAt });
  if (e.end === 'finish') Object.assign(d, { finished: 1, serviceMs: e.endedAt! - e.startedAt!, totalMs: e.endedAt! - e.issuedAt });
  return d;
}

/**
 * The day's figures from its tickets and their entries, as of `now`. An entry counts for its service
 * (issued: the issuing service's first entry) and for the counter and clerk that called it; waiting
 * now is `waitingNow` of the tickets, the longest wait now that of the entries still uncalled.
 */
export function dayFigures(input: {
  now: number;
  tickets: readonly Pick<QueueTicket, 'service_id' | 'status' | 'park_until'>[];
  entries: readonly QueueEntry[];
  services: readonly { id: string; max_wait_min: number }[];
}): DayFigures {
  const { now } = input;
  const hall = emptyTally();
  const services = new Map(input.services.map((s) => [s.id, emptyTally()]));
  const counters = new Map<string, Tally>();
  const staff = new Map<string, Tally>();
  const of = <T>(map: Map<string, T>, id: string, make: () => T): T => map.get(id) ?? map.set(id, make()).get(id)!;
  const add = (t: Tally, d: Partial<Tally>) => {
    for (const [k, v] of Object.entries(d)) t[k as keyof Tally] += v;
  };
  const targetMs = new Map(input.services.map((s) => [s.id, s.max_wait_min * 60_000]));
  for (const e of input.entries) {
    const d = entryTally(e, targetMs.get(e.serviceId) ?? Infinity, now);
    const line = [hall, of(services, e.serviceId, emptyTally)];
    line.forEach((t) => add(t, d));
    if (e.counterId !== null) add(of(counters, e.counterId, emptyTally), d);
    if (e.staffId !== null) add(of(staff, e.staffId, emptyTally), d);
    if (e.calledAt === null && e.end === null) for (const t of line) t.longestWaitMs = Math.max(t.longestWaitMs ?? 0, now - e.enteredAt);
  }
  for (const tk of input.tickets) {
    if (!isWaiting(tk, now)) continue;
    hall.waiting++;
    of(services, tk.service_id, emptyTally).waiting++;
  }
  return { hall, services, counters, staff };
}

/** A mean from its sum and count; null over nothing. */
export const meanOf = (sum: number, n: number): number | null => (n ? sum / n : null);
/** A share from its part and whole; null over nothing. */
export const shareOf = (part: number, whole: number): number | null => (whole ? part / whole : null);

/**
 * Each counter's and each clerk's signed-in time today, from the day's counter log: from a sign-in
 * to the sign-out (a pause is still signed in), or to now. A counter whose first record today is not
 * a sign-in was signed in when the day began.
 */
export function signedInMs(
  log: readonly { counter_id: string; staff_id: string | null; event: CounterEvent; at: number }[],
  counters: readonly { id: string; state: string; staff_id: string | null }[],
  dayStart: number,
  now: number,
): { counters: Map<string, number>; staff: Map<string, number> } {
  const out = { counters: new Map<string, number>(), staff: new Map<string, number>() };
  const add = (map: Map<string, number>, id: string | null, ms: number) => id !== null && map.set(id, (map.get(id) ?? 0) + ms);
  for (const c of counters) {
    const own = log.filter((l) => l.counter_id === c.id).sort((a, b) => a.at - b.at);
    const first = own[0];
    let since: { at: number; staffId: string | null } | null = first
      ? first.event === 'sign_in'
        ? null
        : { at: dayStart, staffId: first.staff_id }
      : c.state === 'closed'
        ? null
        : { at: dayStart, staffId: c.staff_id };
    for (const l of own) {
      if (l.event === 'sign_in') since = { at: l.at, staffId: l.staff_id };
      if (l.event === 'sign_out' && since) {
        add(out.counters, c.id, l.at - since.at);
        add(out.staff, since.staffId, l.at - since.at);
        since = null;
      }
    }
    if (since) {
      add(out.counters, c.id, now - since.at);
      add(out.staff, since.staffId, now - since.at);
    }
  }
  return out;
}

/** Finished per signed-in hour; null before any signed-in time. */
export const throughputPerHour = (finished: number, signedIn: number): number | null => shareOf(finished, signedIn / 3_600_000);

export interface AlertThresholds {
  maxWaitMin: number;
  maxServiceMin: number;
  /** A called ticket not started within this many minutes. */
  maxCallMin: number;
  queueCap: number;
}

/** A clerk between two applicants is not idle: only a free counter past this long is. */
export const IDLE_GRACE_MS = 60_000;

export type Alert =
  | { kind: 'wait_over_max'; serviceId: string; minutes: number }
  | { kind: 'queue_over_cap'; serviceId: string; waiting: number }
  | { kind: 'service_over_max'; counterId: string; minutes: number }
  | { kind: 'called_not_started'; counterId: string; ticketId: string; minutes: number }
  | { kind: 'idle_while_waiting'; counterId: string; waiting: number };

/**
 * The alerts shipped systems raise: a wait past its maximum (the longest current entry), a queue
 * past its cap, a service running past its maximum, a called ticket not started in time, and a
 * counter open and idle while people wait for it. A counter is idle from its sign-in or resume or
 * from the end of the ticket it held, whatever ended it (finished, transferred, parked, no-show).
 */
export function hallAlerts(input: {
  now: number;
  services: readonly ({ id: string } & AlertThresholds)[];
  counters: readonly (CounterProfile & { state: string; last_seen_at: number | null; state_since: number | null })[];
  tickets: readonly QueueTicket[];
  entries: readonly QueueEntry[];
  figures: DayFigures;
}): Alert[] {
  const { now, figures } = input;
  const alerts: Alert[] = [];
  const minutes = (ms: number) => Math.floor(ms / 60_000);
  for (const s of input.services) {
    const line = figures.services.get(s.id);
    if (!line) continue;
    if (line.longestWaitMs !== null && line.longestWaitMs > s.maxWaitMin * 60_000) {
      alerts.push({ kind: 'wait_over_max', serviceId: s.id, minutes: minutes(line.longestWaitMs) });
    }
    if (line.waiting > s.queueCap) alerts.push({ kind: 'queue_over_cap', serviceId: s.id, waiting: line.waiting });
  }
  const thresholds = new Map(input.services.map((s) => [s.id, s]));
  for (const c of input.counters) {
    const here = input.entries.filter((e) => e.counterId === c.id);
    const held = here.find((e) => e.end === null);
    const limits = held && thresholds.get(held.serviceId);
    if (held?.startedAt != null && limits && now - held.startedAt > limits.maxServiceMin * 60_000) {
      alerts.push({ kind: 'service_over_max', counterId: c.id, minutes: minutes(now - held.startedAt) });
    }
    if (held && held.startedAt === null && limits && now - held.firstCalledAt! > limits.maxCallMin * 60_000) {
      alerts.push({ kind: 'called_not_started', counterId: c.id, ticketId: held.ticketId, minutes: minutes(now - held.firstCalledAt!) });
    }
    const idleSince = c.state_since === null ? null : Math.max(c.state_since, ...here.map((e) => e.endedAt ?? 0));
    const waiting = input.tickets.filter((t) => isEligible(t, c, now)).length;
    if (
      c.state === 'open' &&
      !held &&
      waiting > 0 &&
      idleSince !== null &&
      now - idleSince > IDLE_GRACE_MS &&
      !isCounterOffline({ state: c.state as never, last_seen_at: c.last_seen_at }, now)
    ) {
      alerts.push({ kind: 'idle_while_waiting', counterId: c.id, waiting });
    }
  }
  return alerts;
}

/** Half-open stretches of time [from, to). */
export type Stretch = readonly [from: number, to: number];

/** `a` less every stretch of `b`, in order. */
function without(a: readonly Stretch[], b: readonly Stretch[]): Stretch[] {
  let out = [...a].sort((x, y) => x[0] - y[0]) as Stretch[];
  for (const [bf, bt] of b)
    out = out.flatMap(([f, t]): Stretch[] =>
      bt <= f || bf >= t ? [[f, t]] : [...(f < bf ? [[f, bf] as const] : []), ...(bt < t ? [[bt, t] as const] : [])],
    );
  return out;
}

/**
 * Idle while the queue waited: how long a counter was open (signed in, not paused) with no ticket
 * in hand while someone it could call was waiting — the `idle_while_waiting` alert (hallAlerts) as
 * a duration. As for the alert, each free stretch (from the sign-in or resume, or from the end of
 * the ticket held) counts only past IDLE_GRACE_MS: a clerk between two applicants is not idle.
 * `open`: the counter's open stretches; `held`: its tickets in hand, from the first call to their
 * end; `waiting`: the entries it could call, from entering the line to their first call (or end).
 */
export function idleWhileWaitingMs(open: readonly Stretch[], held: readonly Stretch[], waiting: readonly Stretch[]): number {
  const waits = [...waiting].sort((x, y) => x[0] - y[0]);
  let total = 0;
  for (const [from, to] of without(open, held)) {
    // The union of the waits over [from + grace, to), swept in order.
    let at = from + IDLE_GRACE_MS;
    for (const [wf, wt] of waits) {
      if (wf >= to) break;
      const f = Math.max(at, wf);
      const t = Math.min(to, wt);
      if (t > f) {
        total += t - f;
        at = t;
      }
    }
  }
  return total;
}
