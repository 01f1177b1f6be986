import { PAUSE_REASON_CODES } from '../counter/rules';
import { meanOf, shareOf, throughputPerHour } from '../queue/kpi';
import { ratingRates, type RatingTally } from '../ratings/rules';
import { OTHER_PAUSE, type ReportKind } from './enums';
import type { CaseSum, CounterSum, QueueSum, Sums } from './days';
import { noShowRate, utilisation } from '../appointments/queries';
import type { BookingSum } from './bookings';

/**
 * What a report shows of a row of sums: each figure computed once, here, from the sums and counts
 * of the whole row (a period, a department, the hall), never from other figures, so that a roll-up
 * is never an average of averages or of rates. Every face and every export shows these values.
 */

/** The sums a report row carries, by report. */
export const PAUSE_SUMS = [...PAUSE_REASON_CODES, OTHER_PAUSE].map((r) => `paused_${r}_ms` as const);
export type PauseSum = (typeof PAUSE_SUMS)[number];
export const RATING_SUMS = ['services', 'active', 'satisfied', 'bad', 'unrated'] as const satisfies readonly (keyof RatingTally)[];
/** The sums behind each report's figures. */
interface ReportSums {
  queue: Sums<QueueSum>;
  counters: Sums<CounterSum | PauseSum | 'finished'>;
  cases: Sums<CaseSum>;
  ratings: RatingTally;
  bookings: Sums<BookingSum>;
}
export type SumsOf<K extends ReportKind> = ReportSums[K];

/** How a figure reads: a count, minutes, hours, days, a percentage or a rate per hour. */
export const FIGURE_UNITS = ['count', 'min', 'h', 'days', 'pct', 'perHour'] as const;
export type FigureUnit = (typeof FIGURE_UNITS)[number];

export interface Figure<K extends ReportKind> {
  /** Its label key under `reports.figure.` and its column in exports. */
  id: string;
  unit: FigureUnit;
  value: (s: SumsOf<K>) => number | null;
}

const MIN = 60_000;
const H = 3_600_000;
const minutes = (sum: number, n: number) => meanOf(sum / MIN, n);
const percent = (part: number, whole: number) => {
  const s = shareOf(part, whole);
  return s === null ? null : 100 * s;
};

export const FIGURES: { [K in ReportKind]: readonly Figure<K>[] } = {
  queue: [
    { id: 'issued', unit: 'count', value: (s) => s.issued },
    { id: 'called', unit: 'count', value: (s) => s.called },
    { id: 'finished', unit: 'count', value: (s) => s.finished },
    { id: 'transferred', unit: 'count', value: (s) => s.transferred },
    { id: 'noShows', unit: 'count', value: (s) => s.no_shows },
    { id: 'noShowPct', unit: 'pct', value: (s) => percent(s.no_shows, s.issued) },
    { id: 'avgWait', unit: 'min', value: (s) => minutes(s.wait_ms, s.called) },
    { id: 'serviceLevel', unit: 'pct', value: (s) => percent(s.within_target, s.called) },
    { id: 'avgWalk', unit: 'min', value: (s) => minutes(s.walk_ms, s.started) },
    { id: 'avgService', unit: 'min', value: (s) => minutes(s.service_ms, s.finished) },
    { id: 'avgTotal', unit: 'min', value: (s) => minutes(s.total_ms, s.finished) },
    { id: 'uncalled', unit: 'count', value: (s) => s.uncalled },
  ],
  counters: [
    { id: 'signedIn', unit: 'h', value: (s) => s.signed_in_ms / H },
    { id: 'serving', unit: 'h', value: (s) => s.serving_ms / H },
    // Idle = signed-in − serving (DOMAIN.md "Queue"): a pause is idle time too, shown by reason beside it.
    { id: 'idle', unit: 'h', value: (s) => (s.signed_in_ms - s.serving_ms) / H },
    { id: 'idleWaiting', unit: 'h', value: (s) => s.idle_waiting_ms / H },
    { id: 'paused', unit: 'h', value: (s) => s.paused_ms / H },
    ...PAUSE_SUMS.map((p) => ({ id: p.replace(/_ms$/, ''), unit: 'h' as const, value: (s: SumsOf<'counters'>) => (s[p] ?? 0) / H })),
    { id: 'finished', unit: 'count', value: (s) => s.finished },
    { id: 'throughput', unit: 'perHour', value: (s) => throughputPerHour(s.finished, s.signed_in_ms) },
  ],
  cases: [
    { id: 'received', unit: 'count', value: (s) => s.received },
    { id: 'accepted', unit: 'count', value: (s) => s.accepted },
    { id: 'concluded', unit: 'count', value: (s) => s.concluded },
    { id: 'onTime', unit: 'count', value: (s) => s.on_time },
    { id: 'onTimePct', unit: 'pct', value: (s) => percent(s.on_time, s.concluded) },
    { id: 'overdue', unit: 'count', value: (s) => s.overdue },
    { id: 'avgUsedDays', unit: 'days', value: (s) => meanOf(s.used_days, s.days_counted) },
    { id: 'avgPromisedDays', unit: 'days', value: (s) => meanOf(s.promised_days, s.days_counted) },
    { id: 'avgStatutoryDays', unit: 'days', value: (s) => meanOf(s.statutory_days, s.days_counted) },
    { id: 'supplementPct', unit: 'pct', value: (s) => percent(s.supplemented, s.concluded) },
    { id: 'yellow', unit: 'count', value: (s) => s.yellow },
    { id: 'red', unit: 'count', value: (s) => s.red },
  ],
  ratings: [
    { id: 'rated', unit: 'count', value: (s) => s.services },
    { id: 'active', unit: 'count', value: (s) => s.active },
    // 满意率 and the others are the ratings' own definitions (ratings/rules ratingRates).
    { id: 'satisfactionPct', unit: 'pct', value: (s) => rated(s).satisfaction },
    { id: 'participationPct', unit: 'pct', value: (s) => rated(s).participation },
    { id: 'bad', unit: 'count', value: (s) => s.bad },
    { id: 'badPct', unit: 'pct', value: (s) => rated(s).bad },
    { id: 'unrated', unit: 'count', value: (s) => s.unrated },
  ],
  // The booking tab's rates (appointments/queries) over the same sums.
  bookings: [
    { id: 'booked', unit: 'count', value: (s) => s.bookings },
    { id: 'bookingCancelled', unit: 'count', value: (s) => s.cancelled },
    { id: 'bookingCancelPct', unit: 'pct', value: (s) => percent(s.cancelled, s.bookings) },
    { id: 'checkedIn', unit: 'count', value: (s) => s.checked_in },
    { id: 'bookingNoShows', unit: 'count', value: (s) => s.no_shows },
    {
      id: 'bookingNoShowPct',
      unit: 'pct',
      value: (s) => hundred(noShowRate({ bookings: s.bookings, cancelled: s.cancelled, noShows: s.no_shows })),
    },
    { id: 'places', unit: 'count', value: (s) => s.places },
    { id: 'slotUtilisation', unit: 'pct', value: (s) => hundred(utilisation(s)) },
    { id: 'slotWait', unit: 'min', value: (s) => minutes(s.slot_wait_ms, s.slot_called) },
    { id: 'slotOnTimePct', unit: 'pct', value: (s) => percent(s.slot_within_target, s.slot_called) },
  ],
};

const hundred = (share: number | null) => (share === null ? null : 100 * share);

function rated(s: RatingTally) {
  const r = ratingRates(s, 0);
  const p = (x: { value: number | null }) => (x.value === null ? null : 100 * x.value);
  return { satisfaction: p(r.satisfaction), participation: p(r.participation), bad: p(r.bad) };
}

/** The figure a chart draws first, by report. */
export const HEADLINE: Readonly<Record<ReportKind, string>> = {
  queue: 'avgWait',
  counters: 'throughput',
  cases: 'onTimePct',
  ratings: 'satisfactionPct',
  bookings: 'slotUtilisation',
};

/** Adds rows of sums (a roll-up): the only way two rows become one. */
export function addSums<S extends Record<string, number>>(rows: readonly S[]): S {
  const out: Record<string, number> = {};
  for (const r of rows) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v;
  return out as S;
}

/** A figure as shown: counts whole, the rest to one decimal; '' for nothing to divide by. */
export function formatFigure(value: number | null, unit: FigureUnit): string {
  if (value === null) return '';
  return unit === 'count' ? String(Math.round(value)) : (Math.round(value * 10) / 10).toFixed(1);
}
