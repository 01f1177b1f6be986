import type { ExportedRating } from './queries';

/**
 * The month's ratings as a CSV file for Excel: UTF-8 with a byte-order mark (Chinese Excel reads
 * it as UTF-8 only so), CRLF lines, every cell quoted where it must be. A cell that a spreadsheet
 * would take for a formula (= + - @ first) is written as text. No rater data: the export holds
 * what ratings.export answers and nothing more.
 */
export const CSV_BOM = '\uFEFF';

const cell = (value: string): string => {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvText = (rows: readonly (readonly string[])[]): string =>
  CSV_BOM + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

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
