import type { Database } from 'better-sqlite3';

/**
 * Writes past days' tickets straight into a hall database, as the months before a test would have
 * left them (the forecast reads history; making it by calling every ticket would take minutes):
 * `arrivals(day, prefix, hour)` finished tickets of service `<hall>-s-<prefix>`, issued through the
 * hour (UTC+8), each served `serviceMin` minutes. Each day is recorded as a day the hall opened.
 */
export function seedHistory(
  db: Database,
  days: readonly string[],
  prefixes: readonly string[],
  arrivals: (day: string, prefix: string, hour: number) => number,
  serviceMin: number,
  hallId = 'H3301',
): number {
  const day = db.prepare('INSERT OR IGNORE INTO hall_days (id, hall_id, day, closed_at) VALUES (?, ?, ?, ?)');
  const ticket = db.prepare(`INSERT INTO tickets (id, hall_id, day, service_id, seq, number, issued_service_id, priority, status, queue_key,
    issued_at, called_at, first_called_at, started_at, finished_at, counter_id, staff_id)
    VALUES (@id, @hall, @day, @service, @seq, @number, @service, 'normal', 'finished', @seq, @issued, @called, @called, @started, @finished, @counter, @staff)`);
  let written = 0;
  db.transaction(() => {
    for (const d of days) {
      const midnight = Date.parse(`${d}T00:00:00+08:00`);
      day.run(`${hallId}-day-${d}`, hallId, d, midnight + 18 * 3_600_000);
      for (const prefix of prefixes) {
        let seq = 0;
        for (let hour = 0; hour < 24; hour++) {
          const n = arrivals(d, prefix, hour);
          for (let i = 0; i < n; i++) {
            seq++;
            const issued = midnight + hour * 3_600_000 + Math.floor(((i + 0.5) * 3_600_000) / n);
            const called = issued + 60_000;
            ticket.run({
              id: `${hallId}-hist-${d}-${prefix}-${seq}`,
              hall: hallId,
              day: d,
              service: `${hallId}-s-${prefix}`,
              seq,
              number: `${prefix}${String(seq).padStart(3, '0')}`,
              issued,
              called,
              started: called + 30_000,
              finished: called + 30_000 + serviceMin * 60_000,
              counter: `${hallId}-c-01`,
              staff: `${hallId}-u-1`,
            });
            written++;
          }
        }
      }
    }
  })();
  return written;
}
