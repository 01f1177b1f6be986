import { listColumn } from '../../../../shared/catalog/guide';
import { caseSignal, SIGNAL_ORDER } from '../../../../shared/cases/rules';
import { CASE_EVENT_ACTIONS, type CaseEventAction, type CaseSignal } from '../../../../shared/cases/enums';
import type { Row } from '../../../../shared/protocol';

/** By signal (SIGNAL_ORDER), then the nearest due day, then the newest. */
export function sortCases(cases: Row<'cases'>[], today: string): { c: Row<'cases'>; signal: CaseSignal }[] {
  return cases
    .map((c) => ({ c, signal: caseSignal(c, today) }))
    .sort(
      (a, b) =>
        SIGNAL_ORDER[a.signal] - SIGNAL_ORDER[b.signal] ||
        (a.c.promised_due ?? '9').localeCompare(b.c.promised_due ?? '9') ||
        b.c.received_at - a.c.received_at,
    );
}

/** A JSON list of texts as stored (materials): the catalog's one reading of its list columns. */
export const parseList = listColumn;

/** A history entry's action as one this renderer can name (a newer hub may record others). */
export const isCaseEventAction = (action: string): action is CaseEventAction => (CASE_EVENT_ACTIONS as readonly string[]).includes(action);
