import { CASE_STATUSES } from '../../../shared/cases/enums';
import { FINAL } from '../../../shared/cases/rules';
import { sqlIn } from '../../../shared/kernel/sql';
import { projectRow, projections, type AnyRow, type Snapshot, type TableName } from '../../../shared/protocol';
import { hallDay, hallDayStart } from '../../../shared/queue/rules';
import { parseQueueSettings } from '../../../shared/queue/settings';
import type { Store } from '../store';
import { CaseAudiences, type Scope } from './scope';

/** Cases a terminal works with: not yet ended, or touched today (ten years of history stay on the hub). */
const OPEN_CASES = `id IN (SELECT id FROM cases WHERE status ${sqlIn(CASE_STATUSES.filter((st) => !FINAL.includes(st)))}
  UNION SELECT id FROM cases WHERE updated_at >= ?)`;

/**
 * A snapshot holds what a terminal works with: today's records and anything still open, not
 * the hall's whole history (that is for reports, asked of the hub).
 */
function snapshotRows(store: Store, table: TableName, day: string, dayStart: number): AnyRow[] {
  switch (table) {
    case 'tickets':
      return store.where('tickets', "day >= ? OR status NOT IN ('finished','no_show','cancelled')", day);
    case 'counter_log':
      return store.where('counter_log', 'at >= ?', dayStart);
    case 'ticket_events':
      return store.where('ticket_events', 'at >= ?', dayStart);
    case 'call_announcements':
      return store.where('call_announcements', 'at >= ?', dayStart);
    case 'inquiries':
      return store.where('inquiries', "status = 'open' OR created_at >= ?", dayStart);
    case 'hall_days':
      return store.where('hall_days', 'day >= ?', day);
    case 'cases':
      return store.where('cases', OPEN_CASES, dayStart);
    case 'case_parts':
    case 'case_events':
    case 'case_notices':
      return store.where(table, `case_id IN (SELECT id FROM cases WHERE ${OPEN_CASES})`, dayStart);
    default:
      return store.all(table);
  }
}

/**
 * Every replicated table as a terminal of `scope` may see it, as of the store's current seq: its
 * role's columns of the rows its scope holds. `now` decides the hall day.
 */
export function snapshotFor(store: Store, hallId: string, scope: Scope, now: number): Snapshot {
  const { utcOffsetMinutes } = parseQueueSettings(store.get('halls', hallId)!.queue_settings);
  const day = hallDay(now, utcOffsetMinutes);
  const dayStart = hallDayStart(day, utcOffsetMinutes);
  const cases = new CaseAudiences(store.db);
  const tables: Snapshot['tables'] = {};
  for (const table of Object.keys(projections[scope.role]) as TableName[]) {
    tables[table] = snapshotRows(store, table, day, dayStart)
      .filter((r) => scope.holds(table, r, cases))
      .map((r) => projectRow(scope.role, table, r)!);
  }
  return { seq: store.currentSeq, tables };
}
