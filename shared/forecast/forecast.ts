import { addDays, parseDay, type WorkCalendar } from '../calendar/rules';
import { countersNeeded, type LineLoad } from './erlang';

/**
 * The hall's expected arrivals for a chosen day, from the days it was open before it. A day is
 * like the chosen one when it is of the same kind on the hall calendar: a working day on the same
 * weekday (Monday crowds are not Friday's), or a day off (a holiday or weekend the hall opened).
 * An adjusted working weekend (调休) is a working day, but no weekday has enough of them to learn
 * from: with fewer than MIN_SAMPLES like days the forecast falls back to every working day (or
 * every open day off) in the window. The estimate is the mean count per service and hour over the
 * like days, a day with no arrival at that hour counting as zero: for Poisson arrivals this is the
 * maximum-likelihood rate, and its error shrinks as 1/√(days).
 */

/** Weeks of history the forecast looks back over by default. */
export const DEFAULT_WEEKS = 8;
/** Fewer like days than this, and the forecast widens to the day's broader kind. */
export const MIN_SAMPLES = 3;

export type DayKind = { working: true; weekday: number } | { working: false };

export function dayKind(calendar: WorkCalendar, day: string): DayKind {
  const t = parseDay(day);
  if (t === null) throw new RangeError(`not a date: ${day}`);
  return calendar.isWorkingDay(day) ? { working: true, weekday: new Date(t).getUTCDay() } : { working: false };
}

/** How the like days were chosen: same weekday, every working day, or every open day off. */
export type Basis = 'weekday' | 'working' | 'off';

/** The open days in the `weeks` before `day` the forecast learns from, and how they were chosen. */
export function likeDays(
  calendar: WorkCalendar,
  day: string,
  openDays: readonly string[],
  weeks: number = DEFAULT_WEEKS,
): { days: string[]; basis: Basis } {
  const from = addDays(day, -7 * weeks);
  const window = openDays.filter((d) => d >= from && d < day);
  const kind = dayKind(calendar, day);
  if (!kind.working) return { days: window.filter((d) => !calendar.isWorkingDay(d)), basis: 'off' };
  const working = window.filter((d) => calendar.isWorkingDay(d));
  const same = working.filter((d) => {
    const k = dayKind(calendar, d);
    return k.working && k.weekday === kind.weekday;
  });
  return same.length >= MIN_SAMPLES ? { days: same, basis: 'weekday' } : { days: working, basis: 'working' };
}

/** Arrivals counted on one day, for one service, in one hour of the hall's clock (0–23). */
export interface ArrivalCount {
  day: string;
  serviceId: string;
  hour: number;
  n: number;
}

/** Expected arrivals per service per hour: `rates.get(serviceId)[hour]`, from the like days' counts. */
export function expectedArrivals(counts: readonly ArrivalCount[], days: readonly string[]): Map<string, number[]> {
  const like = new Set(days);
  const rates = new Map<string, number[]>();
  if (like.size === 0) return rates;
  for (const c of counts) {
    if (!like.has(c.day)) continue;
    const hours = rates.get(c.serviceId) ?? rates.set(c.serviceId, new Array<number>(24).fill(0)).get(c.serviceId)!;
    hours[c.hour]! += c.n;
  }
  // Summed first, divided once: a whole mean stays whole.
  for (const hours of rates.values()) hours.forEach((n, h) => (hours[h] = n / like.size));
  return rates;
}

/** One service's hour: arrivals expected, the counters needed to hold its service level, and those planned. */
export interface StaffingHour {
  hour: number;
  arrivals: number;
  /** Null when no count of counters reaches the target (see countersNeeded). */
  needed: number | null;
}

/**
 * The counters needed hour by hour for one service, by Erlang C, from its expected arrivals and
 * its mean service time: the service level is the share called within `targetMin` (the service's
 * maximum wait), held at `targetShare`. Without a service time measured yet, nothing can be said
 * about hours with arrivals: they answer null.
 */
export function staffingByHour(
  arrivals: readonly number[],
  serviceMin: number | null,
  targetMin: number,
  targetShare: number,
): StaffingHour[] {
  return arrivals.map((a, hour) => {
    if (a === 0) return { hour, arrivals: 0, needed: 0 };
    const load: LineLoad | null = serviceMin ? { arrivalsPerHour: a, serviceMin } : null;
    return { hour, arrivals: a, needed: load ? countersNeeded(load, targetMin, targetShare) : null };
  });
}

/**
 * How many counters were signed in during each hour of a day, from the day's counter log: a
 * counter counts in every hour its session touched, from its sign-in to its sign-out (a pause is
 * still signed in, as in queue/kpi signedInMs), or to `until` for one still signed in. A counter
 * whose first record of the day is not a sign-in was signed in when the day began.
 */
export function openByHour(log: readonly { counter_id: string; event: string; at: number }[], dayStart: number, until: number): number[] {
  const hours = new Array<number>(24).fill(0);
  const byCounter = new Map<string, { event: string; at: number }[]>();
  for (const l of [...log].sort((a, b) => a.at - b.at))
    (byCounter.get(l.counter_id) ?? byCounter.set(l.counter_id, []).get(l.counter_id)!).push(l);
  for (const own of byCounter.values()) {
    const touched = new Set<number>();
    const session = (from: number, to: number) => {
      for (let h = Math.max(0, Math.floor((from - dayStart) / 3_600_000)); h < 24 && dayStart + h * 3_600_000 < to; h++) touched.add(h);
    };
    let since: number | null = own[0]!.event === 'sign_in' ? null : dayStart;
    for (const l of own) {
      if (l.event === 'sign_in' && since === null) since = l.at;
      if (l.event === 'sign_out' && since !== null) {
        session(since, l.at);
        since = null;
      }
    }
    if (since !== null) session(since, until);
    for (const h of touched) hours[h]!++;
  }
  return hours;
}
