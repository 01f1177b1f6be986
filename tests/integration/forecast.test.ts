import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar/rules';
import { countersNeeded } from '../../shared/forecast/erlang';
import type { ForecastDay } from '../../shared/forecast/queries';
import { callerOf, demoHub, manualClock, terminal } from '../support/hub';
import { seedHistory } from '../support/history';

describe('the forecast for a chosen day', () => {
  it('expects the like days’ arrivals per service and hour, and the counters Erlang C says they need, beside those assigned', async () => {
    const clock = manualClock(Date.parse('2026-11-25T01:00:00Z')); // Wednesday
    const hub = await demoHub({ clock });
    // Eight weeks of working days: Mondays bring 30 an hour to A at 10:00, other days 10; B gets 4 at 14:00 every day.
    const days: string[] = [];
    for (let d = '2026-09-28'; d < '2026-11-25'; d = addDays(d, 1)) {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      // 1–8 October: National Day; the hall is closed.
      if (weekday !== 0 && weekday !== 6 && !(d >= '2026-10-01' && d <= '2026-10-08')) days.push(d);
    }
    seedHistory(
      hub.store.db,
      days,
      ['A', 'B'],
      (d, p, h) => (p === 'A' ? (h === 10 ? (new Date(`${d}T00:00:00Z`).getUTCDay() === 1 ? 30 : 10) : 0) : h === 14 ? 4 : 0),
      12,
    );
    const ask = (params: unknown) => hub.query(callerOf(terminal(hub, 'manager')), { name: 'forecast.day', params });
    const monday = await ask({ day: '2026-11-30' });
    if (!monday.ok) throw new Error(monday.error.message);
    const f = monday.result as ForecastDay;
    // Eight weeks back from 30 November: the Mondays 12 October … 23 November (5 October was a holiday).
    expect(f).toMatchObject({ day: '2026-11-30', basis: 'weekday', sampleDays: 7, targetShare: 0.8, openByHour: null });
    const a = f.services.find((s) => s.serviceId === 'H3301-s-A')!;
    expect(a.serviceMin).toBeCloseTo(12, 6);
    expect(a.assigned).toBe(3);
    expect(a.hours[10]).toEqual({
      hour: 10,
      arrivals: 30,
      needed: countersNeeded({ arrivalsPerHour: 30, serviceMin: 12 }, a.targetMin, 0.8),
    });
    expect(a.hours[10]!.needed).toBeGreaterThan(6);
    expect(a.hours[9]).toEqual({ hour: 9, arrivals: 0, needed: 0 });
    expect(f.services.find((s) => s.serviceId === 'H3301-s-B')!.hours[14]!.arrivals).toBe(4);
    // A Tuesday learns from Tuesdays: a third of Monday's crowd.
    const tuesday = (await ask({ day: '2026-12-01', targetShare: 0.9 })) as { ok: true; result: ForecastDay };
    expect(tuesday.result.services.find((s) => s.serviceId === 'H3301-s-A')!.hours[10]!.arrivals).toBe(10);
    // Today has begun: the counters signed in each hour so far are shown beside the plan.
    const today = (await ask({ day: '2026-11-25' })) as { ok: true; result: ForecastDay };
    expect(today.result.openByHour).toHaveLength(24);
    expect(await ask({ day: '2026-11-31' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await ask({ day: '2026-11-30', targetShare: 1.5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await hub.query(callerOf(terminal(hub, 'clerk')), { name: 'forecast.day', params: { day: '2026-11-30' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
