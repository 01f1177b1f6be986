import { describe, expect, it } from 'vitest';
import { currentEntry, dayEntries, ticketEntries, ticketWaitMs, type EntryEvent, type QueueEntry } from '../../../shared/queue/entries';
import { dayFigures, hallAlerts, IDLE_GRACE_MS, signedInMs, throughputPerHour } from '../../../shared/queue/kpi';
import type { QueueTicket } from '../../../shared/queue/rules';

const MIN = 60_000;
const NOW = 100 * MIN;

/** A ticket's history as the hub writes it: `[minute, type, counter, detail]`, numbered in order. */
function history(ticketId: string, steps: [number, string, string | null, Record<string, unknown>?][]): EntryEvent[] {
  return steps.map(([m, type, counter, detail], i) => ({
    id: `${ticketId}-${i + 1}`,
    ticket_id: ticketId,
    type,
    counter_id: counter,
    staff_id: counter && `staff-${counter}`,
    at: m * MIN,
    detail: detail ? JSON.stringify(detail) : null,
  }));
}
const entriesOf = (id: string, steps: Parameters<typeof history>[1], now = NOW) =>
  ticketEntries({ id, number: 'A001', priority: 'normal' }, history(id, steps), 'A', now);
const waits = (entries: QueueEntry[]) => entries.map((e) => (e.calledAt === null ? null : (e.calledAt - e.enteredAt) / MIN));

describe('queue entries', () => {
  it('one per time in line: issue, reinstatement, transfer, return from park; each waits to the last call of its series', () => {
    const entries = entriesOf('t', [
      [0, 'issue', null, { priority: 'normal' }],
      [10, 'call', 'c1'],
      [11, 'recall', 'c1'],
      [12, 'recall', 'c1'],
      [13, 'no_show', 'c1'],
      [20, 'reinstate', 'c2'],
      [25, 'call', 'c2'],
      [26, 'start', 'c2'],
      [30, 'transfer', 'c2', { toServiceId: 'B', toCounterId: null, mode: 'keep' }],
      [40, 'call', 'c3'],
      [41, 'start', 'c3'],
      [45, 'park', 'c3', { minutes: 10 }],
      [60, 'call', 'c3'],
      [61, 'start', 'c3'],
      [70, 'finish', 'c3'],
    ]);
    expect(entries.map((e) => [e.cause, e.serviceId, e.sentTo, e.enteredAt / MIN, e.counterId, e.end])).toEqual([
      ['issue', 'A', null, 0, 'c1', 'no_show'],
      ['reinstate', 'A', null, 20, 'c2', 'transfer'],
      ['transfer', 'B', null, 30, 'c3', 'park'],
      // Back in line when its park time was up (55), sent back to the counter that parked it.
      ['park', 'B', 'c3', 55, 'c3', 'finish'],
    ]);
    // The no-show waited to its last recall: whether the person came does not change the wait.
    expect(waits(entries)).toEqual([12, 5, 10, 5]);
    expect(ticketWaitMs(entries)).toBe(32 * MIN);
    expect(entries[3]).toMatchObject({ startedAt: 61 * MIN, endedAt: 70 * MIN, issuedAt: 0, staffId: 'staff-c3' });
  });

  it('a transfer to a counter stays the ticket’s service’s; a back-of-queue transfer enters at the transfer', () => {
    const entries = entriesOf('t', [
      [0, 'issue', null],
      [5, 'call', 'c1'],
      [6, 'transfer', 'c1', { toServiceId: null, toCounterId: 'c2', mode: 'back' }],
      [9, 'call', 'c2'],
    ]);
    expect(entries.map((e) => [e.serviceId, e.sentTo, e.enteredAt / MIN, e.end])).toEqual([
      ['A', null, 0, 'transfer'],
      ['A', 'c2', 6, null],
    ]);
    expect(waits(entries)).toEqual([5, 3]);
  });

  it('parked: not in line before its time; called early, it is back at that call; the day may close first', () => {
    const parked: Parameters<typeof history>[1] = [
      [0, 'issue', null],
      [5, 'call', 'c1'],
      [6, 'park', 'c1', { minutes: 15 }],
    ];
    expect(entriesOf('t', parked, 20 * MIN)).toHaveLength(1);
    expect(currentEntry(entriesOf('t', parked, 20 * MIN))).toBeUndefined();
    expect(currentEntry(entriesOf('t', parked, 21 * MIN))).toMatchObject({ cause: 'park', enteredAt: 21 * MIN, sentTo: 'c1' });
    expect(waits(entriesOf('t', [...parked, [10, 'call_specific', 'c1', { reason: '回来了' }]]))).toEqual([5, 0]);
    // Closed before it came back: never in line again. After: it waited, uncalled, to the close.
    expect(entriesOf('t', [...parked, [20, 'day_close', null]])).toHaveLength(1);
    expect(entriesOf('t', [...parked, [30, 'day_close', null]])[1]).toMatchObject({
      enteredAt: 21 * MIN,
      calledAt: null,
      end: 'day_close',
    });
  });

  it('a no-show set aside and called by number is back in line at that call', () => {
    const entries = entriesOf('t', [
      [0, 'issue', null],
      [5, 'call', 'c1'],
      [6, 'no_show', 'c1'],
      [30, 'call_specific', 'c1', { reason: '回来了' }],
    ]);
    expect(entries.map((e) => [e.cause, e.enteredAt / MIN, e.calledAt! / MIN])).toEqual([
      ['issue', 0, 5],
      ['reinstate', 30, 30],
    ]);
  });

  it('events in any order, ordered by their number in the ticket’s history (not as text)', () => {
    const steps: Parameters<typeof history>[1] = [
      [0, 'issue', null],
      ...Array.from({ length: 11 }, (_, i) => [i + 1, 'recall', 'c1'] as [number, string, string]),
    ];
    steps[1] = [1, 'call', 'c1'];
    const events = history('t', steps).reverse();
    const [entry] = ticketEntries({ id: 't', number: 'A001', priority: 'normal' }, events, 'A', NOW);
    expect(entry).toMatchObject({ firstCalledAt: 1 * MIN, calledAt: 11 * MIN });
  });

  it('a day’s entries: each ticket’s issuing service from its number’s prefix, kept through transfers', () => {
    const entries = dayEntries(
      [{ id: 't', number: 'B007', priority: 'green', service_id: 'A' }],
      history('t', [
        [0, 'issue', null],
        [1, 'call', 'c1'],
        [2, 'transfer', 'c1', { toServiceId: 'A', toCounterId: null, mode: 'keep' }],
      ]),
      [
        { id: 'A', prefix: 'A' },
        { id: 'B', prefix: 'B' },
      ],
      NOW,
    );
    expect(entries.map((e) => [e.serviceId, e.priority])).toEqual([
      ['B', 'green'],
      ['A', 'green'],
    ]);
  });
});

describe('the day’s figures', () => {
  const services = [
    { id: 'A', max_wait_min: 10 },
    { id: 'B', max_wait_min: 10 },
  ];
  const row = (service_id: string, status: QueueTicket['status'], park_until: number | null = null) => ({ service_id, status, park_until });

  it('count a no-show when it happens, issued by the issuing service, waiting only those in line', () => {
    const entries = [
      // t1: called, no-show, set aside (missed) until the day closes.
      ...entriesOf('t1', [
        [0, 'issue', null],
        [4, 'call', 'c1'],
        [5, 'no_show', 'c1'],
      ]),
      // t2: issued by A, transferred to B and waiting there.
      ...entriesOf('t2', [
        [1, 'issue', null],
        [20, 'call', 'c1'],
        [21, 'transfer', 'c1', { toServiceId: 'B', toCounterId: null, mode: 'back' }],
      ]),
      // t3: parked, not back yet.
      ...entriesOf('t3', [
        [2, 'issue', null],
        [30, 'call', 'c2'],
        [31, 'start', 'c2'],
        [35, 'park', 'c2', { minutes: 240 }],
      ]),
    ];
    const tickets = [row('A', 'missed'), row('B', 'waiting'), row('A', 'parked', NOW + 1)];
    const f = dayFigures({ now: NOW, tickets, entries, services });
    expect(f.hall).toMatchObject({ issued: 3, noShows: 1, waiting: 1, called: 3, longestWaitMs: (100 - 21) * MIN });
    expect(f.services.get('A')).toMatchObject({ issued: 3, noShows: 1, waiting: 0, called: 3, longestWaitMs: null });
    expect(f.services.get('B')).toMatchObject({ issued: 0, waiting: 1, called: 0, longestWaitMs: 79 * MIN });
    // Waits 4, 19 and 28 minutes: one within A's 10-minute target.
    expect(f.services.get('A')).toMatchObject({ waitMs: 51 * MIN, withinTarget: 1 });
    expect(f.counters.get('c1')).toMatchObject({ called: 2, waitMs: 23 * MIN, noShows: 1 });
    expect(f.staff.get('staff-c2')).toMatchObject({ called: 1, started: 1, walkMs: MIN, servingMs: 4 * MIN, finished: 0 });
  });

  it('service, walk and total over finished entries; entries the close ended uncalled counted apart', () => {
    const entries = [
      ...entriesOf('t1', [
        [0, 'issue', null],
        [10, 'call', 'c1'],
        [12, 'start', 'c1'],
        [20, 'finish', 'c1'],
      ]),
      ...entriesOf('t2', [
        [5, 'issue', null],
        [50, 'day_close', null],
      ]),
      ...entriesOf('t3', [
        [6, 'issue', null],
        [20, 'call', 'c1'],
        [50, 'day_close', null],
      ]),
    ];
    const f = dayFigures({ now: NOW, tickets: [], entries, services });
    expect(f.hall).toMatchObject({
      called: 2,
      waitMs: 24 * MIN,
      uncalled: 1,
      finished: 1,
      serviceMs: 8 * MIN,
      walkMs: 2 * MIN,
      totalMs: 20 * MIN,
    });
    // Called and never come when the day closed: a no-show too.
    expect(f.hall.noShows).toBe(1);
  });

  it('signed-in time from the counter log; idle is signed in less serving; throughput per signed-in hour', () => {
    const log = [
      { counter_id: 'c1', staff_id: 'u1', event: 'sign_in' as const, at: 10 * MIN },
      { counter_id: 'c1', staff_id: 'u1', event: 'pause' as const, at: 20 * MIN },
      { counter_id: 'c1', staff_id: 'u1', event: 'sign_out' as const, at: 40 * MIN },
      { counter_id: 'c1', staff_id: 'u2', event: 'sign_in' as const, at: 70 * MIN },
      // c2 signed in before the day began: its first record today is a pause.
      { counter_id: 'c2', staff_id: 'u3', event: 'pause' as const, at: 5 * MIN },
    ];
    const counters = [
      { id: 'c1', state: 'open', staff_id: 'u2' },
      { id: 'c2', state: 'paused', staff_id: 'u3' },
      { id: 'c3', state: 'open', staff_id: 'u4' },
      { id: 'c4', state: 'closed', staff_id: null },
    ];
    const s = signedInMs(log, counters, 0, NOW);
    expect(Object.fromEntries(s.counters)).toEqual({ c1: 60 * MIN, c2: 100 * MIN, c3: 100 * MIN });
    expect(Object.fromEntries(s.staff)).toEqual({ u1: 30 * MIN, u2: 30 * MIN, u3: 100 * MIN, u4: 100 * MIN });
    expect(throughputPerHour(3, 30 * MIN)).toBe(6);
    expect(throughputPerHour(0, 0)).toBeNull();
  });
});

describe('alerts', () => {
  const thresholds = { maxWaitMin: 30, maxServiceMin: 20, maxCallMin: 5, queueCap: 2 };
  const services = [{ id: 'A', ...thresholds }];
  const counter = (extra: Record<string, unknown> = {}) => ({
    id: 'c1',
    serviceIds: ['A'],
    profile: 'ordered' as const,
    state: 'open',
    last_seen_at: NOW,
    state_since: 0,
    ...extra,
  });
  const waiting = (id: string, key = 0): QueueTicket => ({
    id,
    service_id: 'A',
    priority: 'normal',
    status: 'waiting',
    queue_key: key,
    target_counter_id: null,
    park_until: null,
  });
  const alerts = (entries: QueueEntry[], tickets: QueueTicket[], c = counter()) =>
    hallAlerts({
      now: NOW,
      services,
      counters: [c],
      tickets,
      entries,
      figures: dayFigures({ now: NOW, tickets, entries, services: [{ id: 'A', max_wait_min: 30 }] }),
    });

  it('wait over its maximum (the current entry’s), queue over its cap, idle while people wait', () => {
    const entries = [
      ...entriesOf('w1', [[NOW / MIN - 31, 'issue', null]]),
      ...entriesOf('w2', [[NOW / MIN - 1, 'issue', null]]),
      ...entriesOf('w3', [[NOW / MIN, 'issue', null]]),
    ];
    expect(alerts(entries, [waiting('w1'), waiting('w2'), waiting('w3')])).toEqual([
      { kind: 'wait_over_max', serviceId: 'A', minutes: 31 },
      { kind: 'queue_over_cap', serviceId: 'A', waiting: 3 },
      { kind: 'idle_while_waiting', counterId: 'c1', waiting: 3 },
    ]);
  });

  it('a ticket issued long ago but back in line just now has not waited long', () => {
    const entries = entriesOf('w1', [
      [0, 'issue', null],
      [10, 'call', 'c2'],
      [98, 'transfer', 'c2', { toServiceId: 'A', toCounterId: null, mode: 'back' }],
    ]);
    expect(alerts(entries, [waiting('w1')]).map((a) => a.kind)).toEqual(['idle_while_waiting']);
  });

  it('whatever ended the held ticket — finish, transfer, park, no-show — starts the idle grace period', () => {
    const held: Parameters<typeof history>[1] = [
      [0, 'issue', null],
      [90, 'call', 'c1'],
      [91, 'start', 'c1'],
    ];
    const justNow = NOW / MIN - 0.5;
    const endings: Parameters<typeof history>[1][number][] = [
      [justNow, 'finish', 'c1'],
      [justNow, 'transfer', 'c1', { toServiceId: 'A', toCounterId: null, mode: 'back' }],
      [justNow, 'park', 'c1', { minutes: 5 }],
      [justNow, 'no_show', 'c1'],
    ];
    const others = entriesOf('w9', [[0, 'issue', null]]);
    for (const end of endings) {
      expect(alerts([...entriesOf('h', [...held, end]), ...others], [waiting('w9')]), end[1]).toEqual([
        { kind: 'wait_over_max', serviceId: 'A', minutes: 100 },
      ]);
    }
    const longAgo = NOW - IDLE_GRACE_MS - 1;
    expect(
      alerts([...entriesOf('h', [...held, [longAgo / MIN, 'park', 'c1', { minutes: 5 }]]), ...others], [waiting('w9')]).map((a) => a.kind),
    ).toEqual(['wait_over_max', 'idle_while_waiting']);
  });

  it('no idle alert for a paused counter or one holding a ticket', () => {
    const entries = entriesOf('w1', [[NOW / MIN - 1, 'issue', null]]);
    expect(alerts(entries, [waiting('w1')], counter({ state: 'paused' }))).toEqual([]);
    expect(alerts(entries, [waiting('w1')], counter({ state_since: NOW - 1000 }))).toEqual([]);
    const called = entriesOf('h', [
      [0, 'issue', null],
      [NOW / MIN - 1, 'call', 'c1'],
    ]);
    expect(alerts([...entries, ...called], [waiting('w1')])).toEqual([]);
  });

  it('a ticket called and not started past its service’s limit, from the first call of its series', () => {
    const called = entriesOf('h', [
      [80, 'issue', null],
      [94, 'call', 'c1'],
      [99, 'recall', 'c1'],
    ]);
    expect(alerts(called, [])).toEqual([{ kind: 'called_not_started', counterId: 'c1', ticketId: 'h', minutes: 6 }]);
    expect(
      alerts(
        entriesOf('h', [
          [80, 'issue', null],
          [96, 'call', 'c1'],
        ]),
        [],
      ),
    ).toEqual([]);
  });

  it('service running past its maximum', () => {
    const serving = entriesOf('h', [
      [60, 'issue', null],
      [70, 'call', 'c1'],
      [75, 'start', 'c1'],
    ]);
    expect(alerts(serving, [])).toEqual([{ kind: 'service_over_max', counterId: 'c1', minutes: 25 }]);
  });
});
