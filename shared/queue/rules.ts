import type { Definition } from '../kernel/definition';
import { CommandError, ErrorCode } from '../kernel/errors';
import { PRIORITIES, type NoShowRule, type Priority, type TicketStatus, type TransferMode, type WorkProfile } from './enums';

/**
 * Queue rules. Pure: the hub loads the rows, these functions decide, the hub writes.
 *
 * Ordering: every waiting ticket has a `queue_key` (ms). Issue sets it to the issue time;
 * a transfer that keeps its place leaves it, one to the back sets it to now; a reinstated
 * no-show gets a key that puts it at the front or after N others. Lower key = earlier.
 */

export const FINAL_STATUSES: readonly TicketStatus[] = ['finished', 'no_show', 'cancelled'];
export const HELD_STATUSES: readonly TicketStatus[] = ['called', 'serving'];

export interface QueueSettings {
  /**
   * The interleave of a service's line, across all its counters: while both classes wait, at most
   * `priorityStreak` priority calls in a row, then `normalStreak` normal ones (2 : 1 calls two
   * priority tickets per normal one; 1 : 2 one priority ticket per two normal ones).
   */
  priorityStreak: number;
  normalStreak: number;
  /** What happens to a ticket whose holder did not come: kept aside to be reinstated, or ended. */
  noShowRule: NoShowRule;
  /** With noShowRule 'after': reinstated behind this many waiting tickets. */
  noShowAfter: number;
  recallLimit: number;
  parkMinutes: number;
  /** Minutes east of UTC of the hall's clock: the hall day and its numbering follow local time. */
  utcOffsetMinutes: number;
  /** How many times the lobby speaks each call. */
  announceRepeat: number;
  /**
   * When the hall closes (HH:MM on the hall's clock): the day may be closed from then on; before it
   * only with a reason, so that no open ticket is ended in the morning by a slip of the hand.
   */
  closingTime: string;
  /** The longest a call waits for the lobby voice; past it, the call is only shown (calls piling up). */
  announceMaxLagSeconds: number;
  /** Seconds without a touch after which the kiosk drops a half-done choice and speaks Chinese again. */
  kioskIdleSeconds: number;
}

export const defaultQueueSettings: QueueSettings = {
  priorityStreak: 2,
  normalStreak: 1,
  noShowRule: 'after',
  noShowAfter: 3,
  recallLimit: 3,
  parkMinutes: 15,
  utcOffsetMinutes: 480,
  announceRepeat: 2,
  closingTime: '17:30',
  announceMaxLagSeconds: 20,
  kioskIdleSeconds: 60,
};

export interface QueueTicket {
  id: string;
  service_id: string;
  priority: Priority;
  status: TicketStatus;
  queue_key: number;
  target_counter_id: string | null;
  park_until: number | null;
}

export interface CounterProfile {
  id: string;
  /** Services in work-profile order (position ascending). */
  serviceIds: readonly string[];
  profile: WorkProfile;
}

/** The hall day a moment belongs to, in the hall's local time: 'YYYY-MM-DD'. */
export function hallDay(now: number, utcOffsetMinutes: number): string {
  return new Date(now + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The moment (ms) a hall day begins: the inverse of hallDay. */
export const hallDayStart = (day: string, utcOffsetMinutes: number): number => Date.parse(`${day}T00:00:00Z`) - utcOffsetMinutes * 60_000;

/** A023: the service's prefix and the day's sequence, three digits at least. */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/** Was this number issued by the service with this prefix? (A number keeps its prefix when transferred.) */
export const numberedBy = (number: string, prefix: string): boolean =>
  number.length > prefix.length && number.startsWith(prefix) && /^\d+$/.test(number.slice(prefix.length));

/**
 * Waiting now (a queue KPI of DOMAIN.md): in line, which a parked ticket is again once its time is
 * up; a no-show set aside is not. In SQL it is 0 or 1, so that `sum()` counts it.
 */
export const waitingNow: Definition<Pick<QueueTicket, 'status' | 'park_until'>, [now: number], boolean> = {
  ts: (t, now) => t.status === 'waiting' || (t.status === 'parked' && t.park_until !== null && t.park_until <= now),
  sql: (col, now) =>
    `(${col('status')} = 'waiting' OR (${col('status')} = 'parked' AND ${col('park_until')} IS NOT NULL AND ${col('park_until')} <= ${now}))`,
};
export const isWaiting = waitingNow.ts;

/**
 * May this counter call this ticket? A ticket sent to a counter (a transfer to it, a parked
 * ticket coming back) is that counter's alone, whatever its service.
 */
export function isEligible(t: QueueTicket, counter: CounterProfile, now: number): boolean {
  if (!isWaiting(t, now)) return false;
  return t.target_counter_id === null ? counter.serviceIds.includes(t.service_id) : t.target_counter_id === counter.id;
}

const byKey = (a: QueueTicket, b: QueueTicket) => a.queue_key - b.queue_key || a.id.localeCompare(b.id);

/** How a service's line alternates its classes while both wait. */
export type Interleave = Pick<QueueSettings, 'priorityStreak' | 'normalStreak'>;
type Class = 'priority' | 'normal';
const classOf = (t: Pick<QueueTicket, 'priority'>): Class => (t.priority === 'normal' ? 'normal' : 'priority');

/**
 * A service's interleave run (services.priority_run): n > 0 after n priority calls in a row that
 * passed over a waiting normal ticket, −n after n normal calls in a row that passed over a waiting
 * priority one, 0 when the day starts. A call that passed over nobody leaves it as it is.
 */
export function classDue(run: number, rule: Interleave): Class {
  if (run > 0) return run < rule.priorityStreak ? 'priority' : 'normal';
  if (run < 0) return -run < rule.normalStreak ? 'normal' : 'priority';
  return 'priority';
}
const runAfter = (run: number, called: Class): number => (called === 'priority' ? Math.max(run, 0) + 1 : Math.min(run, 0) - 1);

export interface Choice {
  ticket: QueueTicket;
  /** The service's new interleave run, when the call counts in it. */
  run: { serviceId: string; value: number } | null;
}

/**
 * The ticket a counter calls next. Tickets sent to this very counter come first (their holders were
 * already served here or sent here by a colleague, and wait nearby); they do not count in any run.
 * Otherwise each of the counter's services offers the head of its line: with both classes waiting,
 * the class its run says is due (so the interleave holds across all the counters calling that line),
 * else whichever class waits; first in line within a class. Across its services the counter takes a
 * priority ticket first, then goes by its work profile: its services in order, or the longest waiting.
 */
export function chooseNext(
  tickets: readonly QueueTicket[],
  counter: CounterProfile,
  runs: ReadonlyMap<string, number>,
  rule: Interleave,
  now: number,
): Choice | null {
  // One pass, keeping the first in line of each kind (the earlier of equals, as a stable sort would):
  // a simulation calls this once per call it simulates.
  const first = (best: QueueTicket | undefined, t: QueueTicket) => (best === undefined || byKey(t, best) < 0 ? t : best);
  let sentHere: QueueTicket | undefined;
  const lines = counter.serviceIds.map(() => ({
    priority: undefined as QueueTicket | undefined,
    normal: undefined as QueueTicket | undefined,
  }));
  for (const t of tickets) {
    if (!isEligible(t, counter, now)) continue;
    if (t.target_counter_id === counter.id) sentHere = first(sentHere, t);
    else {
      const line = lines[counter.serviceIds.indexOf(t.service_id)]!;
      if (classOf(t) === 'priority') line.priority = first(line.priority, t);
      else line.normal = first(line.normal, t);
    }
  }
  if (sentHere) return { ticket: sentHere, run: null };
  const rank = (position: number) => (counter.profile === 'longest_wait' ? 0 : position);
  let head: (Choice & { position: number }) | undefined;
  lines.forEach(({ priority, normal }, position) => {
    const serviceId = counter.serviceIds[position]!;
    let choice: Choice & { position: number };
    if (priority && normal) {
      const run = runs.get(serviceId) ?? 0;
      const due = classDue(run, rule);
      choice = { ticket: due === 'priority' ? priority : normal, position, run: { serviceId, value: runAfter(run, due) } };
    } else {
      const only = priority ?? normal;
      if (!only) return;
      choice = { ticket: only, position, run: null };
    }
    // A priority ticket first, then the work profile's order, then the first in line.
    const before = (a: typeof choice, b: typeof choice) =>
      Number(classOf(a.ticket) === 'normal') - Number(classOf(b.ticket) === 'normal') ||
      rank(a.position) - rank(b.position) ||
      byKey(a.ticket, b.ticket);
    if (!head || before(choice, head) < 0) head = choice;
  });
  return head ? { ticket: head.ticket, run: head.run } : null;
}

/** A counter as the calling order sees it: what it serves, and when it is free to call. */
export interface OrderCounter extends CounterProfile {
  freeAt: number;
}

/** With no service finished yet today, a service is taken to last this long. */
export const DEFAULT_SERVICE_MS = 5 * 60_000;
/** How many of a service's latest services give its typical time. */
export const TYPICAL_OF_LATEST = 20;
/** The typical service time of a service: the mean of its recent ones (the latest 20). */
export function typicalServiceMs(recentMs: readonly number[]): number {
  const recent = recentMs.slice(0, TYPICAL_OF_LATEST);
  return recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : DEFAULT_SERVICE_MS;
}

/**
 * The tickets in line proper: waiting, sent to no counter. They are always callable, so a line of
 * one service and one class is read in key order, a few at a time from its head, and counted by
 * key without reading it (the hub serves both from an index). Parked tickets and tickets sent to a
 * counter are few and read whole.
 */
export const inLine = (t: Pick<QueueTicket, 'status' | 'target_counter_id'>): boolean =>
  t.status === 'waiting' && t.target_counter_id === null;

export interface LineReader {
  /**
   * The tickets of the line of `serviceId` and `priority` keyed after `after` (from its head when
   * null), in key order: `limit` of them or the rest, and every ticket sharing the last one's key.
   */
  next(serviceId: string, priority: Priority, after: number | null, limit: number): QueueTicket[];
  /** How many tickets of that line are keyed before `before`. */
  countBefore(serviceId: string, priority: Priority, before: number): number;
}

const lineKey = (serviceId: string, priority: Priority) => `${priority}\u0000${serviceId}`;

/** A line as read so far: its loaded head in order, how many of those were called, whether it has more. */
interface LineState {
  serviceId: string;
  priority: Priority;
  loaded: QueueTicket[];
  taken: number;
  done: boolean;
}

/**
 * Today's waiting tickets as the calling order consumes them: what a counter may call next (the
 * head of each of its lines, and the parked and sent tickets), and the taking of a called one.
 * Reads only as deep into each line as calls reach, so a call costs the same whatever waits behind.
 */
export class Lines {
  private readonly lines = new Map<string, LineState>();
  private readonly offLine: QueueTicket[];
  /** Each counter's lines, found once: a simulation asks for the same counters' candidates call after call. */
  private readonly byCounter = new Map<CounterProfile, LineState[]>();

  constructor(
    private readonly reader: LineReader,
    offLine: readonly QueueTicket[],
  ) {
    this.offLine = [...offLine];
  }

  private line(serviceId: string, priority: Priority): LineState {
    const key = lineKey(serviceId, priority);
    let line = this.lines.get(key);
    if (!line) this.lines.set(key, (line = { serviceId, priority, loaded: [], taken: 0, done: false }));
    return line;
  }

  private head(line: LineState): QueueTicket | undefined {
    if (line.taken === line.loaded.length && !line.done) {
      // Read on in doubling steps: a counter's one call reads a handful, a simulation as deep as it goes.
      const limit = Math.max(4, line.loaded.length);
      const more = this.reader.next(line.serviceId, line.priority, line.loaded.at(-1)?.queue_key ?? null, limit).sort(byKey);
      for (const t of more) line.loaded.push(t);
      line.done = more.length < limit;
    }
    return line.loaded[line.taken];
  }

  /** Enough of the waiting tickets for chooseNext to decide as it would over all of them. */
  candidates(counter: CounterProfile): QueueTicket[] {
    let lines = this.byCounter.get(counter);
    if (!lines) this.byCounter.set(counter, (lines = counter.serviceIds.flatMap((id) => PRIORITIES.map((p) => this.line(id, p)))));
    const out = [...this.offLine];
    for (const line of lines) {
      const head = this.head(line);
      if (head) out.push(head);
    }
    return out;
  }

  /** `ticket` was called: it leaves the line (it was a line's head, or parked or sent). */
  take(ticket: QueueTicket): void {
    const i = this.offLine.indexOf(ticket);
    if (i >= 0) {
      this.offLine.splice(i, 1);
      return;
    }
    const line = this.line(ticket.service_id, ticket.priority);
    if (line.loaded[line.taken] !== ticket) throw new Error(`Lines: ${ticket.id} is not the head of its line`);
    line.taken++;
  }

  /** When the earliest parked ticket `counter` could call comes back after `at`, if any does. */
  parkedBack(counter: CounterProfile, at: number): number | null {
    const back = this.offLine.filter(
      (t) => t.status === 'parked' && t.park_until! > at && isEligible({ ...t, status: 'waiting' }, counter, at),
    );
    return back.length ? Math.min(...back.map((t) => t.park_until!)) : null;
  }

  /**
   * How many tickets of `target`'s service keyed before it are still in line: of its class, and for
   * a normal ticket of the priority classes too (those are called before it).
   */
  stillBefore(target: QueueTicket): number {
    const group = PRIORITIES.filter((p) => classOf(target) === 'normal' || classOf({ priority: p }) === 'priority');
    return group.reduce((n, p) => {
      const line = this.line(target.service_id, p);
      const called = line.loaded.slice(0, line.taken).filter((t) => t.queue_key < target.queue_key).length;
      return n + this.reader.countBefore(target.service_id, p, target.queue_key) - called;
    }, 0);
  }
}

/** The lines of tickets at hand, read as the hub reads its index. */
export function lineReaderOf(tickets: readonly QueueTicket[]): LineReader {
  const byLine = new Map<string, QueueTicket[]>();
  for (const t of tickets.filter(inLine).sort(byKey)) {
    const key = lineKey(t.service_id, t.priority);
    if (!byLine.has(key)) byLine.set(key, []);
    byLine.get(key)!.push(t);
  }
  const of = (serviceId: string, priority: Priority) => byLine.get(lineKey(serviceId, priority)) ?? [];
  return {
    next: (serviceId, priority, after, limit) => {
      const rest = of(serviceId, priority).filter((t) => after === null || t.queue_key > after);
      const last = rest[limit - 1];
      return last ? rest.filter((t) => t.queue_key <= last.queue_key) : rest;
    },
    countBefore: (serviceId, priority, before) => of(serviceId, priority).filter((t) => t.queue_key < before).length,
  };
}

/** Lines over tickets at hand (the rules' tests, and any caller holding the whole line). */
export const linesOf = (tickets: readonly QueueTicket[], reader = lineReaderOf(tickets)): Lines =>
  new Lines(
    reader,
    tickets.filter((t) => !inLine(t)),
  );

/**
 * How many calls the calling order simulates before it stops and counts the rest: a new ticket's
 * estimate costs the same with thousands waiting as with a few hundred. Past it, the tickets still
 * before the ticket in its own line are counted (Lines.stillBefore, not read), each at the pace its
 * service was called at so far in the simulation: a line called at a steady pace gets the very
 * figures a full simulation gives. A thousand calls are a day's work for a large hall's counters,
 * so a hall's real lines are simulated whole.
 */
export const CALL_HORIZON = 1000;

export interface CallOrderInput {
  /** The ticket whose turn is told; it is one of the waiting ones. */
  target: QueueTicket;
  /** Today's waiting tickets, afresh for each simulation (a simulation consumes them). */
  lines: () => Lines;
  counters: readonly OrderCounter[];
  runs: ReadonlyMap<string, number>;
  rule: Interleave;
  serviceMs: (serviceId: string) => number;
  now: number;
}

/**
 * Who is ahead of a ticket, and when it will be called: the calling order simulated from now under
 * the rules above. Each counter calls as it becomes free (chooseNext, runs carried from call to call)
 * and is then busy for the typical service time of what it called; parked tickets come back when
 * their time is up. `ahead` counts the tickets of its own service called before it. With no counter
 * able to call it, the order is that of its own line alone (one counter calling it) and the wait is null.
 */
export function callOrderOf(input: CallOrderInput): { ahead: number; waitMs: number | null } {
  const { target } = input;
  const simulate = (counters: readonly OrderCounter[]) => {
    const lines = input.lines();
    const runs = new Map(input.runs);
    // Counters free at the same moment call in the order of their ids: ranked once, compared call after call.
    const ids = counters.map((c) => c.id).sort((a, b) => a.localeCompare(b));
    const idRank = new Map<string, number>();
    ids.forEach((id, i) => idRank.set(id, i > 0 && ids[i - 1]!.localeCompare(id) === 0 ? idRank.get(ids[i - 1]!)! : i));
    const free = counters.map((c) => ({ ...c, rank: idRank.get(c.id)! }));
    let ahead = 0;
    for (let calls = 0; free.length;) {
      free.sort((a, b) => a.freeAt - b.freeAt || a.rank - b.rank);
      const counter = free[0]!;
      if (calls === CALL_HORIZON) {
        const rest = lines.stillBefore(target);
        const serving = counters.filter((c) => c.serviceIds.includes(target.service_id)).length;
        const pace = ahead > 0 ? (counter.freeAt - input.now) / ahead : input.serviceMs(target.service_id) / Math.max(1, serving);
        return { ahead: ahead + rest, waitMs: counter.freeAt - input.now + rest * pace };
      }
      const next = chooseNext(lines.candidates(counter), counter, runs, input.rule, counter.freeAt);
      if (!next) {
        // Nothing to call now: the counter waits for a parked ticket it could call to come back, or is out.
        const back = lines.parkedBack(counter, counter.freeAt);
        if (back !== null) counter.freeAt = back;
        else free.shift();
        continue;
      }
      if (next.ticket.id === target.id) return { ahead, waitMs: counter.freeAt - input.now };
      if (next.ticket.service_id === target.service_id) ahead++;
      if (next.run) runs.set(next.run.serviceId, next.run.value);
      lines.take(next.ticket);
      counter.freeAt += input.serviceMs(next.ticket.service_id);
      calls++;
    }
    return null;
  };
  // No counter can call it: its place in its own line, as one counter calling only that line (or the counter it was sent to) would take it.
  const alone: OrderCounter = {
    id: target.target_counter_id ?? '',
    serviceIds: [target.service_id],
    profile: 'ordered',
    freeAt: input.now,
  };
  return simulate(input.counters) ?? { ahead: simulate([alone])?.ahead ?? 0, waitMs: null };
}

/** callOrderOf over tickets at hand (read as linesOf reads them, unless `lines` says otherwise), the ticket named by its id. */
export function callOrder(
  input: Omit<CallOrderInput, 'target' | 'lines'> & { ticketId: string; tickets: readonly QueueTicket[]; lines?: () => Lines },
): { ahead: number; waitMs: number | null } {
  const target = input.tickets.find((t) => t.id === input.ticketId);
  if (!target) throw new Error(`callOrder: no ticket ${input.ticketId}`);
  return callOrderOf({ ...input, target, lines: input.lines ?? (() => linesOf(input.tickets)) });
}

/**
 * The key that puts a reinstated no-show where the rule says, among the tickets now waiting
 * for the same service: at the front, or just behind the first `after` of them.
 */
export function reinstateKey(waitingKeys: readonly number[], rule: Exclude<NoShowRule, 'cancel'>, after: number): number {
  const keys = [...waitingKeys].sort((a, b) => a - b);
  if (keys.length === 0) return 0;
  if (rule === 'front') return keys[0]! - 1;
  const n = Math.min(after, keys.length);
  if (n === 0) return keys[0]! - 1;
  // Halfway between the nth and the next keeps everyone else's order and key untouched.
  return n === keys.length ? keys[n - 1]! + 1 : (keys[n - 1]! + keys[n]!) / 2;
}

/** 'back' goes strictly behind everyone now waiting for the target, even one issued this very ms. */
export function transferKey(mode: TransferMode, current: number, now: number, lastWaitingKey: number | null): number {
  return mode === 'keep' ? current : Math.max(now, (lastWaitingKey ?? -Infinity) + 1);
}

/** A time of day as the hall writes it: 17:30. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** HH:MM on the hall's clock at `now`. */
export function hallClockTime(now: number, utcOffsetMinutes: number): string {
  return new Date(now + utcOffsetMinutes * 60_000).toISOString().slice(11, 16);
}

/** Whether the hall's closing time has come today (HH:MM compare as text: both are zero-padded). */
export const pastClosingTime = (now: number, s: Pick<QueueSettings, 'utcOffsetMinutes' | 'closingTime'>): boolean =>
  hallClockTime(now, s.utcOffsetMinutes) >= s.closingTime;

/** How each open ticket ends when the day is closed: every ticket in exactly one final state. */
export function dayCloseOutcome(status: TicketStatus): { status: TicketStatus; reason: string } | null {
  switch (status) {
    case 'waiting':
    case 'parked':
      return { status: 'cancelled', reason: '日终未办理' };
    case 'called':
    case 'missed':
      return { status: 'no_show', reason: '日终过号未到' };
    case 'serving':
      return { status: 'finished', reason: '日终结束服务' };
    default:
      return null;
  }
}

export function requireStatus(t: { status: TicketStatus; number?: string }, allowed: readonly TicketStatus[], message: string): void {
  if (!allowed.includes(t.status)) throw new CommandError(ErrorCode.TICKET_STATE, message);
}
