import type { Wording } from '../../../../shared/kernel/labels';
import type { ReportDimension, ReportView } from '../../../../shared/reports/enums';
import { PACK, packAsks, packTables } from '../../../../shared/reports/pack';
import type { ReportParams, ReportResult } from '../../../../shared/reports/queries';
import { arrivalsTable, reportTable, type ReportSetup, type ReportTable } from '../../../../shared/reports/table';
import type { Translate } from '../../i18n';

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
  if (page.view === 'pack') return packAsks(from, to);
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
  // The shared table builders take any key (a figure's id makes one): this face's words answer them.
  const words: Wording = (key, vars) => t(key as Parameters<Translate>[0], vars);
  if (page.view === 'arrivals') return [arrivalsTable(results[0]!, results[1]!, words, title)];
  if (page.view === 'pack') return packTables(results, nameOf, words);
  return [reportTable(page.setup, results[0]!, nameOf, words, title)];
}
