import { describe, expect, it } from 'vitest';
import { addDays, WorkCalendar } from '../../../shared/calendar/rules';
import { countersNeeded, erlangC, meanWaitMin, offeredLoad, serviceLevel } from '../../../shared/forecast/erlang';
import { expectedArrivals, likeDays, openByHour, staffingByHour, type ArrivalCount } from '../../../shared/forecast/forecast';

describe('Erlang C against published values', () => {
  it('P(wait) for a = 2 Erlangs on 3 servers is 4/9 (the closed form: (a^c/c!)(c/(c−a)) ÷ (Σ a^k/k! + that))', () => {
    // a^3/3! · 3/(3−2) = 4; Σ_{k<3} 2^k/k! = 1 + 2 + 2 = 5 → 4 / 9.
    expect(erlangC(2, 3)).toBeCloseTo(4 / 9, 12);
    // M/M/1: P(wait) = ρ.
    expect(erlangC(0.7, 1)).toBeCloseTo(0.7, 12);
  });

  it('the call-centre worked example: 100 calls per half hour, 3-minute handling, answer within 20 s at 80 %', () => {
    // callcentrehelper.com "Erlang C formula – made simple": A = 10 Erlangs; with 11 agents
    // Pw = 68.21 %, service level 39 %, ASA 122.8 s; 14 agents are the fewest reaching 80 % (88.8 %).
    const load = { arrivalsPerHour: 200, serviceMin: 3 };
    expect(offeredLoad(load)).toBe(10);
    expect(erlangC(10, 11)).toBeCloseTo(0.6821, 4);
    expect(serviceLevel(load, 11, 20 / 60)).toBeCloseTo(0.3896, 3);
    expect(meanWaitMin(load, 11) * 60).toBeCloseTo(122.8, 1);
    expect(erlangC(10, 13)).toBeCloseTo(0.2853, 4);
    expect(serviceLevel(load, 13, 20 / 60)).toBeLessThan(0.8);
    expect(serviceLevel(load, 14, 20 / 60)).toBeCloseTo(0.8884, 3);
    expect(countersNeeded(load, 20 / 60, 0.8)).toBe(14);
  });

  it('edges: nobody coming needs no counter; an unstable line waits always; large halls stay finite', () => {
    expect(countersNeeded({ arrivalsPerHour: 0, serviceMin: 10 }, 15, 0.8)).toBe(0);
    expect(erlangC(5, 5)).toBe(1);
    expect(serviceLevel({ arrivalsPerHour: 60, serviceMin: 5 }, 5, 10)).toBe(0);
    const c = erlangC(280, 300);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
    // A load no hall could staff: more than MAX_COUNTERS Erlangs.
    expect(countersNeeded({ arrivalsPerHour: 10_000, serviceMin: 6 }, 15, 0.8)).toBeNull();
    expect(() => erlangC(-1, 2)).toThrow(RangeError);
  });
});

/** mulberry32: a small seeded generator, so the generated history is the same on every run. */
function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** Knuth's Poisson sampler (fine for the rates of one service's hour). */
function poisson(rand: () => number, lambda: number): number {
  const l = Math.exp(-lambda);
  let k = 0;
  for (let p = rand(); p > l; p *= rand()) k++;
  return k;
}

describe('the forecast on generated history whose true rates are known', () => {
  // National Day 2026 off 1–7 October; Saturday 10 October worked (调休).
  const calendar = new WorkCalendar({
    years: [2026],
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    workdays: ['2026-10-10'],
  });
  // True arrivals per hour: Mondays are busy, other working days less so, open days off quiet.
  const HOURS = [9, 10, 11, 14, 15, 16];
  const truth = (day: string, service: string, hour: number): number => {
    if (!HOURS.includes(hour)) return 0;
    const base = service === 'A' ? 12 : 4;
    if (!calendar.isWorkingDay(day)) return base / 4;
    const monday = new Date(`${day}T00:00:00Z`).getUTCDay() === 1;
    return (monday ? 2 : 1) * base * (hour === 9 ? 1.5 : 1);
  };
  // 30 weeks before 2 November 2026; the hall also opened on every holiday of the golden week.
  const openDays: string[] = [];
  for (let d = addDays('2026-11-02', -7 * 30); d < '2026-11-02'; d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d) || d.startsWith('2026-10-0')) openDays.push(d);
  }
  const rand = seeded(20261126);
  const counts: ArrivalCount[] = [];
  for (const day of openDays)
    for (const serviceId of ['A', 'B'])
      for (let hour = 0; hour < 24; hour++) {
        const n = poisson(rand, truth(day, serviceId, hour));
        if (n > 0) counts.push({ day, serviceId, hour, n });
      }
  /** Each estimate within four standard errors of its true rate (√(λ/n) for a mean of n Poisson counts). */
  const expectNear = (day: string, weeks: number) => {
    const { days, basis } = likeDays(calendar, day, openDays, weeks);
    const rates = expectedArrivals(counts, days);
    for (const s of ['A', 'B'])
      for (let hour = 0; hour < 24; hour++) {
        const lambda = truth(day, s, hour);
        const estimate = rates.get(s)?.[hour] ?? 0;
        expect(Math.abs(estimate - lambda), `${day} ${s} ${hour}:00`).toBeLessThanOrEqual(
          4 * Math.sqrt(Math.max(lambda, 0.25) / days.length),
        );
      }
    return { days, basis, rates };
  };

  it('a Monday is forecast from Mondays: busy, twice a Tuesday', () => {
    const { days, basis, rates } = expectNear('2026-11-02', 26);
    expect(basis).toBe('weekday');
    // The holiday Monday 5 October is not a working Monday.
    expect(days).not.toContain('2026-10-05');
    expect(days.every((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(days.length).toBeGreaterThanOrEqual(24);
    const tuesday = expectedArrivals(counts, likeDays(calendar, '2026-11-03', openDays, 26).days);
    expect(rates.get('A')![10]! / tuesday.get('A')![10]!).toBeGreaterThan(1.6);
  });

  it('a holiday is forecast from the open days off, a make-up Saturday from all working days', () => {
    expect(likeDays(calendar, '2026-10-07', openDays, 8)).toMatchObject({ basis: 'off' });
    const off = expectNear('2026-10-07', 8);
    expect(off.days).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06']);
    // 10 October: a working Saturday, no working Saturdays before it to learn from.
    const saturday = likeDays(calendar, '2026-10-10', openDays, 8);
    expect(saturday.basis).toBe('working');
    expect(saturday.days).not.toContain('2026-10-03');
    // A day with nothing like it before (the history's first day) expects nobody.
    expect(expectedArrivals(counts, likeDays(calendar, openDays[0]!, openDays, 8).days).size).toBe(0);
  });

  it('the counters needed per hour follow from the forecast by Erlang C', () => {
    const rates = expectedArrivals(counts, likeDays(calendar, '2026-11-02', openDays, 26).days);
    const hours = staffingByHour(rates.get('A')!, 10, 15, 0.8);
    expect(hours[3]).toEqual({ hour: 3, arrivals: 0, needed: 0 });
    const nine = hours[9]!;
    expect(nine.needed).toBe(countersNeeded({ arrivalsPerHour: nine.arrivals, serviceMin: 10 }, 15, 0.8));
    // 36 an hour at 10 minutes each is 6 Erlangs: more than 6 counters are needed.
    expect(nine.needed).toBeGreaterThan(6);
    expect(staffingByHour([0, 5], null, 15, 0.8).map((h) => h.needed)).toEqual([0, null]);
  });
});

describe('the counters open hour by hour', () => {
  it('counts a counter in every hour its sessions touched, a session open at the start of day from midnight, one still open to now', () => {
    const H = 3_600_000;
    const log = [
      // c1: 09:30–11:10 (a pause does not end it), then 14:00 on, still open at 15:20.
      { counter_id: 'c1', event: 'sign_in', at: 9.5 * H },
      { counter_id: 'c1', event: 'pause', at: 10 * H },
      { counter_id: 'c1', event: 'sign_out', at: 11 * H + 600_000 },
      { counter_id: 'c1', event: 'sign_in', at: 14 * H },
      // c2: open since before the day began, signed out at 09:00 sharp.
      { counter_id: 'c2', event: 'sign_out', at: 9 * H },
    ];
    const hours = openByHour(log, 0, 15 * H + 20 * 60_000);
    expect(hours.slice(0, 16)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1]);
    expect(hours[9]).toBe(1);
    expect(hours.slice(16)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
