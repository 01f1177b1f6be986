import type { ExportedRating } from './queries';

// The month's ratings for the CSV export (written by shared/kernel/csv): no rater data, the export
// holds what ratings.export answers and nothing more.

/** How the export words its columns and codes (the face's language). */
export interface ExportWords {
  header: readonly string[];
  date: (at: number) => string;
  level: (level: number) => string;
  reason: (code: string) => string;
  channel: (channel: ExportedRating['channel']) => string;
  flag: (code: string) => string;
  excluded: string;
  defaulted: string;
}

/** The columns: date, department, service or item, counter, clerk 工号, level, three sub-scores, reasons, channel, flags. */
export function ratingRows(ratings: readonly ExportedRating[], w: ExportWords): string[][] {
  const score = (n: number | null) => (n === null ? '' : String(n));
  return [
    [...w.header],
    ...ratings.map((r) => [
      w.date(r.at),
      r.department ?? '',
      r.subject ?? '',
      r.counter ?? '',
      r.staffLogin ?? '',
      `${r.level} ${w.level(r.level)}`,
      score(r.efficiency),
      score(r.skill),
      score(r.attitude),
      r.reasons.map(w.reason).join('；'),
      w.channel(r.channel),
      [...r.flags.split(',').filter(Boolean).map(w.flag), ...(r.excluded ? [w.excluded] : []), ...(r.defaulted ? [w.defaulted] : [])].join(
        '；',
      ),
    ]),
  ];
}
