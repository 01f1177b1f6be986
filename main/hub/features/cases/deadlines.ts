import { PAUSE_KINDS } from '../../../../shared/cases/enums';
import { caseDeadlines, partDue, RUNNING, type Pause } from '../../../../shared/cases/rules';
import { parseCaseSettings } from '../../../../shared/cases/settings';
import { sqlIn } from '../../../../shared/kernel/sql';
import { type CommandType, type Row } from '../../../../shared/protocol';
import { hallDay } from '../../../../shared/queue/rules';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import { sql, type HandlerContext } from '../../commands/context';
import { hallCalendar } from '../calendar/calendar';

/**
 * A case's clock at the hub (DOMAIN.md "Time limits"): its due days and its joint parts'. They
 * read the hall's calendar as it is now, so a calendar change recomputes them all.
 */

type Ctx = HandlerContext<CommandType>;

/** The hall day of a moment. */
export const dayOf = (ctx: Ctx, t: number) =>
  hallDay(t, parseQueueSettings(ctx.store.get('halls', ctx.hallId)!.queue_settings).utcOffsetMinutes);

const calendarOf = (ctx: Ctx) => hallCalendar(ctx.store.db, ctx.hallId);

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
 * The due days of a running case (and of its undecided joint parts, written here) from the
 * calendar as it is now; nothing for a case whose clock has not started.
 */
export function deadlinePatch(ctx: Ctx, c: Row<'cases'>): Partial<Row<'cases'>> {
  if (c.accepted_day === null) return {};
  const cal = calendarOf(ctx);
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
  return { promised_due: d.promisedDue, statutory_due: d.statutoryDue, yellow_from: d.yellowFrom, calendar_warning: d.uncovered.join(',') };
}

/** After a calendar or settings change: every running case's due days again; only changed rows are written. */
export function recomputeDeadlines(ctx: Ctx): number {
  let changed = 0;
  for (const c of ctx.store.where('cases', `status ${sqlIn(RUNNING)}`)) {
    const patch = deadlinePatch(ctx, c);
    if (Object.entries(patch).some(([k, v]) => c[k as keyof typeof c] !== v)) {
      ctx.store.patch('cases', c.id, patch);
      changed++;
    }
  }
  return changed;
}
