import type { Wording } from '../kernel/labels';
import type { PackSection, ReportDimension } from './enums';
import type { ReportParams, ReportResult } from './queries';
import { reportTable, type ReportSetup, type ReportTable } from './table';

/**
 * The monthly report pack: the hall's figures of each kind, then departments, counters, staff, cases
 * and 好差评. The board's pack view and the pack the hub writes after month end both ask these
 * reports and build these tables, so that a written pack is the screen's.
 */
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

/** The reports the pack asks for a period, in the order of PACK. */
export const packAsks = (from: string, to: string): ReportParams[] => PACK.map((p) => ({ ...p.setup, from, to }));

/** The pack's tables from the answers to packAsks (in their order), each titled by its section. */
export function packTables(
  results: readonly ReportResult[],
  nameOf: (dimension: ReportDimension, key: string) => string,
  t: Wording,
): ReportTable[] {
  return PACK.map((p, i) => reportTable(p.setup, results[i]!, nameOf, t, t(`rp.pack.${p.section}`)));
}
