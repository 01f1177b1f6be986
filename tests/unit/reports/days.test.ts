import { describe, expect, it } from 'vitest';
import { counterDayRows } from '../../../shared/reports/days';
import { intersect, merge, perHour, subtract } from '../../../shared/reports/intervals';

const H = 3_600_000;
const DAY_START = Date.parse('2026-11-24T16:00:00Z'); // 2026-11-25 00:00 in the hall

describe('spans of time', () => {
  it('merge, intersect and subtract as sets of instants', () => {
    expect(
      merge([
        { from: 5, to: 7 },
        { from: 1, to: 3 },
        { from: 3, to: 4 },
        { from: 6, to: 9 },
        { from: 8, to: 8 },
      ]),
    ).toEqual([
      { from: 1, to: 4 },
      { from: 5, to: 9 },
    ]);
    const a = [
      { from: 0, to: 10 },
      { from: 20, to: 30 },
    ];
    const b = [{ from: 5, to: 25 }];
    expect(intersect(a, b)).toEqual([
      { from: 5, to: 10 },
      { from: 20, to: 25 },
    ]);
    expect(subtract(a, b)).toEqual([
      { from: 0, to: 5 },
      { from: 25, to: 30 },
    ]);
    expect(subtract(a, [])).toEqual(a);
  });

  it('split by the hour of the hall day', () => {
    const out = perHour([{ from: DAY_START + 9.5 * H, to: DAY_START + 11.25 * H }], DAY_START);
    expect([...out]).toEqual([
      [9, 0.5 * H],
      [10, H],
      [11, 0.25 * H],
    ]);
  });
});

describe('a counter’s day', () => {
  it('signed in since before the day began (the day was not closed): counted from the day’s start, pauses by reason', () => {
    const staff = 'u1';
    const at = (h: number) => DAY_START + h * H;
    const { counters, pauses } = counterDayRows({
      day: '2026-11-25',
      dayStart: DAY_START,
      closedAt: at(18),
      counters: [{ id: 'c1', serviceIds: ['s1'] }],
      before: [{ counter_id: 'c1', staff_id: staff, event: 'sign_in', reason: null, at: at(-15) }],
      log: [
        { counter_id: 'c1', staff_id: staff, event: 'pause', reason: '会议', at: at(10) },
        { counter_id: 'c1', staff_id: staff, event: 'resume', reason: null, at: at(10.5) },
        { counter_id: 'c1', staff_id: staff, event: 'pause', reason: '去银行', at: at(11) },
        { counter_id: 'c1', staff_id: staff, event: 'sign_out', reason: null, at: at(12) },
      ],
      tickets: [],
      events: [],
      services: [{ id: 's1', prefix: 'A', max_wait_min: 15 }],
    });
    const of = (dim: string) => counters.filter((r) => r.dim === dim);
    expect(of('counter').map((r) => r.hour)).toEqual(Array.from({ length: 12 }, (_, h) => h));
    expect(of('counter').reduce((s, r) => s + r.signed_in_ms, 0)).toBe(12 * H);
    expect(of('staff').reduce((s, r) => s + r.paused_ms, 0)).toBe(1.5 * H);
    expect(pauses.filter((p) => p.dim === 'staff').map((p) => [p.hour, p.reason, p.ms])).toEqual([
      [10, 'meeting', 0.5 * H],
      [11, 'other', H],
    ]);
    // Nobody waited: no idle while the queue waited.
    expect(counters.every((r) => r.idle_waiting_ms === 0)).toBe(true);
  });
});
