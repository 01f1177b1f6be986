import { STAFF_ALERT_KINDS, type StaffAlertKind } from '../../../../shared/archive/enums';
import type { Clock } from '../../../../shared/kernel/clock';
import { alertsNow, counterProfilesOf, queueDayOf } from '../../../../shared/queue/alerts';
import { hallDay } from '../../../../shared/queue/rules';
import { parseQueueSettings } from '../../../../shared/queue/settings';
import type { Store } from '../../store';

const STAFF_KINDS: ReadonlySet<string> = new Set(STAFF_ALERT_KINDS);

interface Episode {
  kind: StaffAlertKind;
  counter_id: string;
  staff_id: string;
}
const keyOf = (e: Episode) => `${e.kind}|${e.counter_id}|${e.staff_id}`;

/**
 * Records, as they happen on the hub's clock, the episodes of the board's alerts that are a staff
 * member's own (archive/enums STAFF_ALERT_KINDS): the alerts are computed from the hub's rows by the
 * board's own functions (queue/alerts), each minute; an alert present now and not before opens an
 * episode for the staff member signed in at its counter, one gone (or whose counter changed hands)
 * ends. An episode is therefore seen to the minute: one that began and ended between two sweeps is
 * not recorded, as a manager glancing at the board each minute would not have seen it either.
 */
export class AlertEpisodes {
  constructor(
    private readonly store: Store,
    private readonly hallId: string,
    private readonly clock: Clock,
  ) {}

  /** The staff alerts now, each with whom it is about. */
  current(now: number): Episode[] {
    const { store } = this;
    const settings = parseQueueSettings(store.get('halls', this.hallId)!.queue_settings);
    const day = hallDay(now, settings.utcOffsetMinutes);
    const services = store.where('services', '1 = 1');
    const counters = store.where('counters', '1 = 1');
    const q = queueDayOf(
      store.where('tickets', 'day = ?', day),
      store.where('ticket_events', 'ticket_id IN (SELECT id FROM tickets WHERE day = ?)', day),
      services,
      now,
    );
    const staffAt = new Map(counters.map((c) => [c.id, c.staff_id]));
    return alertsNow(services, counterProfilesOf(counters, store.where('counter_services', '1 = 1')), q, now).flatMap((a) => {
      const staffId = 'counterId' in a ? staffAt.get(a.counterId) : null;
      return STAFF_KINDS.has(a.kind) && 'counterId' in a && staffId
        ? [{ kind: a.kind as StaffAlertKind, counter_id: a.counterId, staff_id: staffId }]
        : [];
    });
  }

  /** Opens and ends episodes to match the alerts now (one transaction). */
  tick(): void {
    const now = this.clock();
    const db = this.store.db;
    const current = new Map(this.current(now).map((e) => [keyOf(e), e]));
    const open = db.prepare('SELECT id, kind, counter_id, staff_id FROM staff_alerts WHERE to_at IS NULL').all() as (Episode & {
      id: number;
    })[];
    const end = db.prepare('UPDATE staff_alerts SET to_at = ? WHERE id = ?');
    const begin = db.prepare('INSERT INTO staff_alerts (hall_id, kind, counter_id, staff_id, from_at) VALUES (?, ?, ?, ?, ?)');
    db.transaction(() => {
      const still = new Set<string>();
      for (const e of open) {
        if (current.has(keyOf(e))) still.add(keyOf(e));
        else end.run(now, e.id);
      }
      for (const [key, e] of current) if (!still.has(key)) begin.run(this.hallId, e.kind, e.counter_id, e.staff_id, now);
    })();
  }
}
