import { describe, expect, it } from 'vitest';
import {
  CALL_HORIZON,
  callOrder,
  chooseNext,
  classDue,
  dayCloseOutcome,
  DEFAULT_SERVICE_MS,
  defaultQueueSettings,
  hallClockTime,
  hallDay,
  isEligible,
  lineReaderOf,
  linesOf,
  numberedBy,
  pastClosingTime,
  reinstateKey,
  ticketNumber,
  transferKey,
  typicalServiceMs,
  type CounterProfile,
  type Interleave,
  type OrderCounter,
  type QueueTicket,
} from '../../../shared/queue/rules';
import { parseQueueSettings, QueueSettingsPatch } from '../../../shared/queue/settings';
import { PRIORITIES, type Priority } from '../../../shared/queue/enums';
import { prng } from '../../support/prng';

const t = (id: string, service: string, key: number, extra: Partial<QueueTicket> = {}): QueueTicket => ({
  id,
  service_id: service,
  priority: 'normal',
  status: 'waiting',
  queue_key: key,
  target_counter_id: null,
  park_until: null,
  ...extra,
});
const counter = (extra: Partial<CounterProfile> = {}): CounterProfile => ({
  id: 'c1',
  serviceIds: ['A', 'B'],
  profile: 'ordered',
  ...extra,
});
const NOW = 1_000_000;
const RULE: Interleave = { priorityStreak: 2, normalStreak: 1 };
const NO_RUNS = new Map<string, number>();

/**
 * Calls until the queue is empty, the counters taking turns, carrying each service's run as the hub
 * does; returns the order.
 */
function drain(tickets: QueueTicket[], counters: CounterProfile | CounterProfile[], rule: Partial<Interleave> = {}): string[] {
  const left = [...tickets];
  const order: string[] = [];
  const runs = new Map<string, number>();
  const turns = [counters].flat();
  for (let i = 0; ; i++) {
    const next = chooseNext(left, turns[i % turns.length]!, runs, { ...RULE, ...rule }, NOW);
    if (!next) return order;
    order.push(next.ticket.id);
    left.splice(left.indexOf(next.ticket), 1);
    if (next.run) runs.set(next.run.serviceId, next.run.value);
  }
}

describe('numbering and the hall day', () => {
  it('prefix plus a three-digit daily sequence', () => {
    expect(ticketNumber('A', 23)).toBe('A023');
    expect(ticketNumber('K', 1)).toBe('K001');
    expect(ticketNumber('B', 1234)).toBe('B1234');
  });
  it('a number belongs to the service whose prefix issued it', () => {
    expect(numberedBy('A023', 'A')).toBe(true);
    expect(numberedBy('AB023', 'A')).toBe(false); // another service's two-letter prefix
    expect(numberedBy('AB023', 'AB')).toBe(true);
    expect(numberedBy('A', 'A')).toBe(false);
  });
  it('the day follows the hall’s local time, not UTC', () => {
    expect(hallDay(Date.parse('2026-11-25T15:59:59Z'), 480)).toBe('2026-11-25');
    expect(hallDay(Date.parse('2026-11-25T16:00:00Z'), 480)).toBe('2026-11-26');
  });
});

describe('interleave', () => {
  const normals = [t('n1', 'A', 1), t('n2', 'A', 2), t('n3', 'A', 3)];
  const priorities = [
    t('p1', 'A', 10, { priority: 'green' }),
    t('p2', 'A', 11, { priority: 'major' }),
    t('p3', 'A', 12, { priority: 'green' }),
    t('p4', 'A', 13, { priority: 'appointment' }),
  ];
  it('at most two priority calls in a row, then a normal one', () => {
    expect(drain([...normals, ...priorities], counter())).toEqual(['p1', 'p2', 'n1', 'p3', 'p4', 'n2', 'n3']);
  });
  it('is the service line’s rule across its counters, not each counter’s', () => {
    // Two counters taking turns: each has called one priority ticket when the line has called two.
    const second = counter({ id: 'c2' });
    expect(drain([...normals, ...priorities], [counter(), second])).toEqual(['p1', 'p2', 'n1', 'p3', 'p4', 'n2', 'n3']);
  });
  it('can be set the other way round: one priority call per two normal ones', () => {
    expect(drain([...normals, ...priorities], counter(), { priorityStreak: 1, normalStreak: 2 })).toEqual([
      'p1',
      'n1',
      'n2',
      'p2',
      'n3',
      'p3',
      'p4',
    ]);
  });
  it('a streak of 1 alternates; with no normal ticket waiting, priority keeps going', () => {
    const tickets = [
      t('n1', 'A', 1),
      t('p1', 'A', 10, { priority: 'green' }),
      t('p2', 'A', 11, { priority: 'green' }),
      t('p3', 'A', 12, { priority: 'green' }),
    ];
    expect(drain(tickets, counter(), { priorityStreak: 1 })).toEqual(['p1', 'n1', 'p2', 'p3']);
  });
  it('the run carries across calls; a call that passed over nobody leaves it', () => {
    const both = [t('n1', 'A', 1), t('p1', 'A', 10, { priority: 'green' })];
    expect(chooseNext(both, counter(), new Map([['A', 2]]), RULE, NOW)).toEqual({
      ticket: expect.objectContaining({ id: 'n1' }),
      run: { serviceId: 'A', value: -1 },
    });
    expect(chooseNext([both[1]!], counter(), new Map([['A', 2]]), RULE, NOW)).toEqual({ ticket: both[1], run: null });
    expect([0, 1, 2, -1].map((run) => classDue(run, RULE))).toEqual(['priority', 'priority', 'normal', 'priority']);
    expect([0, 1, -1, -2].map((run) => classDue(run, { priorityStreak: 1, normalStreak: 2 }))).toEqual([
      'priority',
      'normal',
      'normal',
      'priority',
    ]);
  });
  it('each service keeps its own run', () => {
    const runs = new Map([
      ['A', 2],
      ['B', 0],
    ]);
    const tickets = [t('a1', 'A', 1), t('ap', 'A', 5, { priority: 'green' }), t('b1', 'B', 2), t('bp', 'B', 6, { priority: 'green' })];
    // A is due a normal call; B's priority ticket is due, and a priority ticket goes first across services.
    expect(chooseNext(tickets, counter(), runs, RULE, NOW)).toEqual({ ticket: tickets[3], run: { serviceId: 'B', value: 1 } });
    expect(chooseNext(tickets.slice(0, 3), counter(), runs, RULE, NOW)).toEqual({ ticket: tickets[0], run: { serviceId: 'A', value: -1 } });
  });
});

describe('work profiles', () => {
  const tickets = [t('b1', 'B', 1), t('a1', 'A', 5), t('a2', 'A', 6), t('x1', 'X', 0)];
  it('ordered: the first service in the profile with anyone waiting, FIFO within it', () => {
    expect(drain(tickets, counter({ serviceIds: ['A', 'B'] }))).toEqual(['a1', 'a2', 'b1']);
    expect(drain(tickets, counter({ serviceIds: ['B', 'A'] }))).toEqual(['b1', 'a1', 'a2']);
  });
  it('longest wait first across the counter’s services; other services are never called', () => {
    expect(drain(tickets, counter({ profile: 'longest_wait' }))).toEqual(['b1', 'a1', 'a2']);
  });
  it('nothing waiting for the counter’s services: nothing to call', () => {
    expect(chooseNext([t('x1', 'X', 0)], counter(), NO_RUNS, RULE, NOW)).toBeNull();
  });
});

describe('eligibility: transfer to a counter, park with auto-return', () => {
  it('a ticket transferred to a counter is called only there, first, whatever its service', () => {
    const ticket = t('x1', 'X', 9, { target_counter_id: 'c2' });
    expect(isEligible(ticket, counter(), NOW)).toBe(false);
    expect(isEligible(ticket, counter({ id: 'c2' }), NOW)).toBe(true);
    // …and does not count in its line's interleave.
    const next = chooseNext(
      [t('p1', 'A', 1, { priority: 'green' }), t('n1', 'A', 2), ticket],
      counter({ id: 'c2' }),
      new Map([['A', 1]]),
      RULE,
      NOW,
    );
    expect(next).toEqual({ ticket, run: null });
  });
  it('a parked ticket returns by itself when its time is up, keeping its place', () => {
    const parked = t('a1', 'A', 1, { status: 'parked', park_until: NOW + 1, target_counter_id: 'c1' });
    const later = t('a2', 'A', 2);
    expect(chooseNext([parked, later], counter(), NO_RUNS, RULE, NOW)?.ticket.id).toBe('a2');
    expect(chooseNext([parked, later], counter(), NO_RUNS, RULE, NOW + 1)?.ticket.id).toBe('a1');
  });
  it('held, missed and final tickets are never called', () => {
    for (const status of ['called', 'serving', 'missed', 'finished', 'no_show', 'cancelled'] as const) {
      expect(isEligible(t('a', 'A', 1, { status }), counter(), NOW)).toBe(false);
    }
  });
});

describe('no-show return and transfer keys', () => {
  const waiting = [100, 200, 300, 400];
  it('front: ahead of everyone waiting', () => {
    expect(reinstateKey(waiting, 'front', 0)).toBeLessThan(100);
  });
  it('after N: behind exactly N waiting tickets', () => {
    const key = reinstateKey(waiting, 'after', 3);
    expect(waiting.filter((k) => k < key)).toHaveLength(3);
    expect(reinstateKey(waiting, 'after', 10)).toBeGreaterThan(400);
    expect(reinstateKey([], 'after', 3)).toBe(0);
    expect(reinstateKey(waiting, 'after', 0)).toBeLessThan(100);
  });
  it('transfer keeps its place or goes to the back', () => {
    expect(transferKey('keep', 100, 999, 500)).toBe(100);
    expect(transferKey('back', 100, 999, 500)).toBe(999);
    expect(transferKey('back', 100, 999, 999)).toBe(1000); // issued this very ms: still behind it
    expect(transferKey('back', 100, 999, null)).toBe(999);
  });
});

describe('day close and estimated wait', () => {
  it('every open status ends in exactly one final state; final ones stay', () => {
    expect(dayCloseOutcome('waiting')?.status).toBe('cancelled');
    expect(dayCloseOutcome('parked')?.status).toBe('cancelled');
    expect(dayCloseOutcome('called')?.status).toBe('no_show');
    expect(dayCloseOutcome('missed')?.status).toBe('no_show');
    expect(dayCloseOutcome('serving')?.status).toBe('finished');
    for (const s of ['finished', 'no_show', 'cancelled'] as const) expect(dayCloseOutcome(s)).toBeNull();
  });
  it('the closing time is on the hall’s clock (Asia/Shanghai by default, 17:30), to the minute', () => {
    const s = defaultQueueSettings;
    expect(s.closingTime).toBe('17:30');
    expect(hallClockTime(Date.parse('2026-11-25T00:27:00Z'), s.utcOffsetMinutes)).toBe('08:27');
    expect(pastClosingTime(Date.parse('2026-11-25T00:27:00Z'), s)).toBe(false);
    expect(pastClosingTime(Date.parse('2026-11-25T09:29:59Z'), s)).toBe(false);
    expect(pastClosingTime(Date.parse('2026-11-25T09:30:00Z'), s)).toBe(true);
    expect(pastClosingTime(Date.parse('2026-11-25T15:59:00Z'), s)).toBe(true); // 23:59
    expect(pastClosingTime(Date.parse('2026-11-25T16:00:00Z'), s)).toBe(false); // 00:00 the next day
    expect(pastClosingTime(Date.parse('2026-11-25T00:27:00Z'), { ...s, closingTime: '08:00' })).toBe(true);
    expect(parseQueueSettings('{"closingTime":"16:45"}').closingTime).toBe('16:45');
    // A stored value that no longer validates falls back to the defaults.
    expect(parseQueueSettings('{"closingTime":"5pm"}').closingTime).toBe('17:30');
    expect(QueueSettingsPatch.safeParse({ closingTime: '24:00' }).success).toBe(false);
  });
  it('a service’s typical time: the mean of its latest 20, 5 minutes before any', () => {
    expect(typicalServiceMs([4 * 60_000, 6 * 60_000])).toBe(5 * 60_000);
    expect(typicalServiceMs([...Array(20).fill(60_000), 10 * 60_000])).toBe(60_000);
    expect(typicalServiceMs([])).toBe(DEFAULT_SERVICE_MS);
  });
});

describe('who is ahead: the calling order simulated', () => {
  const MIN = 60_000;
  const open = (id: string, serviceIds: string[], freeAt = NOW): OrderCounter => ({ id, serviceIds, profile: 'ordered', freeAt });
  const order = (
    ticketId: string,
    tickets: QueueTicket[],
    counters: OrderCounter[],
    extra: { runs?: Map<string, number>; rule?: Interleave } = {},
  ) =>
    callOrder({
      ticketId,
      tickets,
      counters,
      runs: extra.runs ?? NO_RUNS,
      rule: extra.rule ?? RULE,
      serviceMs: (sid) => (sid === 'A' ? 4 * MIN : 10 * MIN),
      now: NOW,
    });
  const line = [t('n1', 'A', 1), t('n2', 'A', 2), t('n3', 'A', 3), t('n4', 'A', 4)];

  it('a priority ticket is not told the normal line’s wait: it is next', () => {
    const green = t('g1', 'A', 9, { priority: 'green' });
    expect(order('g1', [...line, green], [open('c1', ['A'])])).toEqual({ ahead: 0, waitMs: 0 });
    // Its run used up, the line is due a normal call first.
    expect(order('g1', [...line, green], [open('c1', ['A'])], { runs: new Map([['A', 2]]) })).toEqual({ ahead: 1, waitMs: 4 * MIN });
  });

  it('a normal ticket counts the priority tickets the interleave will call before it', () => {
    const tickets = [t('n1', 'A', 1), t('g1', 'A', 5, { priority: 'green' }), t('g2', 'A', 6, { priority: 'green' }), t('n2', 'A', 7)];
    // 2 : 1 from a fresh run: g1, g2, n1, then n2.
    expect(order('n2', tickets, [open('c1', ['A'])])).toEqual({ ahead: 3, waitMs: 12 * MIN });
    // 1 : 2: g1, n1, n2.
    expect(order('n2', tickets, [open('c1', ['A'])], { rule: { priorityStreak: 1, normalStreak: 2 } })).toEqual({
      ahead: 2,
      waitMs: 8 * MIN,
    });
  });

  it('several counters, busy ones free later, and each service’s own time', () => {
    // c1 is free in 2 minutes, c2 now; c2 serves B first (10 minutes each).
    const tickets = [...line, t('b1', 'B', 0)];
    const counters = [open('c1', ['A'], NOW + 2 * MIN), open('c2', ['B', 'A'])];
    // c2: b1 (0–10); c1: n1 (2–6), n2 (6–10), n3 (10–14); c2: n4 at 10.
    expect(order('n4', tickets, counters)).toEqual({ ahead: 3, waitMs: 10 * MIN });
    expect(order('b1', tickets, counters)).toEqual({ ahead: 0, waitMs: 0 });
  });

  it('tickets sent to a counter go first there; a parked ticket comes back at its time', () => {
    const sent = t('x1', 'A', 50, { target_counter_id: 'c1' });
    expect(order('n1', [...line, sent], [open('c1', ['A'])])).toEqual({ ahead: 1, waitMs: 4 * MIN });
    const parked = t('pk', 'A', 0, { status: 'parked', park_until: NOW + 5 * MIN, target_counter_id: 'c1' });
    // n1 (0–4), n2 (4–8), then the parked one, back since 5, before n3.
    expect(order('n3', [...line, parked], [open('c1', ['A'])])).toEqual({ ahead: 3, waitMs: 12 * MIN });
    // A counter with nothing to call waits for a parked ticket's return.
    expect(order('pk', [parked], [open('c1', ['A'])])).toEqual({ ahead: 0, waitMs: 5 * MIN });
  });

  it('no counter open for it: the order of its line alone, and no estimate', () => {
    const green = t('g1', 'A', 9, { priority: 'green' });
    expect(order('n3', [...line, green], [open('c9', ['B'])])).toEqual({ ahead: 3, waitMs: null });
    expect(order('n3', [...line, green], [])).toEqual({ ahead: 3, waitMs: null });
  });
});

describe('the calling order reads the line only as deep as its calls reach', () => {
  const MIN = 60_000;
  const serviceMs = (sid: string) => (sid === 'A' ? 4 * MIN : sid === 'B' ? 7 * MIN : 10 * MIN);

  /** A hall's waiting tickets drawn from `seed`: three services, every class, ties of key, parked and sent tickets. */
  function hall(seed: number, n: number) {
    const rnd = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const tickets = Array.from({ length: n }, (_, i): QueueTicket => {
      const kind = rnd();
      return t(`t${i}`, pick(['A', 'B', 'C']), Math.floor(rnd() * n), {
        priority: rnd() < 0.7 ? 'normal' : pick(PRIORITIES),
        ...(kind < 0.05 ? { status: 'parked', park_until: NOW + Math.floor(rnd() * 30) * MIN, target_counter_id: pick(['c1', 'c2']) } : {}),
        ...(kind >= 0.05 && kind < 0.1 ? { target_counter_id: pick(['c1', 'c2', 'c3']) } : {}),
      });
    });
    const counters: OrderCounter[] = [
      { id: 'c1', serviceIds: ['A', 'B'], profile: 'ordered', freeAt: NOW },
      { id: 'c2', serviceIds: ['B', 'C', 'A'], profile: 'longest_wait', freeAt: NOW + 3 * MIN },
      { id: 'c3', serviceIds: ['C'], profile: 'ordered', freeAt: NOW + MIN },
    ];
    return { tickets, counters, runs: new Map([['A', Math.floor(rnd() * 3) - 1]]), pick };
  }

  /** The calling order as first written: chooseNext over every ticket left, call after call (the figures must not change). */
  function plainOrder(target: QueueTicket, tickets: readonly QueueTicket[], counters: readonly OrderCounter[], runs0: Map<string, number>) {
    const left = [...tickets];
    const runs = new Map(runs0);
    const free = counters.map((c) => ({ ...c }));
    let ahead = 0;
    while (free.length) {
      free.sort((a, b) => a.freeAt - b.freeAt || a.id.localeCompare(b.id));
      const counter = free[0]!;
      const next = chooseNext(left, counter, runs, RULE, counter.freeAt);
      if (!next) {
        const back = left.filter(
          (x) =>
            x.status === 'parked' && x.park_until! > counter.freeAt && isEligible({ ...x, status: 'waiting' }, counter, counter.freeAt),
        );
        if (back.length) counter.freeAt = Math.min(...back.map((x) => x.park_until!));
        else free.shift();
        continue;
      }
      if (next.ticket === target) return { ahead, waitMs: counter.freeAt - NOW };
      if (next.ticket.service_id === target.service_id) ahead++;
      if (next.run) runs.set(next.run.serviceId, next.run.value);
      left.splice(left.indexOf(next.ticket), 1);
      counter.freeAt += serviceMs(next.ticket.service_id);
    }
    return null;
  }

  it('a counter’s candidates decide its call as the whole line would', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { tickets, counters, runs } = hall(seed, 60);
      for (const c of counters)
        for (const at of [NOW, NOW + 15 * MIN, NOW + 40 * MIN]) {
          expect(chooseNext(linesOf(tickets).candidates(c), c, runs, RULE, at)).toEqual(chooseNext(tickets, c, runs, RULE, at));
        }
    }
  });

  it('tells every ticket of a busy hall the figures of the plain simulation', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { tickets, counters, runs } = hall(seed, 150);
      for (const target of tickets.filter((_, i) => i % 10 === 0)) {
        const plain = plainOrder(target, tickets, counters, runs);
        const told = callOrder({ ticketId: target.id, tickets, counters, runs, rule: RULE, serviceMs, now: NOW });
        if (plain) expect(told).toEqual(plain);
        else expect(told.waitMs).toBeNull();
      }
    }
  });

  it('past its horizon it counts the rest of the line without reading it: a steady line gets the very figures', () => {
    const n = 3 * CALL_HORIZON;
    const tickets = Array.from({ length: n }, (_, i) => t(`n${i}`, 'A', i));
    let read = 0;
    const reader = lineReaderOf(tickets);
    const counting: typeof reader = {
      next: (serviceId: string, priority: Priority, after: number | null, limit: number) => {
        const rows = reader.next(serviceId, priority, after, limit);
        read += rows.length;
        return rows;
      },
      countBefore: reader.countBefore,
    };
    const told = callOrder({
      ticketId: `n${n - 1}`,
      tickets,
      counters: [{ id: 'c1', serviceIds: ['A'], profile: 'ordered', freeAt: NOW }],
      runs: NO_RUNS,
      rule: RULE,
      serviceMs,
      now: NOW,
      lines: () => linesOf(tickets, counting),
    });
    expect(told).toEqual({ ahead: n - 1, waitMs: (n - 1) * 4 * MIN });
    expect(read).toBeGreaterThanOrEqual(CALL_HORIZON);
    expect(read).toBeLessThanOrEqual(1.1 * CALL_HORIZON);
  });
});
