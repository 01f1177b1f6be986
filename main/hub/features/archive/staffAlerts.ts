import type { StaffAlertNow } from '../../../../shared/archive/queries';
import { STAFF_ALERT_KINDS, type StaffAlertKind } from '../../../../shared/archive/enums';
import { alertsNow, counterProfilesOf, queueDayOf } from '../../../../shared/queue/alerts';
import { rowsWhere, type ReadonlyDb } from '../../readonlyDb';

const STAFF_KINDS: ReadonlySet<string> = new Set(STAFF_ALERT_KINDS);

/**
 * The staff alerts at `now` on hall day `day`, each with whom it is about: the board's own alert
 * functions (queue/alerts) over the hub's rows. The query worker runs it (archive.staffAlertsNow,
 * for the hub's minute sweep in alertEpisodes.ts): with the day's tickets of a busy hall it takes
 * tens of milliseconds, far more with a thousand counters, which every call waiting behind it on
 * the hub's event loop would feel.
 */
export function staffAlertsNow(db: ReadonlyDb, day: string, now: number): StaffAlertNow[] {
  const services = rowsWhere(db, 'services', '1 = 1');
  const counters = rowsWhere(db, 'counters', '1 = 1');
  const q = queueDayOf(
    rowsWhere(db, 'tickets', 'day = ?', day),
    rowsWhere(db, 'ticket_events', 'ticket_id IN (SELECT id FROM tickets WHERE day = ?)', day),
    services,
    now,
  );
  const staffAt = new Map(counters.map((c) => [c.id, c.staff_id]));
  return alertsNow(services, counterProfilesOf(counters, rowsWhere(db, 'counter_services', '1 = 1')), q, now).flatMap((a) => {
    const staffId = 'counterId' in a ? staffAt.get(a.counterId) : null;
    return STAFF_KINDS.has(a.kind) && 'counterId' in a && staffId
      ? [{ kind: a.kind as StaffAlertKind, counter_id: a.counterId, staff_id: staffId }]
      : [];
  });
}
