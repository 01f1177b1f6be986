import { PAUSE_KINDS } from '../../../../shared/cases/enums';
import {
  caseDeadlines,
  clockStartDay,
  CLOCKED,
  daysLate,
  DECIDED,
  decisionCard,
  deliveryDue,
  noticeLate,
  partDue,
  RUNNING,
  type Pause,
} from '../../../../shared/cases/rules';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import { sqlIn } from '../../../../shared/kernel/sql';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { hallDay } from '../../../../shared/queue/rules';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import { sql, type HandlerContext } from '../../commands/context';
import { hallCalendar } from '../calendar/calendar';

/**
 * A case's clocks at the hub (DOMAIN.md "Time limits"): when the decision clock starts, its due
 * days and its joint parts', the delivery due day after a decision, and what a late decision earns.
 * Each reads the hall's calendar as it is now, so a calendar change recomputes them all.
 */

type Ctx = HandlerContext<CommandType>;

/** The hall day of a moment. */
export const dayOf = (ctx: Ctx, t: number) =>
  hallDay(t, parseQueueSettings(ctx.store.get('halls', ctx.hallId)!.queue_settings).utcOffsetMinutes);

const calendarOf = (ctx: Ctx) => hallCalendar(ctx.store.db, ctx.hallId);

/** Whether the first 补正 notice, given on `day`, comes more than 5 working days after receipt (art. 32). */
export const firstNoticeLate = (ctx: Ctx, c: Row<'cases'>, day: string): boolean =>
  c.supplement_count === 0 && noticeLate(calendarOf(ctx), dayOf(ctx, c.received_at), day);

/** The day the clock of a case accepted on `day` starts: that day, or the day of receipt (art. 32). */
export const clockStart = (ctx: Ctx, c: Row<'cases'>, day: string): string =>
  clockStartDay(calendarOf(ctx), dayOf(ctx, c.received_at), day, c.supplement_count > 0 && c.late_notice === 0);

/** A decision on `day`: the working days past the statutory due day, and the card they earn the handler. */
export function decisionLateness(ctx: Ctx, c: Row<'cases'>, day: string): Pick<Row<'cases'>, 'late_days' | 'card'> {
  const late = daysLate(calendarOf(ctx), c.statutory_due!, day);
  return { late_days: late, card: decisionCard(late) };
}

const PAUSE_EVENTS = sqlIn([...PAUSE_KINDS, 'resume']);

/**
 * The case's finished pauses, from its history: each 挂起 or 特别程序 to the restart after it. Kept
 * as days, so that each limit counts them in its own unit (a joint part in working days, a
 * natural-day limit in natural days).
 */
function pausesOf(ctx: Ctx, caseId: string): Pause[] {
  const events = sql(ctx, `SELECT action, at FROM case_events WHERE case_id = ? AND action ${PAUSE_EVENTS} ORDER BY at, rowid`).all(
    caseId,
  ) as { action: string; at: number }[];
  const pauses: Pause[] = [];
  let from: string | null = null;
  for (const e of events) {
    if (e.action !== 'resume') from = dayOf(ctx, e.at);
    else if (from !== null) {
      pauses.push({ from, to: dayOf(ctx, e.at) });
      from = null;
    }
  }
  return pauses;
}

/**
 * The due days of a case's running clocks: while the decision clock runs, the promised, statutory
 * and yellow days (and its undecided joint parts', written here); once decided, the delivery due
 * day. Returns the case's columns to patch; nothing for a case with no clock.
 */
export function deadlinePatch(ctx: Ctx, c: Row<'cases'>): Partial<Row<'cases'>> {
  const cal = calendarOf(ctx);
  const patch: Partial<Row<'cases'>> = {};
  const uncovered: number[] = [];
  if (c.accepted_day !== null && RUNNING.includes(c.status)) {
    const { yellowShare } = parseCaseSettings(ctx.store.get('halls', ctx.hallId)!.case_settings);
    const pauses = pausesOf(ctx, c.id);
    const d = caseDeadlines(
      cal,
      c.accepted_day,
      { promised: c.promised_limit, unit: c.limit_unit, statutory: c.statutory_limit, statutoryUnit: c.statutory_unit },
      c.extension_days,
      pauses,
      yellowShare,
    );
    for (const part of ctx.store.where('case_parts', "case_id = ? AND outcome = 'pending'", c.id)) {
      const due = partDue(cal, c.accepted_day, part.limit_days, pauses).date;
      if (due !== part.due_day) ctx.store.patch('case_parts', part.id, { due_day: due });
    }
    Object.assign(patch, { promised_due: d.promisedDue, statutory_due: d.statutoryDue, yellow_from: d.yellowFrom });
    uncovered.push(...d.uncovered);
  }
  if (c.decided_at !== null && DECIDED.includes(c.status)) {
    const delivery = deliveryDue(cal, dayOf(ctx, c.decided_at));
    patch.delivery_due = delivery.date;
    uncovered.push(...delivery.uncovered);
  }
  return Object.keys(patch).length ? { ...patch, calendar_warning: [...new Set(uncovered)].sort().join(',') } : patch;
}

/** After a calendar or settings change: the due days of every case with a clock again; only changed rows are written. */
export function recomputeDeadlines(ctx: Ctx): number {
  let changed = 0;
  for (const c of ctx.store.where('cases', `status ${sqlIn(CLOCKED)}`)) {
    const patch = deadlinePatch(ctx, c);
    if (Object.entries(patch).some(([k, v]) => c[k as keyof typeof c] !== v)) {
      ctx.store.patch('cases', c.id, patch);
      changed++;
    }
  }
  return changed;
}
