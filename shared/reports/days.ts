import { pauseReasonCode } from '../counter/rules';
import type { CounterEvent } from '../counter/enums';
import { dayEntries, type EntryEvent, type EntryTicket } from '../queue/entries';
import { entryTally, type Tally } from '../queue/kpi';
import { OTHER_PAUSE } from './enums';
import { HOUR_MS, hourOf, intersect, merge, perHour, subtract, type Span } from './intervals';

/**
 * A closed hall day's additive aggregates, computed from what was recorded that day: the tickets'
 * events (through the queue's one definition of entries and of what each entry adds, queue/kpi),
 * the counter log and the cases' moments. Every column is a sum or a count, so any period, any
 * dimension and any roll-up adds rows and divides only at the end (./figures). The hub writes these
 * rows as the day closes and rebuilds them from the same records on demand: one function for both.
 */

/** The queue's sums per entry (queue/kpi Tally), and the entries transferred away. */
export const QUEUE_SUMS = [
  'issued',
  'transferred',
  'no_shows',
  'called',
  'wait_ms',
  'within_target',
  'uncalled',
  'started',
  'walk_ms',
  'finished',
  'service_ms',
  'total_ms',
  'serving_ms',
] as const;
export type QueueSum = (typeof QUEUE_SUMS)[number];

/** A counter's (or clerk's) time: signed in, serving, paused, and idle at an open counter while someone waited for it. */
export const COUNTER_SUMS = ['signed_in_ms', 'serving_ms', 'paused_ms', 'idle_waiting_ms'] as const;
export type CounterSum = (typeof COUNTER_SUMS)[number];

/**
 * Cases, each counted on the day of its own moment: received and accepted (by the receiving clerk),
 * concluded — on time or overdue, how many had a 补正, and for those with limits in working days the
 * days used, promised and statutory — (by the handler), and the yellow and red cards of decisions.
 */
export const CASE_SUMS = [
  'received',
  'accepted',
  'concluded',
  'on_time',
  'overdue',
  'supplemented',
  'days_counted',
  'used_days',
  'promised_days',
  'statutory_days',
  'yellow',
  'red',
] as const;
export type CaseSum = (typeof CASE_SUMS)[number];

export type Sums<K extends string> = Record<K, number>;
export const zeroSums = <K extends string>(keys: readonly K[]): Sums<K> => Object.fromEntries(keys.map((k) => [k, 0])) as Sums<K>;

interface Keyed {
  dim: string;
  key: string;
  day: string;
  hour: number;
}
export type QueueDayRow = Keyed & Sums<QueueSum>;
export type CounterDayRow = Keyed & Sums<CounterSum>;
export type PauseDayRow = Keyed & { reason: string; ms: number };
export type CaseDayRow = Omit<Keyed, 'hour'> & Sums<CaseSum>;

const TALLY_COLUMN: Readonly<Record<keyof Tally, QueueSum>> = {
  issued: 'issued',
  noShows: 'no_shows',
  called: 'called',
  waitMs: 'wait_ms',
  withinTarget: 'within_target',
  uncalled: 'uncalled',
  started: 'started',
  walkMs: 'walk_ms',
  finished: 'finished',
  serviceMs: 'service_ms',
  totalMs: 'total_ms',
  servingMs: 'serving_ms',
};

/** Adds into the row of `key` in `rows`, made with `make` if it is not there yet. */
function addTo<R extends object>(rows: Map<string, R>, key: string, make: () => R, add: (r: R) => void) {
  add(rows.get(key) ?? rows.set(key, make()).get(key)!);
}

export interface QueueDayInput {
  day: string;
  dayStart: number;
  /** The day's close: what was still open then ended then (every entry of a closed day has ended). */
  closedAt: number;
  tickets: readonly (EntryTicket & { service_id: string })[];
  events: readonly EntryEvent[];
  services: readonly { id: string; prefix: string; max_wait_min: number }[];
}

/**
 * The day's queue rows by service, counter and clerk, each hour the entry entered the line (an
 * issue's hour is its arrival). Attributed as the day's figures are (queue/kpi dayFigures): every
 * entry to its service, and to the counter and clerk that called it.
 */
export function queueDayRows(input: QueueDayInput): QueueDayRow[] {
  const entries = dayEntries(input.tickets, input.events, input.services, input.closedAt);
  const target = new Map(input.services.map((s) => [s.id, s.max_wait_min * 60_000]));
  const rows = new Map<string, QueueDayRow>();
  for (const e of entries) {
    const tally = entryTally(e, target.get(e.serviceId) ?? Infinity, input.closedAt);
    const hour = hourOf(e.enteredAt, input.dayStart);
    const add = (dim: string, key: string | null) => {
      if (key === null) return;
      addTo(
        rows,
        `${dim}|${key}|${hour}`,
        () => ({ dim, key, day: input.day, hour, ...zeroSums(QUEUE_SUMS) }),
        (r) => {
          for (const [k, v] of Object.entries(tally)) r[TALLY_COLUMN[k as keyof Tally]] += v;
          if (e.end === 'transfer') r.transferred++;
        },
      );
    };
    add('service', e.serviceId);
    add('counter', e.counterId);
    add('staff', e.staffId);
  }
  return [...rows.values()];
}

export interface CounterDayInput {
  day: string;
  dayStart: number;
  closedAt: number;
  /** Each counter and the services it works (its current profile). */
  counters: readonly { id: string; serviceIds: readonly string[] }[];
  /** Each counter's last log record before the day began, if any: how the day found it. */
  before: readonly CounterLog[];
  /** The day's counter log. */
  log: readonly CounterLog[];
  tickets: QueueDayInput['tickets'];
  events: QueueDayInput['events'];
  services: QueueDayInput['services'];
}

export interface CounterLog {
  counter_id: string;
  staff_id: string | null;
  event: CounterEvent;
  reason: string | null;
  at: number;
}

/** A stretch of a counter's session: open or paused (with its reason), and who was signed in. */
interface Stretch extends Span {
  state: 'open' | 'paused';
  staffId: string | null;
  reason: string | null;
}

/** A counter's sessions over the day, from how the day found it and its log (sign-in → open ⇄ paused → sign-out). */
function stretches(before: CounterLog | undefined, log: readonly CounterLog[], dayStart: number, end: number): Stretch[] {
  const out: Stretch[] = [];
  let cur: Omit<Stretch, 'to'> | null = null;
  const enter = (state: Stretch['state'] | null, at: number, staffId: string | null, reason: string | null) => {
    if (cur) out.push({ ...cur, to: at });
    cur = state ? { from: at, state, staffId, reason } : null;
  };
  if (before && before.event !== 'sign_out') enter(before.event === 'pause' ? 'paused' : 'open', dayStart, before.staff_id, before.reason);
  for (const l of [...log].sort((a, b) => a.at - b.at)) {
    const staffId = l.staff_id ?? (cur as Stretch | null)?.staffId ?? null;
    if (l.event === 'sign_out') enter(null, l.at, null, null);
    else enter(l.event === 'pause' ? 'paused' : 'open', l.at, staffId, l.event === 'pause' ? l.reason : null);
  }
  enter(null, end, null, null);
  return out.filter((s) => s.to > s.from);
}

/**
 * The day's counter time by counter and clerk, split by the clock hour: signed in (open or paused),
 * serving (from each start to the service's end), paused by reason, and idle while the queue
 * waited — open, holding no ticket (from a call to its end), while an entry it could call waited
 * (one of its services, not sent elsewhere, or sent to it; from entering the line to its first call).
 */
export function counterDayRows(input: CounterDayInput): { counters: CounterDayRow[]; pauses: PauseDayRow[] } {
  const dayEnd = Math.min(input.closedAt, input.dayStart + 24 * HOUR_MS);
  const entries = dayEntries(input.tickets, input.events, input.services, input.closedAt);
  const counters = new Map<string, CounterDayRow>();
  const pauses = new Map<string, PauseDayRow>();
  const addMs = (dim: string, key: string | null, spans: readonly Span[], column: CounterSum) => {
    if (key === null) return;
    for (const [hour, ms] of perHour(spans, input.dayStart))
      addTo(
        counters,
        `${dim}|${key}|${hour}`,
        () => ({ dim, key, day: input.day, hour, ...zeroSums(COUNTER_SUMS) }),
        (r) => (r[column] += ms),
      );
  };
  for (const c of input.counters) {
    const before = input.before.find((l) => l.counter_id === c.id);
    const own = stretches(
      before,
      input.log.filter((l) => l.counter_id === c.id),
      input.dayStart,
      dayEnd,
    );
    if (own.length === 0) continue;
    const held = entries.filter((e) => e.counterId === c.id && e.firstCalledAt !== null);
    const holding = merge(held.map((e) => ({ from: e.firstCalledAt!, to: e.endedAt ?? dayEnd })));
    const waited = merge(
      entries
        .filter((e) => (e.sentTo === null ? c.serviceIds.includes(e.serviceId) : e.sentTo === c.id))
        .map((e) => ({ from: e.enteredAt, to: e.firstCalledAt ?? e.endedAt ?? dayEnd })),
    );
    for (const s of own) {
      const span = [{ from: s.from, to: s.to }];
      // A service belongs to whoever was signed in while it ran: clip it to this stretch.
      const serving = intersect(
        span,
        merge(held.filter((e) => e.startedAt !== null).map((e) => ({ from: e.startedAt!, to: e.endedAt ?? dayEnd }))),
      );
      for (const [dim, key] of [
        ['counter', c.id],
        ['staff', s.staffId],
      ] as const) {
        addMs(dim, key, span, 'signed_in_ms');
        addMs(dim, key, serving, 'serving_ms');
        if (s.state === 'paused') {
          addMs(dim, key, span, 'paused_ms');
          const reason = pauseReasonCode(s.reason ?? '') ?? OTHER_PAUSE;
          if (key !== null)
            for (const [hour, ms] of perHour(span, input.dayStart))
              addTo(
                pauses,
                `${dim}|${key}|${hour}|${reason}`,
                () => ({ dim, key, day: input.day, hour, reason, ms: 0 }),
                (r) => (r.ms += ms),
              );
        } else addMs(dim, key, intersect(subtract(span, holding), waited), 'idle_waiting_ms');
      }
    }
  }
  return { counters: [...counters.values()], pauses: [...pauses.values()] };
}

/** A case as the aggregates read it. */
export interface CaseFacts {
  item_id: string;
  counter_id: string | null;
  first_clerk_id: string;
  handler_id: string | null;
  received_at: number;
  accepted_at: number | null;
  decided_at: number | null;
  concluded_at: number | null;
  on_time: number | null;
  supplement_count: number;
  limit_unit: string;
  used_days: number | null;
  promised_limit: number;
  statutory_limit: number;
  card: string | null;
}

/** The day's case rows by item, counter and clerk, from the cases with a moment in the day [dayStart, dayStart + 24 h). */
export function caseDayRows(day: string, dayStart: number, cases: readonly CaseFacts[]): CaseDayRow[] {
  const rows = new Map<string, CaseDayRow>();
  const within = (at: number | null) => at !== null && at >= dayStart && at < dayStart + 24 * HOUR_MS;
  for (const c of cases) {
    const handler = c.handler_id ?? c.first_clerk_id;
    const add = (staffId: string, d: Partial<Sums<CaseSum>>) => {
      for (const [dim, key] of [
        ['item', c.item_id],
        ['counter', c.counter_id],
        ['staff', staffId],
      ] as const) {
        if (key === null) continue;
        addTo(
          rows,
          `${dim}|${key}`,
          () => ({ dim, key, day, ...zeroSums(CASE_SUMS) }),
          (r) => {
            for (const [k, v] of Object.entries(d)) r[k as CaseSum] += v;
          },
        );
      }
    };
    if (within(c.received_at)) add(c.first_clerk_id, { received: 1 });
    if (within(c.accepted_at)) add(c.first_clerk_id, { accepted: 1 });
    if (within(c.concluded_at)) {
      // Days are comparable only in one unit: those with limits in working days are averaged, others only counted.
      const days = c.limit_unit === 'working_days' && c.used_days !== null;
      add(handler, {
        concluded: 1,
        on_time: Number(c.on_time === 1),
        overdue: Number(c.on_time === 0),
        supplemented: Number(c.supplement_count > 0),
        days_counted: Number(days),
        used_days: days ? c.used_days! : 0,
        promised_days: days ? c.promised_limit : 0,
        statutory_days: days ? c.statutory_limit : 0,
      });
    }
    if (within(c.decided_at) && c.card) add(handler, { yellow: Number(c.card === 'yellow'), red: Number(c.card === 'red') });
  }
  return [...rows.values()];
}
