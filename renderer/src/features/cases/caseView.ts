import { caseSignal } from '../../../../shared/cases/rules';
import { type CaseSignal } from '../../../../shared/cases/enums';
import type { Row } from '../../../../shared/protocol';

/** Red first, then yellow, then the nearest due day: what needs attention comes first. */
const SIGNAL_ORDER: Record<CaseSignal, number> = { red: 0, yellow: 1, paused: 2, normal: 3, waiting: 4, closed: 5 };

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

export const parseList = (json: string): string[] => {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export const formatDateTime = (ms: number): string =>
  new Date(ms).toLocaleString('zh-CN', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

/** 2026-11-25 → 2026年11月25日, as official documents write dates. */
export const formatDayCn = (day: string): string => {
  const [y, m, d] = day.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

export const formatFee = (cents: number): string => (cents === 0 ? '不收费' : `${(cents / 100).toFixed(2)} 元`);
