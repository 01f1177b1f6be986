import type { Wording } from '../kernel/labels';
import { FIGURES, formatFigure, type FigureUnit } from './figures';
import type { ReportBucket, ReportDimension, ReportKind } from './enums';
import type { ReportResult } from './queries';

/**
 * What the reports tab shows, as data: the table under the chart, and the chart's series drawn from
 * the same rows. The exports (./document) write this very table, so a file holds exactly what is on
 * screen: the same rows, columns, labels and rounding; the hub's monthly pack is built the same way.
 */

export interface TableColumn {
  header: string;
  /** A figure's id and unit; absent for the columns that name a row (group, time). */
  figure?: { id: string; unit: FigureUnit };
}

/** A cell: its text as shown, and for a figure its value as shown (rounded as the text is). */
export interface TableCell {
  text: string;
  value: number | null;
}

export interface ReportTable {
  title: string;
  columns: TableColumn[];
  rows: { group: string; bucket: string; cells: TableCell[] }[];
}

/** A time bucket as a person reads it. */
export function bucketLabel(bucket: ReportBucket, value: string, t: Wording): string {
  switch (bucket) {
    case 'total':
      return '';
    case 'hour':
      return t('rp.hourLabel', { hour: value });
    case 'weekday':
      return t(`rp.weekday.${value}`);
    case 'week':
      return t('rp.weekOf', { day: value });
    default:
      return value;
  }
}

/** A figure's value as shown: the text's rounding, so that a file's number is the screen's. */
const shownValue = (value: number | null, unit: FigureUnit): number | null =>
  value === null ? null : unit === 'count' ? Math.round(value) : Math.round(value * 10) / 10;
/** A figure's cell: its text, and its value rounded as the text is. */
export const figureCell = (value: number | null, unit: FigureUnit): TableCell => ({
  text: formatFigure(value, unit),
  value: shownValue(value, unit),
});

export interface ReportSetup {
  report: ReportKind;
  dimension: ReportDimension;
  bucket: ReportBucket;
}

/**
 * The table of a report: a column naming the group (unless the hall), one naming the time (unless
 * the whole period), then every figure of the report (the pause reasons only when any was used).
 * Rows in time order, then by name.
 */
export function reportTable(
  setup: ReportSetup,
  result: ReportResult,
  nameOf: (dimension: ReportDimension, key: string) => string,
  t: Wording,
  title: string,
): ReportTable {
  const figures = FIGURES[setup.report].filter(
    (f) => !f.id.startsWith('paused_') || result.rows.some((r) => (f.value(r.sums as never) ?? 0) !== 0),
  );
  const columns: TableColumn[] = [
    ...(setup.dimension === 'hall' ? [] : [{ header: t(`rp.dim.${setup.dimension}`) }]),
    ...(setup.bucket === 'total' ? [] : [{ header: t(`rp.bucket.${setup.bucket}`) }]),
    ...figures.map((f) => ({ header: t(`rp.figure.${f.id}`), figure: { id: f.id, unit: f.unit } })),
  ];
  const rows = [...result.rows]
    .map((r) => {
      const group = setup.dimension === 'hall' ? t('rp.hall') : nameOf(setup.dimension, r.key);
      const bucket = bucketLabel(setup.bucket, r.bucket, t);
      const named = [...(setup.dimension === 'hall' ? [] : [group]), ...(setup.bucket === 'total' ? [] : [bucket])];
      return {
        sortKey: `${r.bucket}\u0000${group}`,
        group,
        bucket,
        cells: [...named.map((text) => ({ text, value: null })), ...figures.map((f) => figureCell(f.value(r.sums as never), f.unit))],
      };
    })
    .sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'zh-CN'))
    .map(({ group, bucket, cells }) => ({ group, bucket, cells }));
  return { title, columns, rows };
}

/**
 * Arrivals per hour of day beside the counters open then (counter-hours signed in over the period)
 * and the arrivals per counter-hour: the hall's queue and counter reports by hour, side by side.
 */
export function arrivalsTable(queue: ReportResult, counters: ReportResult, t: Wording, title: string): ReportTable {
  const hours = [...new Set([...queue.rows, ...counters.rows].map((r) => r.bucket))].sort();
  const sum = (rows: ReportResult['rows'], hour: string, key: string) => rows.find((r) => r.bucket === hour)?.sums[key] ?? 0;
  return {
    title,
    columns: [
      { header: t('rp.bucket.hour') },
      { header: t('rp.arrivals'), figure: { id: 'arrivals', unit: 'count' } },
      { header: t('rp.counterHours'), figure: { id: 'counterHours', unit: 'h' } },
      { header: t('rp.figure.throughput'), figure: { id: 'perCounterHour', unit: 'perHour' } },
    ],
    rows: hours.map((hour) => {
      const arrivals = sum(queue.rows, hour, 'issued');
      const counterHours = sum(counters.rows, hour, 'signed_in_ms') / 3_600_000;
      const label = bucketLabel('hour', hour, t);
      return {
        group: '',
        bucket: label,
        cells: [
          { text: label, value: null },
          figureCell(arrivals, 'count'),
          figureCell(counterHours, 'h'),
          figureCell(counterHours ? sum(counters.rows, hour, 'finished') / counterHours : null, 'perHour'),
        ],
      };
    }),
  };
}

/** A chart of one figure column: one series per group over the time buckets (or one series over the groups). */
export interface ChartModel {
  categories: string[];
  /** Each series, drawn as bars over the groups or lines over time unless it says; `axis` 1 is the right-hand one. */
  series: { name: string; values: (number | null)[]; type?: 'bar' | 'line'; axis?: 0 | 1 }[];
}

/** At most this many lines in a chart over time: the groups with the largest totals. */
export const MAX_SERIES = 8;

export function chartModel(table: ReportTable, column: number, overTime: boolean, seriesName: string): ChartModel {
  if (!overTime) {
    return {
      categories: table.rows.map((r) => r.group),
      series: [{ name: seriesName, values: table.rows.map((r) => r.cells[column]?.value ?? null) }],
    };
  }
  const categories = [...new Set(table.rows.map((r) => r.bucket))];
  const groups = [...new Set(table.rows.map((r) => r.group))];
  const total = (g: string) => table.rows.filter((r) => r.group === g).reduce((s, r) => s + (r.cells[column]?.value ?? 0), 0);
  const shown = groups.sort((a, b) => total(b) - total(a)).slice(0, MAX_SERIES);
  return {
    categories,
    series: shown.map((g) => ({
      name: g || seriesName,
      values: categories.map((c) => table.rows.find((r) => r.group === g && r.bucket === c)?.cells[column]?.value ?? null),
    })),
  };
}

/** Arrivals as bars and the counters open as a line on its own axis, by hour. */
export function arrivalsChart(table: ReportTable): ChartModel {
  return {
    categories: table.rows.map((r) => r.bucket),
    series: [
      { name: table.columns[1]!.header, values: table.rows.map((r) => r.cells[1]!.value), type: 'bar' },
      { name: table.columns[2]!.header, values: table.rows.map((r) => r.cells[2]!.value), type: 'line', axis: 1 },
    ],
  };
}
