import type { WorkCalendar } from '../calendar/rules';
import type { Definition } from '../kernel/definition';
import type { FollowupSignal, FollowupStatus } from './enums';

/**
 * Each step moves a follow-up one status on: 核实 (verify) → 整改 (fix) → 回访 (callback) → 办结
 * (close). Closing needs the callback, so every closed follow-up has its 回访 record.
 */
export const STEP_FROM: Readonly<Record<'verify' | 'fix' | 'callback' | 'close', FollowupStatus>> = {
  verify: 'open',
  fix: 'verified',
  callback: 'fixed',
  close: 'called_back',
};
export const STEP_TO: Readonly<Record<keyof typeof STEP_FROM, FollowupStatus>> = {
  verify: 'verified',
  fix: 'fixed',
  callback: 'called_back',
  close: 'closed',
};

/** Working days a follow-up is given (DOMAIN.md: 5 by default, some provinces 15). */
export const DEFAULT_FOLLOWUP_DAYS = 5;

/**
 * The days of a follow-up opened on hall day `opened` with `days` working days on the hall calendar:
 * due on the last of them, yellow from the one before (the day it opens does not count).
 */
export const followupDays = (calendar: WorkCalendar, opened: string, days: number): { yellow_from: string; due_day: string } => ({
  yellow_from: calendar.addWorkingDays(opened, days - 1).date,
  due_day: calendar.addWorkingDays(opened, days).date,
});

/** A follow-up's signal on `today`: yellow from its last working day but one, red once past its due day, like a case. */
export const followupSignal: Definition<{ status: FollowupStatus; yellow_from: string; due_day: string }, [today: string], FollowupSignal> =
  {
    ts: (f, today) => (f.status === 'closed' ? 'closed' : today > f.due_day ? 'red' : today >= f.yellow_from ? 'yellow' : 'normal'),
    sql: (col, today) =>
      `(CASE WHEN ${col('status')} = 'closed' THEN 'closed' WHEN ${today} > ${col('due_day')} THEN 'red' WHEN ${today} >= ${col('yellow_from')} THEN 'yellow' ELSE 'normal' END)`,
  };
