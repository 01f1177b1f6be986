import type { StaffAlertNow } from '../../../../shared/archive/queries';
import type { Clock } from '../../../../shared/kernel/clock';
import type { QueryAnswer } from '../../../../shared/protocol';
import type { Db } from '../../../db/open';
import { hubQuery, type QueryJob } from '../../queries/request';

const keyOf = (e: StaffAlertNow) => `${e.kind}|${e.counter_id}|${e.staff_id}`;

/**
 * Records, as they happen on the hub's clock, the episodes of the board's alerts that are a staff
 * member's own (archive/enums STAFF_ALERT_KINDS): the alerts are computed from the hub's rows by the
 * board's own functions (queue/alerts), each minute; an alert present now and not before opens an
 * episode for the staff member signed in at its counter, one gone (or whose counter changed hands)
 * ends. An episode is therefore seen to the minute: one that began and ended between two sweeps is
 * not recorded, as a manager glancing at the board each minute would not have seen it either.
 *
 * The alerts are computed by the query worker (`ask`), on its own read-only connection, from what
 * the hub had committed when it asked; the hub writes the episodes from its answer.
 */
export class AlertEpisodes {
  /** The sweep under way: one at a time, so that a sweep's write never races an older one's. */
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly hallId: string,
    private readonly clock: Clock,
    private readonly ask: (job: QueryJob) => Promise<QueryAnswer>,
  ) {}

  /**
   * Opens and ends episodes to match the alerts now (one transaction). While a sweep still waits
   * for the worker (behind a long report), the next minute's joins it rather than queueing another.
   * Rejects when the worker could not answer or the disk refused the write: nothing is written then.
   */
  tick(): Promise<void> {
    this.running ??= this.sweep().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves once no sweep is under way (before the database closes under one); never rejects. */
  async idle(): Promise<void> {
    await this.running?.catch(() => {});
  }

  private async sweep(): Promise<void> {
    const now = this.clock();
    const { db } = this;
    // A staff alert is about someone signed in at a counter: with nobody signed in there is none,
    // and a hub before opening or after closing need not start its worker to find that out.
    const staffed = db.prepare('SELECT 1 FROM counters WHERE staff_id IS NOT NULL LIMIT 1').get() !== undefined;
    const current = new Map((staffed ? await this.alertsAt(now) : []).map((e) => [keyOf(e), e]));
    const open = db.prepare('SELECT id, kind, counter_id, staff_id FROM staff_alerts WHERE to_at IS NULL').all() as (StaffAlertNow & {
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

  private async alertsAt(now: number): Promise<StaffAlertNow[]> {
    const answer = await this.ask(hubQuery('archive.staffAlertsNow', {}, now));
    if (!answer.ok) throw new Error(`the alerts were not computed: ${answer.error.message}`);
    return answer.result as StaffAlertNow[];
  }
}
