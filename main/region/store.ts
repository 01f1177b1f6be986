import pg from 'pg';
import type { FeedBatch, FeedEntry, Snapshot } from '../../shared/protocol/feed';
import { regionMigrations } from './migrations';

/** A hall the region follows: where its hub is and how far its feed has landed here. */
export interface RegionHall {
  hallId: string;
  name: string;
  hubUrl: string;
  token: string;
  epoch: string | null;
  cursor: number;
}

/** What became of a feed batch: landed, already here (sent again), or not following on (changes missed). */
export type BatchOutcome = 'applied' | 'old' | 'gap';

/** One lock for every region process on the store: migrations run once, whoever starts first. */
const MIGRATION_LOCK = 0x5e41_0001;

/**
 * The regional store in PostgreSQL. Invariant: a hall's rows and its cursor change in one
 * transaction, so after any crash the cursor says exactly which changes the rows hold; a change is
 * recorded under (hall, seq) once, and a batch sent again is skipped up to the cursor.
 */
export class RegionStore {
  constructor(readonly pool: pg.Pool) {}

  static connect(url: string): RegionStore {
    return new RegionStore(new pg.Pool({ connectionString: url, max: 8 }));
  }

  /** Brings the schema up to date; concurrent starts wait on one advisory lock. */
  async migrate(): Promise<number> {
    return this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query(
        'CREATE TABLE IF NOT EXISTS region_schema (version INT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const { rows } = await c.query<{ name: string }>('SELECT name FROM region_schema ORDER BY version');
      const applied = rows.length;
      if (applied > regionMigrations.length)
        throw new Error(`regional store schema ${applied} is newer than this program (${regionMigrations.length})`);
      // Migrations run by count: a store whose applied ones are not this program's first ones (a
      // migration inserted before a shipped one) would run a shipped one twice. Refuse it whole.
      const differs = rows.findIndex((r, i) => r.name !== regionMigrations[i]!.name);
      if (differs >= 0)
        throw new Error(
          `regional store migration ${differs + 1} is ${rows[differs]!.name}, this program's is ${regionMigrations[differs]!.name}`,
        );
      for (let v = applied; v < regionMigrations.length; v++) {
        await c.query(regionMigrations[v]!.sql);
        await c.query('INSERT INTO region_schema (version, name) VALUES ($1, $2)', [v + 1, regionMigrations[v]!.name]);
      }
      return regionMigrations.length - applied;
    });
  }

  async addHall(h: { hallId: string; name: string; hubUrl: string; token: string }): Promise<void> {
    await this.pool.query(
      `INSERT INTO region_halls (hall_id, name, hub_url, token) VALUES ($1, $2, $3, $4)
       ON CONFLICT (hall_id) DO UPDATE SET name = excluded.name, hub_url = excluded.hub_url, token = excluded.token`,
      [h.hallId, h.name, h.hubUrl, h.token],
    );
  }

  async halls(): Promise<RegionHall[]> {
    const { rows } = await this.pool.query<{
      hall_id: string;
      name: string;
      hub_url: string;
      token: string;
      epoch: string | null;
      cursor: string;
    }>('SELECT hall_id, name, hub_url, token, epoch, cursor FROM region_halls ORDER BY hall_id');
    return rows.map((r) => ({
      hallId: r.hall_id,
      name: r.name,
      hubUrl: r.hub_url,
      token: r.token,
      epoch: r.epoch,
      cursor: Number(r.cursor),
    }));
  }

  async cursor(hallId: string): Promise<{ seq: number; epoch: string | null }> {
    const { rows } = await this.pool.query<{ cursor: string; epoch: string | null }>(
      'SELECT cursor, epoch FROM region_halls WHERE hall_id = $1',
      [hallId],
    );
    if (!rows[0]) throw new Error(`unknown hall ${hallId}`);
    return { seq: Number(rows[0].cursor), epoch: rows[0].epoch };
  }

  /** The hall's database was replaced (another epoch): what came from the old one is dropped, to be sent again. */
  async reset(hallId: string, epoch: string): Promise<void> {
    await this.tx(async (c) => {
      await c.query('DELETE FROM hall_rows WHERE hall_id = $1', [hallId]);
      await c.query('DELETE FROM hall_changes WHERE hall_id = $1', [hallId]);
      // The old database's days are made again from the new one's rows (their seqs start afresh).
      for (const table of [
        'region_queue_days',
        'region_counter_days',
        'region_case_days',
        'region_rating_days',
        'region_report_days',
        'region_report_marks',
      ])
        await c.query(`DELETE FROM ${table} WHERE hall_id = $1`, [hallId]);
      await c.query('UPDATE region_halls SET epoch = $2, cursor = 0 WHERE hall_id = $1', [hallId, epoch]);
    });
  }

  /** Replaces the hall's rows with the snapshot's, and its cursor with the snapshot's seq. */
  async applySnapshot(hallId: string, s: Snapshot): Promise<void> {
    await this.tx(async (c) => {
      await c.query('SELECT 1 FROM region_halls WHERE hall_id = $1 FOR UPDATE', [hallId]);
      await c.query('DELETE FROM hall_rows WHERE hall_id = $1', [hallId]);
      const rows = Object.entries(s.tables).flatMap(([tbl, list]) => (list ?? []).map((row) => ({ tbl, id: String(row.id), row })));
      await upsertRows(c, hallId, s.seq, rows);
      // The changes the snapshot stands for are not in hall_changes: every 好差评 day made is made again (reportDays).
      await c.query('UPDATE region_rating_days SET remake_at = 0 WHERE hall_id = $1', [hallId]);
      await c.query('UPDATE region_halls SET cursor = $2, synced_at = now() WHERE hall_id = $1', [hallId, s.seq]);
    });
  }

  /** Applies a live or backlog batch if it follows on from the cursor; entries already here are skipped. */
  async applyBatch(hallId: string, b: FeedBatch): Promise<BatchOutcome> {
    return this.tx(async (c) => {
      const { rows } = await c.query<{ cursor: string }>('SELECT cursor FROM region_halls WHERE hall_id = $1 FOR UPDATE', [hallId]);
      const cursor = Number(rows[0]!.cursor);
      if (b.to <= cursor) return 'old';
      if (b.from > cursor + 1) return 'gap';
      const fresh = b.entries.filter((e) => e.seq > cursor);
      if (fresh.length) {
        await c.query(
          `INSERT INTO hall_changes (hall_id, seq, tbl, id, op)
           SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[])`,
          [hallId, fresh.map((e) => e.seq), fresh.map((e) => e.table), fresh.map((e) => e.id), fresh.map((e) => e.op)],
        );
        // Within a batch only each row's last change counts (a row made and deleted in one batch is gone).
        const last = [...new Map(fresh.map((e) => [`${e.table}\u0000${e.id}`, e])).values()];
        const gone = last.filter((e) => e.op === 'delete' || e.row === null);
        // Most batches delete nothing: no round trip for them.
        if (gone.length)
          await c.query('DELETE FROM hall_rows WHERE hall_id = $1 AND (tbl, id) IN (SELECT * FROM unnest($2::text[], $3::text[]))', [
            hallId,
            gone.map((e) => e.table),
            gone.map((e) => e.id),
          ]);
        await upsertRows(
          c,
          hallId,
          null,
          last
            .filter((e): e is FeedEntry & { row: Record<string, unknown> } => e.op === 'upsert' && e.row !== null)
            .map((e) => ({ tbl: e.table, id: e.id, row: e.row, seq: e.seq })),
        );
      }
      await c.query('UPDATE region_halls SET cursor = $2, synced_at = now() WHERE hall_id = $1', [hallId, b.to]);
      return 'applied';
    });
  }

  /** A line of the region's audit: who (a supervisor's login, or null for the region itself) did what. */
  async audit(at: number, login: string | null, action: string, detail: string): Promise<void> {
    await this.pool.query('INSERT INTO region_audit (at, login, action, detail) VALUES ($1, $2, $3, $4)', [at, login, action, detail]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Runs `fn` in one transaction on one client of the pool. */
  async tx<R>(fn: (c: pg.PoolClient) => Promise<R>): Promise<R> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const r = await fn(c);
      await c.query('COMMIT');
      return r;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }
}

/** Writes rows in one statement (a snapshot holds thousands); `seq` for all of them, or each row's own. */
async function upsertRows(
  c: pg.PoolClient,
  hallId: string,
  seq: number | null,
  rows: readonly { tbl: string; id: string; row: Record<string, unknown>; seq?: number }[],
): Promise<void> {
  if (!rows.length) return;
  await c.query(
    `INSERT INTO hall_rows (hall_id, tbl, id, seq, row)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::bigint[], $5::jsonb[])
     ON CONFLICT (hall_id, tbl, id) DO UPDATE SET seq = excluded.seq, row = excluded.row`,
    [hallId, rows.map((r) => r.tbl), rows.map((r) => r.id), rows.map((r) => r.seq ?? seq), rows.map((r) => JSON.stringify(r.row))],
  );
}
