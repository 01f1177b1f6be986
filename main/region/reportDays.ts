import { requestStatus } from '../../shared/ratings/rules';
import { hallDay, hallDayStart } from '../../shared/queue/rules';
import { parseQueueSettings } from '../../shared/queue/settings';
import { CASE_SUMS, QUEUE_SUMS } from '../../shared/reports/days';
import { RATING_SUMS } from '../../shared/reports/figures';
import {
  caseSumsByDay,
  counterDaySums,
  daysFrom,
  hallRows,
  queueDaySums,
  ratingTallyOf,
  REGION_COUNTER_SUMS,
  type Queryable,
} from './hallFigures';
import type { RegionStore } from './store';

/**
 * The region's daily report rows of a hall (migrations 0004, 0006), made as the hall's own close makes its
 * aggregates (main/hub/features/reports/aggregate): for each closed hall day, its queue and counter sums; for
 * every calendar day since the closed day before it (that day included: what was done there after
 * its close counts too), its case sums and 好差评 tally. A day's rows are made again whenever its
 * hall_days row changes (a later seq), so a crash between a batch and this step only delays them:
 * the next run finds the day still behind.
 *
 * The hall reads 好差评 live (reports/enums LIVE_REPORTS: an appeal decided later changes a past
 * day), so a day's tally here is made again when it moves after its close: a rating of one of its
 * requests given, excluded or changed (a change to the hall's ratings past the mark of migration
 * 0006), or one of its requests still pending when it was made expiring unrated (its remake_at).
 */

const DAY_MS = 86_400_000;

// Columns quoted: a sum's name keeps its case (paused_systemFault_ms).
const upsert = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (hall_id, day, ${columns.map((c) => `"${c}"`).join(', ')}) VALUES ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')})
   ON CONFLICT (hall_id, day) DO UPDATE SET ${columns.map((c) => `"${c}" = excluded."${c}"`).join(', ')}`;
const INSERT_QUEUE = upsert('region_queue_days', QUEUE_SUMS);
const INSERT_CASE = upsert('region_case_days', CASE_SUMS);
const INSERT_COUNTER = upsert('region_counter_days', REGION_COUNTER_SUMS);
const RATING_COLUMNS = [...RATING_SUMS, 'remake_at'] as const;
const INSERT_RATING = upsert('region_rating_days', RATING_COLUMNS);

/** The closed days of the hall whose report rows are missing or older than their hall_days row. */
const BEHIND = `
  SELECT h.row->>'day' AS day, (h.row->>'closed_at')::bigint AS closed_at, h.seq,
    (SELECT max(p.row->>'day') FROM hall_rows p WHERE p.hall_id = h.hall_id AND p.tbl = 'hall_days'
       AND p.row->>'closed_at' IS NOT NULL AND p.row->>'day' < h.row->>'day') AS previous
  FROM hall_rows h LEFT JOIN region_report_days d ON d.hall_id = h.hall_id AND d.day = (h.row->>'day')::date
  WHERE h.hall_id = $1 AND h.tbl = 'hall_days' AND h.row->>'closed_at' IS NOT NULL AND (d.seq IS NULL OR d.seq < h.seq)
  ORDER BY 1`;

/** The utc offset of the hall's days, from its own settings. */
async function hallOffset(db: Queryable, hallId: string): Promise<number> {
  const [identity] = await hallRows(db, hallId, 'halls', '', [], ['queue_settings']);
  return parseQueueSettings(identity?.queue_settings ?? '{}').utcOffsetMinutes;
}

/** A request's fields in SQL as the 好差评 definitions read them: its status as text, its times as numbers. */
const requestField = (f: string) => (f === 'status' ? `(row->>'status')` : `(row->>'${f}')::bigint`);
const NEXT_EXPIRY = `SELECT min((row->>'expires_at')::bigint)::text AS at FROM hall_rows
  WHERE hall_id = $1 AND tbl = 'rating_requests' AND (row->>'created_at')::bigint >= $2 AND (row->>'created_at')::bigint < $3
    AND ${requestStatus.sql(requestField, '$4::bigint')} = 'pending'`;

/** A calendar day's 好差评 row as of `now`: its tally, and when it moves by itself (a pending request's expiry), if it will. */
async function ratingDay(db: Queryable, hallId: string, day: string, offset: number, now: number): Promise<unknown[]> {
  const start = hallDayStart(day, offset);
  const tally = await ratingTallyOf(db, hallId, start, start + DAY_MS, now);
  const { rows } = await db.query<{ at: string | null }>(NEXT_EXPIRY, [hallId, start, start + DAY_MS, now]);
  const remakeAt = rows[0]?.at == null ? null : Number(rows[0].at);
  return [hallId, day, ...RATING_SUMS.map((k) => tally[k]), remakeAt];
}

/** Makes the report rows of every closed day of the hall that is behind, then its moved 好差评 days; how many closed days were made. */
export async function reportClosedDays(store: RegionStore, hallId: string, now: number): Promise<number> {
  const { rows: behind } = await store.pool.query<{ day: string; closed_at: string; seq: string; previous: string | null }>(BEHIND, [
    hallId,
  ]);
  const offset = await hallOffset(store.pool, hallId);
  for (const d of behind) {
    const queue = await queueDaySums(store.pool, hallId, d.day, Number(d.closed_at), offset);
    const counters = await counterDaySums(store.pool, hallId, d.day, Number(d.closed_at), offset);
    const first = d.previous ?? d.day;
    const cases = await caseSumsByDay(store.pool, hallId, first, d.day, offset);
    const ratings: unknown[][] = [];
    for (const day of daysFrom(first, d.day)) ratings.push(await ratingDay(store.pool, hallId, day, offset, now));
    await store.tx(async (c) => {
      await c.query(INSERT_QUEUE, [hallId, d.day, ...QUEUE_SUMS.map((k) => queue[k])]);
      await c.query(INSERT_COUNTER, [hallId, d.day, ...REGION_COUNTER_SUMS.map((k) => counters[k])]);
      for (const [day, sums] of cases) await c.query(INSERT_CASE, [hallId, day, ...CASE_SUMS.map((k) => sums[k])]);
      for (const args of ratings) await c.query(INSERT_RATING, args);
      await c.query(
        `INSERT INTO region_report_days (hall_id, day, seq) VALUES ($1, $2, $3)
         ON CONFLICT (hall_id, day) DO UPDATE SET seq = excluded.seq`,
        [hallId, d.day, d.seq],
      );
    });
  }
  await remakeRatingDays(store, hallId, now, offset);
  return behind.length;
}

/** The requests whose rows or ratings changed in the hall's seqs ($2, $3]: their creation times. */
const CHANGED_REQUESTS = `
  SELECT DISTINCT (r.row->>'created_at')::bigint AS created_at
  FROM hall_changes c JOIN hall_rows r ON r.hall_id = c.hall_id AND r.tbl = 'rating_requests' AND r.id = c.id
  WHERE c.hall_id = $1 AND c.seq > $2 AND c.seq <= $3 AND c.tbl IN ('ratings', 'rating_requests')`;

/**
 * Makes again the 好差评 rows of the hall's days already made that moved since: their ratings
 * changed after the mark, or a request pending then has expired. The days not made yet are left to
 * their close. The mark moves to the cursor read first, with the rows, in one transaction: a change
 * landing meanwhile lies past it and is looked at next time. How many days were made again.
 */
export async function remakeRatingDays(store: RegionStore, hallId: string, now: number, offset?: number): Promise<number> {
  const db = store.pool;
  const { rows: at } = await db.query<{ cursor: string; mark: string | null }>(
    `SELECT h.cursor, m.seq AS mark FROM region_halls h LEFT JOIN region_report_marks m ON m.hall_id = h.hall_id WHERE h.hall_id = $1`,
    [hallId],
  );
  if (!at[0]) return 0;
  const cursor = Number(at[0].cursor);
  const mark = Number(at[0].mark ?? 0);
  const hallOffsetMinutes = offset ?? (await hallOffset(db, hallId));
  const changed = cursor > mark ? (await db.query<{ created_at: string }>(CHANGED_REQUESTS, [hallId, mark, cursor])).rows : [];
  const candidates = [...new Set(changed.map((r) => hallDay(Number(r.created_at), hallOffsetMinutes)))];
  const { rows: due } = await db.query<{ day: string }>(
    `SELECT day::text AS day FROM region_rating_days WHERE hall_id = $1 AND (day = ANY($2::date[]) OR remake_at <= $3) ORDER BY day`,
    [hallId, candidates, now],
  );
  const rows: unknown[][] = [];
  for (const { day } of due) rows.push(await ratingDay(db, hallId, day, hallOffsetMinutes, now));
  if (rows.length === 0 && cursor === mark) return 0;
  await store.tx(async (c) => {
    for (const args of rows) await c.query(INSERT_RATING, args);
    await c.query(
      `INSERT INTO region_report_marks (hall_id, seq) VALUES ($1, $2)
       ON CONFLICT (hall_id) DO UPDATE SET seq = greatest(region_report_marks.seq, excluded.seq)`,
      [hallId, cursor],
    );
  });
  return rows.length;
}
