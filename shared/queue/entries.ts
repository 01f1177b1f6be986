import type { Priority } from './enums';
import { numberedBy } from './rules';

/**
 * Queue entries (DOMAIN.md "Queue"), the unit of every wait figure. A ticket enters a queue when it
 * is issued, transferred, back from park (when it becomes callable again) or reinstated after a
 * no-show; an entry sent to a counter belongs to the ticket's service. It waits until the last call
 * of the call series that ends it (recalls extend the series; what the person then does does not
 * change the wait). Derived from the ticket's events alone, so the hub's reports and every face
 * holding the events compute the same entries.
 */

/** What put the ticket in line. */
export type EntryCause = 'issue' | 'transfer' | 'park' | 'reinstate';
/** What ended the entry: its call series' outcome, or the day's close. */
export type EntryEnd = 'finish' | 'no_show' | 'transfer' | 'park' | 'day_close';

export interface QueueEntry {
  ticketId: string;
  priority: Priority;
  /** When the ticket was issued: a ticket's total is finish − issue. */
  issuedAt: number;
  serviceId: string;
  /** The counter it was sent to (a transfer to a counter, a parked ticket coming back), if any. */
  sentTo: string | null;
  cause: EntryCause;
  enteredAt: number;
  /** The first and the last call of the series that ended it; null while it waits or when it ended uncalled. */
  firstCalledAt: number | null;
  calledAt: number | null;
  /** Where and by whom it was called. */
  counterId: string | null;
  staffId: string | null;
  startedAt: number | null;
  endedAt: number | null;
  end: EntryEnd | null;
}

export interface EntryTicket {
  id: string;
  number: string;
  priority: Priority;
}

export interface EntryEvent {
  id: string;
  ticket_id: string;
  type: string;
  counter_id: string | null;
  staff_id: string | null;
  at: number;
  detail: string | null;
}

/** A ticket's n-th event has the id `<ticket id>-<n>`: its place in the ticket's history. */
const eventIndex = (e: EntryEvent) => Number(e.id.slice(e.id.lastIndexOf('-') + 1));

/**
 * A ticket's entries, oldest first, from its events (any order) as of `now`. `issuedServiceId` is
 * the service that issued it: later services follow from its transfers.
 */
export function ticketEntries(ticket: EntryTicket, events: readonly EntryEvent[], issuedServiceId: string, now: number): QueueEntry[] {
  const entries: QueueEntry[] = [];
  let serviceId = issuedServiceId;
  let issuedAt = 0;
  /** Parked: in line again from `until`, sent back to the counter that parked it. */
  let parked: { until: number; counterId: string | null } | null = null;
  const enter = (cause: EntryCause, enteredAt: number, sentTo: string | null) =>
    entries.push({
      ticketId: ticket.id,
      priority: ticket.priority,
      issuedAt,
      serviceId,
      sentTo,
      cause,
      enteredAt,
      firstCalledAt: null,
      calledAt: null,
      counterId: null,
      staffId: null,
      startedAt: null,
      endedAt: null,
      end: null,
    });
  const close = (end: EntryEnd, at: number) => {
    const open = currentEntry(entries);
    if (open) Object.assign(open, { end, endedAt: at });
  };

  for (const e of [...events].sort((a, b) => eventIndex(a) - eventIndex(b))) {
    const open = currentEntry(entries);
    switch (e.type) {
      case 'issue':
        issuedAt = e.at;
        enter('issue', e.at, null);
        break;
      case 'call':
      case 'call_specific': {
        // A parked ticket called before its time came back early; a no-show set aside and called
        // by number is back in line at that call.
        if (parked) enter('park', Math.min(parked.until, e.at), parked.counterId);
        else if (!open) enter('reinstate', e.at, null);
        parked = null;
        Object.assign(currentEntry(entries)!, { firstCalledAt: e.at, calledAt: e.at, counterId: e.counter_id, staffId: e.staff_id });
        break;
      }
      case 'recall':
        if (open) open.calledAt = e.at;
        break;
      case 'start':
        if (open) open.startedAt = e.at;
        break;
      case 'finish':
      case 'no_show':
        close(e.type, e.at);
        break;
      case 'reinstate':
        enter('reinstate', e.at, null);
        break;
      case 'transfer': {
        const to = JSON.parse(e.detail ?? '{}') as { toServiceId?: string | null; toCounterId?: string | null };
        close('transfer', e.at);
        serviceId = to.toServiceId ?? serviceId;
        enter('transfer', e.at, to.toCounterId ?? null);
        break;
      }
      case 'park': {
        const { minutes } = JSON.parse(e.detail ?? '{}') as { minutes: number };
        close('park', e.at);
        parked = { until: e.at + minutes * 60_000, counterId: e.counter_id };
        break;
      }
      case 'day_close':
        // A parked ticket whose time had come waited, uncalled, until the close; one whose time had not never was in line.
        if (parked && parked.until <= e.at) enter('park', parked.until, parked.counterId);
        parked = null;
        close('day_close', e.at);
        break;
    }
  }
  if (parked && parked.until <= now) enter('park', parked.until, parked.counterId);
  return entries;
}

/**
 * The entries of a day's tickets, given their events (others are ignored) and the services, whose
 * prefix names the service that issued each number (a number keeps it through transfers).
 */
export function dayEntries(
  tickets: readonly (EntryTicket & { service_id: string })[],
  events: readonly EntryEvent[],
  services: readonly { id: string; prefix: string }[],
  now: number,
): QueueEntry[] {
  const byTicket = new Map<string, EntryEvent[]>(tickets.map((t) => [t.id, []]));
  for (const e of events) byTicket.get(e.ticket_id)?.push(e);
  return tickets.flatMap((t) =>
    ticketEntries(t, byTicket.get(t.id)!, services.find((s) => numberedBy(t.number, s.prefix))?.id ?? t.service_id, now),
  );
}

/** The wait of an entry that was called; null for one not (yet) called. */
export const entryWaitMs = (e: QueueEntry): number | null => (e.calledAt === null ? null : e.calledAt - e.enteredAt);

/** A ticket's own total wait: the sum of its entries' waits (one ticket's entries). */
export const ticketWaitMs = (entries: readonly QueueEntry[]): number => entries.reduce((sum, e) => sum + (entryWaitMs(e) ?? 0), 0);

/** The entry a ticket is in now, of its entries: waiting, or called and not yet ended. */
export function currentEntry(entries: readonly QueueEntry[]): QueueEntry | undefined {
  const last = entries.at(-1);
  return last && last.end === null ? last : undefined;
}
