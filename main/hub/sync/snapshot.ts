import { CASE_STATUSES } from '../../../shared/cases/enums';
import { FINAL } from '../../../shared/cases/rules';
import type { TerminalRole } from '../../../shared/kernel/roles';
import { projectRow, projections, type AnyRow, type Snapshot, type TableName } from '../../../shared/protocol';
import { hallDay, hallDayStart } from '../../../shared/queue/rules';
import { parseQueueSettings } from '../../../shared/queue/settings';
import type { Store } from '../store';

/** Cases a terminal works with: not yet ended, or touched today (ten years of history stay on the hub). */
const OPEN_CASES = `id IN (SELECT id FROM cases WHERE status IN (${CASE_STATUSES.filter((st) => !FINAL.includes(st))
  .map((st) => `'${st}'`)
  .join(',')})
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
    case 'inquiries':
      return store.where('inquiries', "status = 'open' OR created_at >= ?", dayStart);
    case 'hall_days':
      return store.where('hall_days', 'day >= ?', day);
    case 'cases':
      return store.where('cases', OPEN_CASES, dayStart);
    case 'case_parts':
    case 'case_events':
      return store.where(table, `case_id IN (SELECT id FROM cases WHERE ${OPEN_CASES})`, dayStart);
    default:
      return store.all(table);
  }
}

/** Every replicated table as `role` may see it, as of the store's current seq; `now` decides the hall day. */
export function snapshotFor(store: Store, hallId: string, role: TerminalRole, now: number): Snapshot {
  const { utcOffsetMinutes } = parseQueueSettings(store.get('halls', hallId)!.queue_settings);
  const day = hallDay(now, utcOffsetMinutes);
  const dayStart = hallDayStart(day, utcOffsetMinutes);
  const tables: Snapshot['tables'] = {};
  for (const table of Object.keys(projections[role]) as TableName[]) {
    tables[table] = snapshotRows(store, table, day, dayStart).map((r) => projectRow(role, table, r)!);
  }
  return { seq: store.currentSeq, tables };
}
