/** Spans of time [from, to) in ms, for the counters' time: signed in, paused, holding a ticket, someone waiting. */
export interface Span {
  from: number;
  to: number;
}

/** Sorted and merged: no two spans overlap or touch, none is empty. */
export function merge(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].filter((s) => s.to > s.from).sort((a, b) => a.from - b.from)) {
    const last = out.at(-1);
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

/** The time in both (each merged). */
export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i]!.from, b[j]!.from);
    const to = Math.min(a[i]!.to, b[j]!.to);
    if (to > from) out.push({ from, to });
    if (a[i]!.to < b[j]!.to) i++;
    else j++;
  }
  return out;
}

/** The time in `a` and not in `b` (each merged). */
export function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of a) {
    let from = s.from;
    for (const cut of b) {
      if (cut.to <= from || cut.from >= s.to) continue;
      if (cut.from > from) out.push({ from, to: cut.from });
      from = Math.max(from, cut.to);
    }
    if (from < s.to) out.push({ from, to: s.to });
  }
  return out;
}

export const HOUR_MS = 3_600_000;

/** The hour of the hall day (0–23) a moment falls in, from the day's start. */
export const hourOf = (at: number, dayStart: number): number => Math.min(23, Math.max(0, Math.floor((at - dayStart) / HOUR_MS)));

/** How much of the spans falls in each hour of the day that starts at `dayStart` (hours without any are absent). */
export function perHour(spans: readonly Span[], dayStart: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of spans) {
    for (let h = hourOf(s.from, dayStart); h < 24; h++) {
      const lo = Math.max(s.from, dayStart + h * HOUR_MS);
      const hi = Math.min(s.to, dayStart + (h + 1) * HOUR_MS);
      if (hi > lo) out.set(h, (out.get(h) ?? 0) + hi - lo);
      if (s.to <= dayStart + (h + 1) * HOUR_MS) break;
    }
  }
  return out;
}
