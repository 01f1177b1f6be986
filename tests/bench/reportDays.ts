import type Database from 'better-sqlite3';

/**
 * The reports' daily aggregates of the generated ten years, written straight into the database as
 * the tickets and cases were: the generator writes no ticket events and no counter log, so the
 * rows are counted here from the tickets' and cases' own times, by the same grains and columns the
 * day's close writes (shared/reports/days). What the bench measures is reading a year of them.
 */
export function writeReportDays(db: Database.Database, offsetMs: number): void {
  const local = (col: string) => `(${col} + ${offsetMs})`;
  const day = (col: string) => `date(${local(col)} / 1000, 'unixepoch')`;
  const hour = (col: string) => `CAST((${local(col)} % 86400000) / 3600000 AS INTEGER)`;
  db.transaction(() => {
    for (const [dim, key] of [
      ['service', 't.service_id'],
      ['counter', 't.counter_id'],
      ['staff', 't.staff_id'],
    ] as const) {
      db.exec(`INSERT INTO report_queue_days
        SELECT '${dim}', t.day, ${hour('t.issued_at')}, ${key}, count(*), 0, sum(t.status = 'no_show'), count(t.called_at),
          sum(t.called_at - t.issued_at), sum(t.called_at - t.issued_at <= s.max_wait_min * 60000), 0, count(t.started_at),
          coalesce(sum(t.started_at - t.called_at), 0), sum(t.status = 'finished'), coalesce(sum(t.finished_at - t.started_at), 0),
          coalesce(sum(CASE WHEN t.status = 'finished' THEN t.finished_at - t.issued_at END), 0), coalesce(sum(t.finished_at - t.started_at), 0)
        FROM tickets t JOIN services s ON s.id = t.service_id GROUP BY 2, 3, 4`);
    }
    // Every counter that called in an hour was signed in for that hour, and so was its clerk.
    for (const [dim, key] of [
      ['counter', 'counter_id'],
      ['staff', 'staff_id'],
    ] as const) {
      db.exec(`INSERT INTO report_counter_days
        SELECT '${dim}', day, ${hour('issued_at')}, ${key}, 3600000, coalesce(sum(finished_at - started_at), 0), 0, 0
        FROM tickets GROUP BY 2, 3, 4`);
    }
    const moments = (dim: string, received: string, concluded: string) => `
      SELECT '${dim}' AS dim, ${day('received_at')} AS day, ${received} AS key, 1 AS received, 1 AS accepted, 0 AS concluded, 0 AS on_time,
        0 AS overdue, 0 AS supplemented, 0 AS days_counted, 0 AS used_days, 0 AS promised_days, 0 AS statutory_days FROM cases
      UNION ALL
      SELECT '${dim}', ${day('concluded_at')}, ${concluded}, 0, 0, 1, on_time, 1 - on_time, supplement_count > 0, limit_unit = 'working_days',
        used_days, promised_limit, statutory_limit FROM cases WHERE concluded_at IS NOT NULL`;
    db.exec(`INSERT INTO report_case_days
      SELECT dim, day, key, sum(received), sum(accepted), sum(concluded), sum(on_time), sum(overdue), sum(supplemented), sum(days_counted),
        sum(used_days), sum(promised_days), sum(statutory_days), 0, 0
      FROM (${moments('item', 'item_id', 'item_id')} UNION ALL ${moments('counter', 'counter_id', 'counter_id')}
            UNION ALL ${moments('staff', 'first_clerk_id', 'coalesce(handler_id, first_clerk_id)')})
      WHERE key IS NOT NULL GROUP BY 1, 2, 3`);
  })();
}
