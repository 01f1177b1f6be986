import { describe, expect, it } from 'vitest';
import { averageServiceMs, hallAlerts, IDLE_GRACE_MS, serviceLoad, serviceMs, waitMs } from '../../../shared/queue/kpi';

const MIN = 60_000;
const NOW = 100 * MIN;
const ticket = (extra: Record<string, unknown>) => ({
  status: 'waiting',
  issued_at: 0,
  called_at: null,
  started_at: null,
  finished_at: null,
  park_until: null,
  service_id: 'A',
  counter_id: null,
  ...extra,
});

describe('KPI definitions', () => {
  it('wait counts to the last call; service from start to finish', () => {
    expect(waitMs(ticket({ status: 'called', issued_at: 1 * MIN, called_at: 9 * MIN }))).toBe(8 * MIN);
    expect(waitMs(ticket({}))).toBeNull();
    expect(serviceMs(ticket({ status: 'finished', started_at: 10 * MIN, finished_at: 16 * MIN }))).toBe(6 * MIN);
    expect(serviceMs(ticket({ status: 'serving', started_at: 10 * MIN }))).toBeNull();
    expect(
      averageServiceMs([
        ticket({ status: 'finished', started_at: 0, finished_at: 4 * MIN }),
        ticket({ status: 'finished', started_at: 0, finished_at: 6 * MIN }),
      ]),
    ).toBe(5 * MIN);
  });

  it('load: waiting now (parked ones once due), longest wait so far, average wait of the called', () => {
    const load = serviceLoad(
      [
        ticket({ issued_at: 70 * MIN }),
        ticket({ issued_at: 90 * MIN }),
        ticket({ status: 'parked', issued_at: 10 * MIN, park_until: NOW + 1 }),
        ticket({ status: 'finished', issued_at: 0, called_at: 10 * MIN }),
        ticket({ status: 'called', issued_at: 20 * MIN, called_at: 40 * MIN }),
      ],
      NOW,
    );
    expect(load).toEqual({ waiting: 2, longestWaitMs: 30 * MIN, averageWaitMs: 15 * MIN });
  });
});

describe('alerts', () => {
  const services = [{ id: 'A', maxWaitMin: 30, maxServiceMin: 20, queueCap: 2 }];
  const counter = (extra: Record<string, unknown> = {}) => ({
    id: 'c1',
    state: 'open',
    last_seen_at: NOW,
    idleSince: NOW - IDLE_GRACE_MS - 1,
    serviceIds: ['A'],
    ...extra,
  });

  it('wait over its maximum, queue over its cap, idle while people wait', () => {
    const tickets = [ticket({ issued_at: NOW - 31 * MIN }), ticket({ issued_at: NOW - MIN }), ticket({ issued_at: NOW })];
    expect(hallAlerts({ now: NOW, services, counters: [counter()], tickets })).toEqual([
      { kind: 'wait_over_max', serviceId: 'A', minutes: 31 },
      { kind: 'queue_over_cap', serviceId: 'A', waiting: 3 },
      { kind: 'idle_while_waiting', counterId: 'c1', waiting: 3 },
    ]);
  });

  it('no idle alert within the grace period, for a paused counter, or one holding a ticket', () => {
    const tickets = [ticket({ issued_at: NOW - MIN })];
    expect(hallAlerts({ now: NOW, services, counters: [counter({ idleSince: NOW - 1000 })], tickets })).toEqual([]);
    expect(hallAlerts({ now: NOW, services, counters: [counter({ state: 'paused' })], tickets })).toEqual([]);
    const busy = [...tickets, ticket({ status: 'called', counter_id: 'c1', called_at: NOW })];
    expect(hallAlerts({ now: NOW, services, counters: [counter()], tickets: busy })).toEqual([]);
  });

  it('service running past its maximum', () => {
    const tickets = [ticket({ status: 'serving', counter_id: 'c1', called_at: NOW - 30 * MIN, started_at: NOW - 25 * MIN })];
    expect(hallAlerts({ now: NOW, services, counters: [counter()], tickets })).toEqual([
      { kind: 'service_over_max', counterId: 'c1', minutes: 25 },
    ]);
  });
});
