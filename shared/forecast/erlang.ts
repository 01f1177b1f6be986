/**
 * Erlang C (M/M/c): a line served by `c` identical counters, arrivals Poisson at rate λ, service
 * times exponential with mean 1/μ. The offered load a = λ/μ (in Erlangs) must stay below c for the
 * line not to grow without end. The hall uses it to say how many counters an hour needs for the
 * service level it promises (DOMAIN.md "Queue": the share of entries called within the target wait).
 */

/**
 * The probability an arrival has to wait (Erlang C), for offered load `a` and `c` counters.
 * Computed through the Erlang B recursion B(k) = a·B(k−1) / (k + a·B(k−1)), which stays exact for
 * hundreds of counters where a^c / c! would overflow. 1 when the line is unstable (a ≥ c).
 */
export function erlangC(a: number, c: number): number {
  if (!(a >= 0) || !Number.isInteger(c) || c < 0) throw new RangeError(`erlangC: bad load ${a} or counters ${c}`);
  if (a === 0) return 0;
  if (a >= c) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

export interface LineLoad {
  /** Arrivals per hour. */
  arrivalsPerHour: number;
  /** Mean service time, minutes. */
  serviceMin: number;
}

/** The offered load in Erlangs: arrivals per hour × hours each takes. */
export const offeredLoad = ({ arrivalsPerHour, serviceMin }: LineLoad): number => (arrivalsPerHour * serviceMin) / 60;

/**
 * The share of arrivals called within `targetMin` minutes with `c` counters:
 * SL = 1 − C(a, c) · e^(−(c − a) · t / mean service). 0 when the line is unstable; 1 with nobody coming.
 */
export function serviceLevel(load: LineLoad, c: number, targetMin: number): number {
  const a = offeredLoad(load);
  if (a === 0) return 1;
  if (a >= c) return 0;
  return 1 - erlangC(a, c) * Math.exp((-(c - a) * targetMin) / load.serviceMin);
}

/** The mean wait in minutes (ASA) with `c` counters: C(a, c) · mean service / (c − a); Infinity when unstable. */
export function meanWaitMin(load: LineLoad, c: number): number {
  const a = offeredLoad(load);
  if (a === 0) return 0;
  if (a >= c) return Infinity;
  return (erlangC(a, c) * load.serviceMin) / (c - a);
}

/** Beyond this many counters for one service's hour the answer is "more than the hall has" anyway. */
export const MAX_COUNTERS = 500;

/**
 * The fewest counters that call at least `targetShare` (0–1) of arrivals within `targetMin`
 * minutes: 0 when nobody is expected. Null when even MAX_COUNTERS cannot (a load of more
 * Erlangs than that).
 */
export function countersNeeded(load: LineLoad, targetMin: number, targetShare: number): number | null {
  if (load.arrivalsPerHour === 0) return 0;
  for (let c = Math.max(1, Math.floor(offeredLoad(load)) + 1); c <= MAX_COUNTERS; c++) {
    if (serviceLevel(load, c, targetMin) >= targetShare) return c;
  }
  return null;
}
