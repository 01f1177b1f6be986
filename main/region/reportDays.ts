import { hallDayStart } from '../../shared/queue/rules';
import { parseQueueSettings } from '../../shared/queue/settings';
import { CASE_SUMS, QUEUE_SUMS } from '../../shared/reports/days';
import { RATING_SUMS } from '../../shared/reports/figures';
import { caseSumsByDay, daysFrom, hallRows, queueDaySums, ratingTallyOf } from './hallFigures';
import type { RegionStore } from './store';

/**
 * The region's daily report rows of a hall (migration 0004), made as the hall's own close makes its
 * aggregates (main/hub/features/reports/aggregate): for each closed hall day, its queue sums; for
 * every calendar day since the closed day before it (that day included: what was done there after
 * its close counts too), its case sums and 好差评 tally. A day's rows are made again whenever its
 * hall_days row changes (a later seq), so a crash between a batch and this step only delays them:
 * the next run finds the day still behind.
 */

const DAY_MS = 86_400_000;

const upsert = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (hall_id, day, ${columns.join(', ')}) VALUES ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')})
   ON CONFLICT (hall_id, day) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
const INSERT_QUEUE = upsert('region_queue_days', QUEUE_SUMS);
const INSERT_CASE = upsert('region_case_days', CASE_SUMS);
const INSERT_RATING = upsert('region_rating_days', RATING_SUMS);

/** The closed days of the hall whose report rows are missing or older than their hall_days row. */
const BEHIND = `
  SELECT h.row->>'day' AS day, (h.row->>'closed_at')::bigint AS closed_at, h.seq,
    (SELECT max(p.row->>'day') FROM hall_rows p WHERE p.hall_id = h.hall_id AND p.tbl = 'hall_days'
       AND p.row->>'closed_at' IS NOT NULL AND p.row->>'day' < h.row->>'day') AS previous
  FROM hall_rows h LEFT JOIN region_report_days d ON d.hall_id = h.hall_id AND d.day = (h.row->>'day')::date
  WHERE h.hall_id = $1 AND h.tbl = 'hall_days' AND h.row->>'closed_at' IS NOT NULL AND (d.seq IS NULL OR d.seq < h.seq)
  ORDER BY 1`;

/** Makes the report rows of every closed day of the hall that is behind; how many days were made. */
export async function reportClosedDays(store: RegionStore, hallId: string, now: number): Promise<number> {
  const { rows: behind } = await store.pool.query<{ day: string; closed_at: string; seq: string; previous: string | null }>(BEHIND, [
    hallId,
  ]);
  if (!behind.length) return 0;
  const [identity] = await hallRows(store.pool, hallId, 'halls', '', [], ['queue_settings']);
  const offset = parseQueueSettings(identity?.queue_settings ?? '{}').utcOffsetMinutes;
  for (const d of behind) {
    const queue = await queueDaySums(store.pool, hallId, d.day, Number(d.closed_at), offset);
    const first = d.previous ?? d.day;
    const cases = await caseSumsByDay(store.pool, hallId, first, d.day, offset);
    const ratings = new Map<string, Awaited<ReturnType<typeof ratingTallyOf>>>();
    for (const day of daysFrom(first, d.day)) {
      const start = hallDayStart(day, offset);
      ratings.set(day, await ratingTallyOf(store.pool, hallId, start, start + DAY_MS, now));
    }
    await store.tx(async (c) => {
      await c.query(INSERT_QUEUE, [hallId, d.day, ...QUEUE_SUMS.map((k) => queue[k])]);
      for (const [day, sums] of cases) await c.query(INSERT_CASE, [hallId, day, ...CASE_SUMS.map((k) => sums[k])]);
      for (const [day, tally] of ratings) await c.query(INSERT_RATING, [hallId, day, ...RATING_SUMS.map((k) => tally[k])]);
      await c.query(
        `INSERT INTO region_report_days (hall_id, day, seq) VALUES ($1, $2, $3)
         ON CONFLICT (hall_id, day) DO UPDATE SET seq = excluded.seq`,
        [hallId, d.day, d.seq],
      );
    });
  }
  return behind.length;
}
