import { describe, expect, it } from 'vitest';
import { REGION_COUNTER_SUMS } from '../../main/region/hallFigures';
import { BOOKING_SQL } from '../../main/region/bookings';
import { regionMigrations } from '../../main/region/migrations';
import { RegionStore } from '../../main/region/store';
import { onCleanup } from '../support/hub';
import { throwawayPostgres } from '../support/pg';

describe('the regional store’s migrations (PostgreSQL)', () => {
  it('run once whoever starts first: two region processes starting together apply each migration once', async () => {
    const db = await throwawayPostgres();
    const a = RegionStore.connect(db.url);
    const b = RegionStore.connect(db.url);
    onCleanup(() => a.close());
    onCleanup(() => b.close());
    const applied = await Promise.all([a.migrate(), b.migrate()]);
    expect(applied.sort()).toEqual([0, regionMigrations.length]);
    const { rows } = await a.pool.query<{ version: number; name: string }>('SELECT version, name FROM region_schema ORDER BY version');
    expect(rows).toEqual(regionMigrations.map((m, i) => ({ version: i + 1, name: m.name })));
    expect(await a.migrate()).toBe(0);
  });

  it('upgrade a store made by the program last shipped (0001–0004 and 0006), and refuse one whose applied migrations are not this program’s first', async () => {
    const db = await throwawayPostgres();
    const store = RegionStore.connect(db.url);
    onCleanup(() => store.close());
    const shipped = [
      '0001-halls-rows-changes.sql',
      '0002-nodes-supervisors.sql',
      '0003-documents.sql',
      '0004-region-report-days.sql',
      '0006-region-report-remakes.sql',
    ];
    await store.pool.query(
      'CREATE TABLE region_schema (version INT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    for (const [i, name] of shipped.entries()) {
      await store.pool.query(regionMigrations.find((m) => m.name === name)!.sql);
      await store.pool.query('INSERT INTO region_schema (version, name) VALUES ($1, $2)', [i + 1, name]);
    }
    expect(await store.migrate()).toBe(regionMigrations.length - shipped.length);
    const { rows } = await store.pool.query<{ name: string }>('SELECT name FROM region_schema ORDER BY version');
    expect(rows.map((r) => r.name)).toEqual(regionMigrations.map((m) => m.name));
    await store.pool.query("UPDATE region_schema SET name = '0005-elsewhere.sql' WHERE version = 5");
    await expect(store.migrate()).rejects.toThrow(/migration 5 is 0005-elsewhere.sql/);
  });

  it('0001 keeps one row per hall, table and id, and one change per hall and seq', async () => {
    const db = await throwawayPostgres();
    const store = RegionStore.connect(db.url);
    onCleanup(() => store.close());
    await store.migrate();
    await store.addHall({ hallId: 'H1', name: '甲', hubUrl: 'http://h1', token: 't' });
    await store.pool.query("INSERT INTO hall_changes (hall_id, seq, tbl, id, op) VALUES ('H1', 1, 'tickets', 'x', 'upsert')");
    await expect(
      store.pool.query("INSERT INTO hall_changes (hall_id, seq, tbl, id, op) VALUES ('H1', 1, 'tickets', 'y', 'upsert')"),
    ).rejects.toThrow(/duplicate key/);
    await expect(
      store.pool.query("INSERT INTO hall_changes (hall_id, seq, tbl, id, op) VALUES ('H9', 2, 'tickets', 'y', 'upsert')"),
    ).rejects.toThrow(/foreign key/);
    await expect(
      store.pool.query("INSERT INTO hall_changes (hall_id, seq, tbl, id, op) VALUES ('H1', 3, 'tickets', 'y', 'merge')"),
    ).rejects.toThrow(/check constraint/);
  });

  it('0002 makes the city the one root and every other level hang from a parent', async () => {
    const db = await throwawayPostgres();
    const store = RegionStore.connect(db.url);
    onCleanup(() => store.close());
    await store.migrate();
    await store.pool.query("INSERT INTO region_nodes (id, parent_id, level, name) VALUES ('c', NULL, 'city', '市')");
    await expect(
      store.pool.query("INSERT INTO region_nodes (id, parent_id, level, name) VALUES ('x', NULL, 'county', '县')"),
    ).rejects.toThrow(/check constraint/);
    await expect(store.pool.query("INSERT INTO region_nodes (id, parent_id, level, name) VALUES ('y', 'c', 'city', '市')")).rejects.toThrow(
      /check constraint/,
    );
    await expect(
      store.pool.query("INSERT INTO region_nodes (id, parent_id, level, name) VALUES ('z', 'c', 'hamlet', '村')"),
    ).rejects.toThrow(/check constraint/);
    await store.pool.query("INSERT INTO region_nodes (id, parent_id, level, name) VALUES ('v', 'c', 'village', '村')");
  });

  it('0003 keeps each version of a document once, by a known supervisor, and one answer per hall and document', async () => {
    const db = await throwawayPostgres();
    const store = RegionStore.connect(db.url);
    onCleanup(() => store.close());
    await store.migrate();
    await store.addHall({ hallId: 'H1', name: '甲', hubUrl: 'http://h1', token: 't' });
    await store.pool.query("INSERT INTO region_nodes (id, parent_id, level, name) VALUES ('c', NULL, 'city', '市')");
    await store.pool.query("INSERT INTO region_supervisors (login, name, node_id, password_hash) VALUES ('shi', '市', 'c', 'x')");
    const doc = (version: number, by = 'shi', kind = 'calendar') =>
      store.pool.query(
        "INSERT INTO region_documents (kind, doc_key, version, content, published_by, published_at) VALUES ($1, '2027', $2, '{}', $3, 1)",
        [kind, version, by],
      );
    await doc(1);
    await expect(doc(1)).rejects.toThrow(/duplicate key/);
    await expect(doc(0)).rejects.toThrow(/check constraint/);
    await expect(doc(2, 'nobody')).rejects.toThrow(/foreign key/);
    await expect(doc(3, 'shi', 'rules')).rejects.toThrow(/check constraint/);
    const ack = () =>
      store.pool.query(
        "INSERT INTO region_document_acks (hall_id, kind, doc_key, version, acked_at) VALUES ('H1', 'calendar', '2027', 1, 1)",
      );
    await ack();
    await expect(ack()).rejects.toThrow(/duplicate key/);
    await expect(
      store.pool.query("INSERT INTO region_document_acks (hall_id, kind, doc_key) VALUES ('H9', 'calendar', '2027')"),
    ).rejects.toThrow(/foreign key/);
  });

  it('0004 keeps one report row per hall and day, each sum required, only for a hall the region follows', async () => {
    const db = await throwawayPostgres();
    const store = RegionStore.connect(db.url);
    onCleanup(() => store.close());
    await store.migrate();
    await store.addHall({ hallId: 'H1', name: '甲', hubUrl: 'http://h1', token: 't' });
    const sums = (n: number) => Array.from({ length: n }, () => 0).join(', ');
    await store.pool.query(`INSERT INTO region_rating_days VALUES ('H1', '2026-11-02', ${sums(5)})`);
    await expect(store.pool.query(`INSERT INTO region_rating_days VALUES ('H1', '2026-11-02', ${sums(5)})`)).rejects.toThrow(
      /duplicate key/,
    );
    await expect(store.pool.query(`INSERT INTO region_rating_days VALUES ('H9', '2026-11-02', ${sums(5)})`)).rejects.toThrow(/foreign key/);
    await expect(store.pool.query(`INSERT INTO region_case_days (hall_id, day, received) VALUES ('H1', '2026-11-02', 1)`)).rejects.toThrow(
      /not-null/,
    );
    await expect(store.pool.query(`INSERT INTO region_queue_days VALUES ('H1', 'someday', ${sums(13)})`)).rejects.toThrow(/date/);
    await store.pool.query(`INSERT INTO region_queue_days VALUES ('H1', '2026-11-02', ${sums(13)})`);
    await store.pool.query(`INSERT INTO region_report_days VALUES ('H1', '2026-11-02', 7)`);
  });

  it('0007 keeps one route per proxy id, between halls the region follows, a case only at a chosen target, a known return reason', async () => {
    const db = await throwawayPostgres();
    const store = RegionStore.connect(db.url);
    onCleanup(() => store.close());
    await store.migrate();
    await store.addHall({ hallId: 'H1', name: '甲', hubUrl: 'http://h1', token: 't' });
    await store.addHall({ hallId: 'H2', name: '乙', hubUrl: 'http://h2', token: 't' });
    const route = (id: string, more: Record<string, unknown> = {}) => {
      const row = { proxy_id: id, origin_hall_id: 'H1', item_code: 'SX-AMR-001', created_at: 1, ...more };
      const cols = Object.keys(row);
      return store.pool.query(
        `INSERT INTO region_proxy_routes (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      );
    };
    await route('p1');
    await expect(route('p1')).rejects.toThrow(/duplicate key/);
    await expect(route('p2', { origin_hall_id: 'H9' })).rejects.toThrow(/foreign key/);
    await expect(route('p3', { target_hall_id: 'H9' })).rejects.toThrow(/foreign key/);
    await expect(route('p4', { target_case_id: 'c1' })).rejects.toThrow(/check constraint/);
    await expect(route('p5', { refusal_reason: 'bored' })).rejects.toThrow(/check constraint/);
    await expect(route('p6', { result: 'maybe' })).rejects.toThrow(/check constraint/);
    await route('p7', { target_hall_id: 'H2', target_case_id: 'c1', result: 'denied' });
    await route('p8', { refusal_reason: 'no_target', refusal_text: '' });
    const { rows } = await store.pool.query("SELECT pushed_version FROM region_proxy_routes WHERE proxy_id = 'p7'");
    expect(rows).toEqual([{ pushed_version: '0' }]);
  });

  it('0006 lets a 好差评 day say when it moves by itself, keeps one mark per followed hall, and a day of each hall’s counters', async () => {
    const db = await throwawayPostgres();
    const store = RegionStore.connect(db.url);
    onCleanup(() => store.close());
    await store.migrate();
    await store.addHall({ hallId: 'H1', name: '甲', hubUrl: 'http://h1', token: 't' });
    // A day made before 0006 has no expiry to wait for.
    await store.pool.query(`INSERT INTO region_rating_days VALUES ('H1', '2026-11-02', 1, 0, 0, 0, 0)`);
    await store.pool.query(`INSERT INTO region_rating_days VALUES ('H1', '2026-11-03', 1, 0, 0, 0, 0, 1798761600000)`);
    const { rows } = await store.pool.query<{ day: string; remake_at: string | null }>(
      'SELECT day::text AS day, remake_at FROM region_rating_days ORDER BY day',
    );
    expect(rows).toEqual([
      { day: '2026-11-02', remake_at: null },
      { day: '2026-11-03', remake_at: '1798761600000' },
    ]);
    await store.pool.query(`INSERT INTO region_report_marks VALUES ('H1', 7)`);
    await expect(store.pool.query(`INSERT INTO region_report_marks VALUES ('H1', 8)`)).rejects.toThrow(/duplicate key/);
    await expect(store.pool.query(`INSERT INTO region_report_marks VALUES ('H9', 8)`)).rejects.toThrow(/foreign key/);
    await expect(store.pool.query(`UPDATE region_report_marks SET seq = -1`)).rejects.toThrow(/check constraint/);
    // The counters' days hold exactly the sums of the counters' report, each required, their names' case kept.
    const { rows: columns } = await store.pool.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'region_counter_days' ORDER BY ordinal_position",
    );
    expect(columns.map((c) => c.column_name)).toEqual(['hall_id', 'day', ...REGION_COUNTER_SUMS]);
    const sums = REGION_COUNTER_SUMS.map(() => 0).join(', ');
    await store.pool.query(`INSERT INTO region_counter_days VALUES ('H1', '2026-11-02', ${sums})`);
    await expect(store.pool.query(`INSERT INTO region_counter_days VALUES ('H1', '2026-11-02', ${sums})`)).rejects.toThrow(/duplicate key/);
    await expect(store.pool.query(`INSERT INTO region_counter_days VALUES ('H9', '2026-11-02', ${sums})`)).rejects.toThrow(/foreign key/);
    await expect(
      store.pool.query(`INSERT INTO region_counter_days (hall_id, day, finished) VALUES ('H1', '2026-11-03', 1)`),
    ).rejects.toThrow(/not-null/);
  });

  it('0008 finds a hall’s bookings of a period through their day’s index, never by reading every row', async () => {
    const db = await throwawayPostgres();
    const store = RegionStore.connect(db.url);
    onCleanup(() => store.close());
    await store.migrate();
    await store.addHall({ hallId: 'H1', name: '甲', hubUrl: 'http://h1', token: 't' });
    await store.pool.query(
      `INSERT INTO hall_rows (hall_id, tbl, id, seq, row)
       SELECT 'H1', 'bookings', 'b' || i, i, jsonb_build_object('day', '2026-11-' || lpad((1 + i % 28)::text, 2, '0'), 'start', '09:00', 'end', '09:30', 'status', 'booked')
       FROM generate_series(1, 500) AS i`,
    );
    await store.pool.query('ANALYZE hall_rows');
    const client = await store.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${BOOKING_SQL}`, [
        ['H1'],
        [480],
        '2026-11-01',
        Date.parse('2026-11-20T00:00:00Z'),
        '2026-12-01',
      ]);
      expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('hall_rows_booking_day');
    } finally {
      client.release();
    }
  });
});
