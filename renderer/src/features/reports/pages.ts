import type { PackSection, ReportDimension, ReportView } from '../../../../shared/reports/enums';
import type { ReportParams, ReportResult } from '../../../../shared/reports/queries';
import type { Translate } from '../../i18n';
import { arrivalsTable, reportTable, type ReportSetup, type ReportTable } from './table';

/**
 * A page of the reports tab: which view, its report (for the custom view), and the period. What it
 * asks the hub and the tables it shows follow from it alone, so that what is on screen (and in a
 * file) is always the answer to the page it was asked for.
 */
export interface ReportPage {
  view: ReportView;
  setup: ReportSetup;
  from: string;
  to: string;
}

/** The monthly pack: the hall's figures of each kind, then departments, counters, staff, cases and 好差评. */
export const PACK: readonly { section: PackSection; setup: ReportSetup }[] = [
  { section: 'hallQueue', setup: { report: 'queue', dimension: 'hall', bucket: 'total' } },
  { section: 'hallCounters', setup: { report: 'counters', dimension: 'hall', bucket: 'total' } },
  { section: 'hallCases', setup: { report: 'cases', dimension: 'hall', bucket: 'total' } },
  { section: 'hallRatings', setup: { report: 'ratings', dimension: 'hall', bucket: 'total' } },
  { section: 'departments', setup: { report: 'queue', dimension: 'department', bucket: 'total' } },
  { section: 'counters', setup: { report: 'counters', dimension: 'counter', bucket: 'total' } },
  { section: 'staff', setup: { report: 'queue', dimension: 'staff', bucket: 'total' } },
  { section: 'staffTime', setup: { report: 'counters', dimension: 'staff', bucket: 'total' } },
  { section: 'cases', setup: { report: 'cases', dimension: 'department', bucket: 'total' } },
  { section: 'ratings', setup: { report: 'ratings', dimension: 'department', bucket: 'total' } },
];

/** The report a view shows: the custom one as set, the others set up already (the pack shows many). */
export function viewSetup(view: ReportView, custom: ReportSetup): ReportSetup {
  if (view === 'clerks') return { report: 'queue', dimension: 'staff', bucket: 'total' };
  if (view === 'trend') return { report: 'queue', dimension: 'hall', bucket: 'day' };
  if (view === 'arrivals') return { report: 'queue', dimension: 'hall', bucket: 'hour' };
  if (view === 'pack') return PACK[0]!.setup;
  return custom;
}

export function pageAsks(page: ReportPage): ReportParams[] {
  const { from, to } = page;
  if (page.view === 'arrivals')
    return [
      { report: 'queue', dimension: 'hall', bucket: 'hour', from, to },
      { report: 'counters', dimension: 'hall', bucket: 'hour', from, to },
    ];
  if (page.view === 'pack') return PACK.map((p) => ({ ...p.setup, from, to }));
  return [{ ...page.setup, from, to }];
}

export function pageTitle(page: ReportPage, t: Translate): string {
  const { setup } = page;
  return page.view === 'custom'
    ? `${t(`rp.kind.${setup.report}`)} · ${t(`rp.dim.${setup.dimension}`)} · ${t(`rp.bucket.${setup.bucket}`)}`
    : t(`rp.view.${page.view}`);
}

/** The tables of a page, from the answers to its asks (in their order). */
export function pageTables(
  page: ReportPage,
  results: readonly ReportResult[],
  nameOf: (dimension: ReportDimension, key: string) => string,
  t: Translate,
): ReportTable[] {
  const title = pageTitle(page, t);
  if (page.view === 'arrivals') return [arrivalsTable(results[0]!, results[1]!, t, title)];
  if (page.view === 'pack') return PACK.map((p, i) => reportTable(p.setup, results[i]!, nameOf, t, t(`rp.pack.${p.section}`)));
  return [reportTable(page.setup, results[0]!, nameOf, t, title)];
}
