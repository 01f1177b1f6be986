import type { Hub } from '../../main/hub/hub';
import type { Row } from '../../shared/protocol';
import { hallDay, hallDayStart } from '../../shared/queue/rules';

/**
 * The queue figures the faces show, computed from the hub's raw tickets, ticket_events and counter_log
 * rows as DOMAIN.md ("Queue") words them — on purpose not with the product's code — for the scripted
 * day of tests/integration/queueFigures.test.ts to hold the product's figures against.
 */

const MIN = 60_000;
const OFFSET = 480;

type Ticket = Row<'tickets'> & { issued_service_id: string };
type Event = Row<'ticket_events'>;

/** One time a ticket stood in line (DOMAIN's queue entry), and how the call series that ended it went. */
export interface Stay {
  ticket: Ticket;
  service: string;
  /** The counter it was sent to alone (a transfer to a counter, a park coming back), if any. */
  sentTo: string | null;
  since: number;
  firstCall: number | null;
  lastCall: number | null;
  counter: string | null;
  staff: string | null;
  start: number | null;
  end: number | null;
  how: string | null;
}

function staysOf(t: Ticket, events: Event[], now: number): Stay[] {
  const own = events.filter((e) => e.ticket_id === t.id).sort((a, b) => Number(a.id.split('-').pop()) - Number(b.id.split('-').pop()));
  const stays: Stay[] = [];
  let service = t.issued_service_id;
  // In line since (issue, transfer, reinstatement), or back at `parkedTill` (park), or neither (set aside).
  let inLineSince: number | null = null;
  let parkedTill: number | null = null;
  let called: Stay | null = null;
  let sentTo: string | null = null;
  const stand = (since: number): Stay => {
    const s: Stay = {
      ticket: t,
      service,
      sentTo,
      since,
      firstCall: null,
      lastCall: null,
      counter: null,
      staff: null,
      start: null,
      end: null,
      how: null,
    };
    stays.push(s);
    return s;
  };
  const leave = (how: string, at: number) => {
    if (called) Object.assign(called, { end: at, how });
    called = null;
  };
  for (const e of own) {
    const detail = JSON.parse(e.detail ?? '{}') as Record<string, unknown>;
    if (e.type === 'issue' || e.type === 'reinstate') [inLineSince, sentTo] = [e.at, null];
    if (e.type === 'call' || e.type === 'call_specific') {
      // Back from park when its time was up (or when called early); set aside and called by number: back at the call.
      const since = inLineSince ?? (parkedTill !== null ? Math.min(parkedTill, e.at) : e.at);
      if (inLineSince === null && parkedTill === null) sentTo = null;
      called = Object.assign(stand(since), { firstCall: e.at, lastCall: e.at, counter: e.counter_id, staff: e.staff_id });
      inLineSince = parkedTill = null;
    }
    if (e.type === 'recall') called!.lastCall = e.at;
    if (e.type === 'start') called!.start = e.at;
    if (e.type === 'finish' || e.type === 'no_show') leave(e.type, e.at);
    if (e.type === 'transfer') {
      leave('transfer', e.at);
      service = (detail.toServiceId as string | null) ?? service;
      sentTo = (detail.toCounterId as string | null) ?? null;
      inLineSince = e.at;
    }
    if (e.type === 'park') {
      leave('park', e.at);
      parkedTill = e.at + (detail.minutes as number) * MIN;
      sentTo = e.counter_id;
    }
    if (e.type === 'day_close') {
      if (parkedTill !== null && parkedTill <= e.at) inLineSince = parkedTill;
      if (inLineSince !== null) Object.assign(stand(inLineSince), { end: e.at, how: 'day_close' });
      leave('day_close', e.at);
      inLineSince = parkedTill = null;
    }
  }
  if (parkedTill !== null && parkedTill <= now) inLineSince = parkedTill;
  if (inLineSince !== null) stand(inLineSince);
  return stays;
}

const waitOf = (s: Stay) => (s.lastCall === null ? null : s.lastCall - s.since);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => (xs.length ? sum(xs) / xs.length : null);
export const noShow = (s: Stay) => s.how === 'no_show' || (s.how === 'day_close' && s.lastCall !== null && s.start === null);
const inLineNow = (t: Ticket, now: number) => t.status === 'waiting' || (t.status === 'parked' && t.park_until! <= now);

export function rawDay(hub: Hub, now: number) {
  const all = <T>(sql: string, ...args: unknown[]) => hub.db.prepare(sql).all(...args) as T[];
  const day = hallDay(now, OFFSET);
  const tickets = all<Ticket>('SELECT * FROM tickets WHERE day = ?', day);
  const events = all<Event>('SELECT * FROM ticket_events');
  const stays = tickets.flatMap((t) => staysOf(t, events, now));
  const services = all<Row<'services'>>('SELECT * FROM services ORDER BY sort');
  const maxWait = new Map(services.map((s) => [s.id, s.max_wait_min * MIN]));
  const waits = (ss: Stay[]) => ss.map(waitOf).filter((w): w is number => w !== null);
  const within = (ss: Stay[]) => ss.filter((s) => waitOf(s) !== null && waitOf(s)! <= maxWait.get(s.service)!).length;
  const finished = (ss: Stay[]) => ss.filter((s) => s.how === 'finish');
  const waitingSince = (t: Ticket) => stays.filter((s) => s.ticket === t && s.lastCall === null && s.end === null).map((s) => s.since)[0]!;
  return { day, tickets, events, stays, services, waits, within, finished, waitingSince, maxWait };
}

/** The hub's today figures, computed apart. */
export function expectedToday(hub: Hub, now: number) {
  const r = rawDay(hub, now);
  const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  const pct = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);
  const minutes = (xs: number[]) => round1(mean(xs.map((x) => x / MIN)));
  const done = r.finished(r.stays);
  const noShows = r.stays.filter(noShow).length;
  return {
    issued: r.tickets.length,
    waiting: r.tickets.filter((t) => inLineNow(t, now)).length,
    finished: done.length,
    noShow: noShows,
    noShowPct: pct(noShows, r.tickets.length),
    called: r.waits(r.stays).length,
    avgWaitMin: minutes(r.waits(r.stays)),
    serviceLevelPct: pct(r.within(r.stays), r.waits(r.stays).length),
    uncalled: r.stays.filter((s) => s.how === 'day_close' && s.lastCall === null).length,
    avgWalkMin: minutes(r.stays.filter((s) => s.start !== null).map((s) => s.start! - s.lastCall!)),
    avgServiceMin: minutes(done.map((s) => s.end! - s.start!)),
    avgTotalMin: minutes(done.map((s) => s.end! - s.ticket.issued_at)),
  };
}

/** The board's service rows, computed apart. */
export function expectedServiceRows(hub: Hub, now: number) {
  const r = rawDay(hub, now);
  return r.services.map((s) => {
    const line = r.stays.filter((st) => st.service === s.id);
    const waiting = r.tickets.filter((t) => t.service_id === s.id && inLineNow(t, now));
    const waits = r.waits(line);
    return {
      prefix: s.prefix,
      waiting: waiting.length,
      longestWaitMs: waiting.length ? Math.max(...waiting.map((t) => now - r.waitingSince(t))) : null,
      called: waits.length,
      avgWaitMs: mean(waits),
      serviceLevel: waits.length ? r.within(line) / waits.length : null,
      issued: r.tickets.filter((t) => t.issued_service_id === s.id).length,
      noShows: line.filter(noShow).length,
    };
  });
}

/** A clerk's own figures, computed apart: served and waits by the staff who called; idle from the counter log. */
export function expectedClerk(hub: Hub, staffId: string, now: number) {
  const r = rawDay(hub, now);
  const mine = r.stays.filter((s) => s.staff === staffId);
  const log = hub.db
    .prepare('SELECT * FROM counter_log WHERE staff_id = ? AND at >= ? ORDER BY at')
    .all(staffId, hallDayStart(r.day, OFFSET)) as Row<'counter_log'>[];
  let signedIn = 0;
  let since: number | null = null;
  for (const l of log) {
    if (l.event === 'sign_in') since = l.at;
    if (l.event === 'sign_out') {
      signedIn += l.at - since!;
      since = null;
    }
  }
  if (since !== null) signedIn += now - since;
  const done = r.finished(mine);
  const serving = sum(mine.filter((s) => s.start !== null).map((s) => (s.end ?? now) - s.start!));
  return {
    finished: done.length,
    avgServiceMs: mean(done.map((s) => s.end! - s.start!)),
    called: r.waits(mine).length,
    avgWaitMs: mean(r.waits(mine)),
    idleMs: signedIn - serving,
    perHour: signedIn ? done.length / (signedIn / 3_600_000) : null,
  };
}

/** The board's alerts, computed apart from the rows and the services' and counters' settings. */
export function expectedAlerts(hub: Hub, now: number) {
  const r = rawDay(hub, now);
  const alerts: Record<string, unknown>[] = [];
  for (const s of r.services) {
    const waiting = r.tickets.filter((t) => t.service_id === s.id && inLineNow(t, now));
    const longest = waiting.length ? Math.max(...waiting.map((t) => now - r.waitingSince(t))) : 0;
    if (longest > s.max_wait_min * MIN) alerts.push({ kind: 'wait_over_max', serviceId: s.id, minutes: Math.floor(longest / MIN) });
    if (waiting.length > s.queue_cap) alerts.push({ kind: 'queue_over_cap', serviceId: s.id, waiting: waiting.length });
  }
  const counters = hub.db.prepare('SELECT * FROM counters').all() as Row<'counters'>[];
  const serves = hub.db.prepare('SELECT * FROM counter_services').all() as Row<'counter_services'>[];
  for (const c of counters) {
    const held = r.tickets.find((t) => t.counter_id === c.id && (t.status === 'called' || t.status === 'serving'));
    const limits = held && r.services.find((s) => s.id === held.service_id)!;
    if (held?.status === 'serving' && now - held.started_at! > limits!.max_service_min * MIN) {
      alerts.push({ kind: 'service_over_max', counterId: c.id, minutes: Math.floor((now - held.started_at!) / MIN) });
    }
    if (held?.status === 'called') {
      const seriesStart = r.stays.find((s) => s.ticket === held && s.end === null)!.firstCall!;
      if (now - seriesStart > limits!.max_call_min * MIN) {
        alerts.push({ kind: 'called_not_started', counterId: c.id, ticketId: held.id, minutes: Math.floor((now - seriesStart) / MIN) });
      }
    }
    const ends = r.events
      .filter((e) => e.counter_id === c.id && ['finish', 'no_show', 'transfer', 'park'].includes(e.type))
      .map((e) => e.at);
    const idleSince = Math.max(c.state_since ?? Infinity, ...ends);
    const mayCall = (t: Ticket) =>
      inLineNow(t, now) &&
      (t.target_counter_id === null
        ? serves.some((cs) => cs.counter_id === c.id && cs.service_id === t.service_id)
        : t.target_counter_id === c.id);
    const waiting = r.tickets.filter(mayCall).length;
    if (c.state === 'open' && !held && waiting > 0 && now - idleSince > 60_000 && now - c.last_seen_at! <= 90_000) {
      alerts.push({ kind: 'idle_while_waiting', counterId: c.id, waiting });
    }
  }
  return alerts;
}

/** A ticket's own total wait, computed apart: the sum of its times in line. */
export const expectedTicketWait = (hub: Hub, ticketId: string, now: number): number =>
  sum(
    rawDay(hub, now)
      .stays.filter((s) => s.ticket.id === ticketId)
      .map((s) => waitOf(s) ?? 0),
  );
