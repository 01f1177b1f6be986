import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { CASES_OF_DAY } from '../../../main/hub/features/reports/aggregate';
import { SLOTS_TAKEN } from '../../../main/hub/features/appointments/handlers';
import { CASE_GRAINS, COUNTER_GRAINS, QUEUE_GRAINS } from '../../../shared/reports/enums';
import { BOOKING_STATUSES } from '../../../shared/appointments/enums';
import { STAFF_ALERT_KINDS } from '../../../shared/archive/enums';
import { at, caseRow, catalogItem, insert, migrateKeepingRows, one, seedHall, ticket } from './migrationFixtures';

/** The migrations from 0023 on (and the archive's and reports'), tested as migrations.test.ts and migrations2.test.ts test the earlier ones. */

describe('hub migration 0023: the regional server enrolls as a terminal of its own role', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes("'manager','region'")) + 1;

  it('keeps every terminal with its rowid and enrollment, and lets a terminal take the role region', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'terminals', { id: 't9', hall_id: 'h1', role: 'display', name: '大屏', token_hash: 'x1', zone: '一楼', created_at: 1 });
    insert(db, 'enrollments', { code_hash: 'c1', terminal_id: 't9', created_at: 1, expires_at: 10 });
    const rowid = (db.prepare("SELECT rowid FROM terminals WHERE id = 't9'").get() as { rowid: number }).rowid;
    expect(() =>
      insert(db, 'terminals', { id: 'r0', hall_id: 'h1', role: 'region', name: '区域', token_hash: 'x0', created_at: 1 }),
    ).toThrow(/CHECK/);
    migrateKeepingRows(db, v);
    expect(one(db, 'terminals', 't9')).toMatchObject({ role: 'display', zone: '一楼', failed_confirms: 0, confirm_locked_until: null });
    expect((db.prepare("SELECT rowid FROM terminals WHERE id = 't9'").get() as { rowid: number }).rowid).toBe(rowid);
    insert(db, 'terminals', { id: 'r1', hall_id: 'h1', role: 'region', name: '市级监管', token_hash: 'x2', created_at: 2 });
    expect(one(db, 'terminals', 'r1')).toMatchObject({ role: 'region' });
    expect(() =>
      insert(db, 'terminals', { id: 'r2', hall_id: 'h1', role: 'supervisor', name: 'x', token_hash: 'x3', created_at: 2 }),
    ).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('hub migration 0025: the efficiency archive — entries and their contests, score sheet versions, monthly scores', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE archive_entries')) + 1;

  it('adds the tables with their CHECKs, and forgets the scope record', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    const entry = { hall_id: 'h1', staff_id: 'u1', kind: 'deduction', day: '2026-11-25', note: '迟到', by_id: 'u1', at: 1 };
    insert(db, 'archive_entries', { ...entry, id: 'e1', item: 'late_early' });
    expect(one(db, 'archive_entries', 'e1')).toMatchObject({ times: 1, contest: null });
    // Training takes no points; kinds, days and contests are checked.
    expect(() => insert(db, 'archive_entries', { ...entry, id: 'e2', kind: 'training', item: 'late_early' })).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => insert(db, 'archive_entries', { ...entry, id: 'e3', kind: 'praise' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'archive_entries', { ...entry, id: 'e4', day: '25/11/2026' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'archive_entries', { ...entry, id: 'e5', contest: 'pending' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'archive_entries', { ...entry, id: 'e6', contest: 'upheld', contested_at: 2 })).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => insert(db, 'archive_entries', { ...entry, id: 'e7', staff_id: 'nobody' })).toThrow(/FOREIGN KEY constraint failed/);
    insert(db, 'score_rules', { id: 'r2', hall_id: 'h1', version: 2, rules: '{}', by_id: 'u1', at: 1 });
    expect(() => insert(db, 'score_rules', { id: 'r1', hall_id: 'h1', version: 1, rules: '{}', by_id: 'u1', at: 1 })).toThrow(/CHECK/);
    expect(() => insert(db, 'score_rules', { id: 'r3', hall_id: 'h1', version: 2, rules: '{}', by_id: 'u1', at: 1 })).toThrow(/UNIQUE/);
    const score = { hall_id: 'h1', staff_id: 'u1', month: '2026-11', rules_version: 1, score: 95, detail: '{}', by_id: 'u1', at: 1 };
    insert(db, 'archive_scores', { ...score, id: 's1' });
    insert(db, 'archive_scores', { ...score, id: 's2', rules_version: 2 });
    expect(() => insert(db, 'archive_scores', { ...score, id: 's3' })).toThrow(/UNIQUE/);
    expect(() => insert(db, 'archive_scores', { ...score, id: 's4', rules_version: 3, score: 101 })).toThrow(/CHECK/);
  });
});

describe('hub migration 0026: the reports\u2019 daily aggregates', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('report_queue_days')) + 1;

  it('keys each table by grain and day, checks the grains, and reads a period as one range of the key', () => {
    const db = at(hubMigrations, v);
    const sums = { issued: 1, transferred: 0, no_shows: 0, called: 1, wait_ms: 60_000, within_target: 1, uncalled: 0, started: 1 };
    const row = {
      dim: 'staff',
      day: '2026-11-25',
      hour: 9,
      key: 'u1',
      ...sums,
      walk_ms: 0,
      finished: 1,
      service_ms: 1,
      total_ms: 2,
      serving_ms: 1,
    };
    insert(db, 'report_queue_days', row);
    expect(() => insert(db, 'report_queue_days', row)).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'report_queue_days', { ...row, dim: 'department' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'report_queue_days', { ...row, hour: 24 })).toThrow(/CHECK constraint failed/);
    expect(() =>
      insert(db, 'report_counter_days', {
        dim: 'service',
        day: '2026-11-25',
        hour: 9,
        key: 'x',
        signed_in_ms: 0,
        serving_ms: 0,
        paused_ms: 0,
        idle_waiting_ms: 0,
      }),
    ).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'report_case_days', { dim: 'item', day: '2026-11-25', key: 'i1', received: 1 })).toThrow(
      /NOT NULL constraint failed/,
    );
    for (const table of ['report_queue_days', 'report_counter_days', 'report_pause_days', 'report_case_days']) {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT key, sum(day) FROM ${table} WHERE dim = ? AND day >= ? AND day <= ? GROUP BY key`)
        .all('staff', '2025-01-01', '2025-12-31') as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n'), table).toMatch(/SEARCH .* USING PRIMARY KEY \(dim=\? AND day>\? AND day<\?\)/);
    }
  });

  it('each table’s CHECK allows exactly the grains the code writes', () => {
    const db = at(hubMigrations, v);
    const grains = (table: string) => {
      const sql = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql;
      return /dim TEXT NOT NULL CHECK \(dim IN \(([^)]*)\)\)/
        .exec(sql)![1]!
        .split(',')
        .map((c) => c.replace(/'/g, ''));
    };
    expect(grains('report_queue_days')).toEqual([...QUEUE_GRAINS]);
    expect(grains('report_counter_days')).toEqual([...COUNTER_GRAINS]);
    expect(grains('report_pause_days')).toEqual([...COUNTER_GRAINS]);
    expect(grains('report_case_days')).toEqual([...CASE_GRAINS]);
  });

  it('finds a day’s cases by each of their moments through an index, never by reading them all', () => {
    const db = at(hubMigrations, v);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${CASES_OF_DAY}`).all({ start: 0, end: 1 }) as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    for (const index of ['cases_received', 'cases_accepted', 'cases_carded', 'cases_concluded']) expect(details).toContain(index);
    expect(details).not.toMatch(/SCAN cases\b(?! USING)/);
  });
});

describe('hub migration 0031: booking rules, slot templates, bookings and follow tokens', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE bookings')) + 1;

  it('gives the hall default booking rules, keeps one template per service, a booking per code, a token per ticket, and forgets the scope record', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'tickets', ticket({ id: 'tk1', seq: 1, number: 'A001' }));
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    expect(one(db, 'halls', 'h1')).toMatchObject({ booking_settings: '{}' });
    const template = { hall_id: 'h1', service_id: 's1', lines: '[]', updated_at: 1 };
    insert(db, 'booking_templates', { ...template, id: 'bt1' });
    expect(() => insert(db, 'booking_templates', { ...template, id: 'bt2' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'booking_templates', { ...template, id: 'bt3', service_id: 'nope' })).toThrow(/FOREIGN KEY constraint failed/);
    const booking = {
      hall_id: 'h1',
      service_id: 's1',
      day: '2026-11-26',
      start: '09:00',
      end: '09:30',
      name: '张三',
      id_masked: '110101********0015',
      id_hash: 'ab',
      phone: '13800000001',
      status: 'booked',
      created_at: 1,
      changed_at: 1,
    };
    insert(db, 'bookings', { ...booking, id: 'b1', code: 'AAAA2222' });
    expect(() => insert(db, 'bookings', { ...booking, id: 'b2', code: 'AAAA2222' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'bookings', { ...booking, id: 'b3', code: 'BBBB2222', status: 'lost' })).toThrow(/CHECK constraint failed/);
    for (const [i, status] of BOOKING_STATUSES.entries()) insert(db, 'bookings', { ...booking, id: `s${i}`, code: `S${i}`, status });
    insert(db, 'follow_tokens', { token: 'T1', ticket_id: 'tk1', day: '2026-11-25' });
    expect(() => insert(db, 'follow_tokens', { token: 'T2', ticket_id: 'tk1', day: '2026-11-25' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'follow_tokens', { token: 'T3', ticket_id: 'nope', day: '2026-11-25' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('counts the places taken on the booking page through the slot index, never by reading every booking', () => {
    const db = at(hubMigrations, v);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${SLOTS_TAKEN}`).all('s1', '2026-11-26', '2026-12-02') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(
      /SEARCH bookings USING (COVERING )?INDEX bookings_slot \(service_id=\? AND day>\? AND day<\?\)/,
    );
  });
});

describe('hub migration 0032: the monthly report pack’s setting and its attempts', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE report_packs')) + 1;

  it('gives the hall the pack turned off, keeps one written pack per month and every failed attempt, and forgets the scope record', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    expect(one(db, 'halls', 'h1')).toMatchObject({ report_pack_settings: '{}' });
    const pack = { month: '2026-10', files: '["/srv/a.xlsx"]', attempted_at: 1 };
    insert(db, 'report_packs', { ...pack, error: 'EACCES' });
    insert(db, 'report_packs', { ...pack, error: 'EACCES' });
    insert(db, 'report_packs', { ...pack, written_at: 2 });
    expect(() => insert(db, 'report_packs', { ...pack, written_at: 3 })).toThrow(/UNIQUE constraint failed/);
    // An attempt either wrote its files or failed, never both nor neither.
    expect(() => insert(db, 'report_packs', { ...pack, month: '2026-11' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'report_packs', { ...pack, month: '2026-11', written_at: 2, error: 'x' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'report_packs', { ...pack, month: '2026-1', error: 'x' })).toThrow(/CHECK constraint failed/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('hub migration 0033: staff members’ alert episodes', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE staff_alerts')) + 1;

  it('keeps one open episode per alert and counter, of the staff kinds only, ending after it began', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db); // staff u1, counter c1
    migrateKeepingRows(db, v);
    const episode = { hall_id: 'h1', counter_id: 'c1', staff_id: 'u1', from_at: 10 };
    for (const kind of STAFF_ALERT_KINDS) insert(db, 'staff_alerts', { ...episode, kind });
    expect(() => insert(db, 'staff_alerts', { ...episode, kind: 'idle_while_waiting' })).toThrow(/UNIQUE constraint failed/);
    insert(db, 'staff_alerts', { ...episode, kind: 'idle_while_waiting', from_at: 1, to_at: 5 });
    expect(() => insert(db, 'staff_alerts', { ...episode, kind: 'wait_over_max', to_at: 20 })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'staff_alerts', { ...episode, kind: 'idle_while_waiting', to_at: 5 })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'staff_alerts', { ...episode, kind: 'idle_while_waiting', staff_id: 'nope', to_at: 20 })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });
});

describe('hub migration 0034: blackout days, and the bookings they cancelled', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE booking_blackouts')) + 1;

  it('keeps the bookings, one blackout per day and service (or the whole day), each cancelled booking pointing to its blackout', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    const booking = {
      hall_id: 'h1',
      service_id: 's1',
      day: '2026-11-26',
      start: '09:00',
      end: '09:30',
      name: '张三',
      id_masked: '110101********0015',
      id_hash: 'ab',
      phone: '13800000001',
      status: 'booked',
      created_at: 1,
      changed_at: 1,
    };
    insert(db, 'bookings', { ...booking, id: 'b1', code: 'AAAA2222' });
    migrateKeepingRows(db, v);
    expect(one(db, 'bookings', 'b1')).toMatchObject({ status: 'booked', blackout_id: null });
    const blackout = { hall_id: 'h1', day: '2026-11-26', reason: '停电检修', created_at: 1 };
    insert(db, 'booking_blackouts', { ...blackout, id: 'x1', service_id: null });
    expect(() => insert(db, 'booking_blackouts', { ...blackout, id: 'x2', service_id: null })).toThrow(/UNIQUE constraint failed/);
    insert(db, 'booking_blackouts', { ...blackout, id: 'x3', service_id: 's1' });
    expect(() => insert(db, 'booking_blackouts', { ...blackout, id: 'x4', service_id: 's1' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'booking_blackouts', { ...blackout, id: 'x5', service_id: 'nope' })).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare("UPDATE bookings SET status = 'cancelled', blackout_id = 'x1' WHERE id = 'b1'").run();
    expect(() => db.prepare("UPDATE bookings SET blackout_id = 'nope' WHERE id = 'b1'").run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('hub migration 0035: a manager lifting a booking block', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE booking_block_lifts')) + 1;

  it('adds the lifts, by the person’s keyed hash, each with its reason', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    migrateKeepingRows(db, v);
    const lift = { hall_id: 'h1', id_hash: 'ab', id_masked: '110101********0015', until: '2027-02-27', reason: '误记', lifted_at: 1 };
    insert(db, 'booking_block_lifts', { ...lift, id: 'l1' });
    expect(() => insert(db, 'booking_block_lifts', { ...lift, id: 'l2', reason: null })).toThrow(/NOT NULL constraint failed/);
    expect(() => insert(db, 'booking_block_lifts', { ...lift, id: 'l3', staff_id: 'nope' })).toThrow(/FOREIGN KEY constraint failed/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('hub migration 0036: the service guide — catalog steps, fed again for the kiosk', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('ADD COLUMN steps')) + 1;

  it('gives items no steps and feeds every item again, whole, after the newest entry', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'catalog_items', catalogItem);
    insert(db, 'catalog_items', { ...catalogItem, id: 'k2', code: 'K2', materials: '["申请书"]' });
    const newest = (db.prepare('SELECT max(seq) AS seq FROM feed').get() as { seq: number }).seq;
    migrateKeepingRows(db, v, ['feed']);
    expect(one(db, 'catalog_items', 'k1')).toMatchObject({ steps: '[]' });
    // A replica caught up to the newest entry gets the items again (a snapshot goes only to older cursors).
    const fed = db.prepare('SELECT seq, tbl, row_id, op, data FROM feed WHERE seq > ? ORDER BY seq').all(newest) as {
      seq: number;
      tbl: string;
      row_id: string;
      op: string;
      data: string;
    }[];
    expect(fed.map((e) => [e.seq, e.tbl, e.row_id, e.op])).toEqual([
      [newest + 1, 'catalog_items', 'k1', 'upsert'],
      [newest + 2, 'catalog_items', 'k2', 'upsert'],
    ]);
    expect(JSON.parse(fed[1]!.data)).toEqual(one(db, 'catalog_items', 'k2'));
  });
});

describe('hub migration 0039: documents from the region and the hall’s exceptions to them', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE region_documents')) + 1;

  it('keeps every calendar year and lets one come from the region; one applied version per document; one live exception per day or item', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    const year = { hall_id: 'h1', holidays: '["2026-01-01"]', workdays: '[]' };
    insert(db, 'calendar_years', { ...year, id: 'h1:2026', year: 2026, source: 'package' });
    insert(db, 'calendar_years', { ...year, id: 'h1:2025', year: 2025, source: 'admin' });
    expect(() => insert(db, 'calendar_years', { ...year, id: 'h1:2027', year: 2027, source: 'region' })).toThrow(/CHECK/);
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    expect(one(db, 'calendar_years', 'h1:2025')).toMatchObject({ source: 'admin', year: 2025 });
    insert(db, 'calendar_years', { ...year, id: 'h1:2027', year: 2027, source: 'region' });
    expect(() => insert(db, 'calendar_years', { ...year, id: 'h1:2027b', year: 2027, source: 'admin' })).toThrow(/UNIQUE/);

    const doc = { hall_id: 'h1', kind: 'calendar', doc_key: '2027', version: 1, content: '{}', published_at: 1, applied_at: 2 };
    insert(db, 'region_documents', { ...doc, id: 'd1', hall_level: 'county' });
    expect(() => insert(db, 'region_documents', { ...doc, id: 'd2' })).toThrow(/UNIQUE/);
    expect(() => insert(db, 'region_documents', { ...doc, id: 'd3', doc_key: '2028', version: 0 })).toThrow(/CHECK/);
    expect(() => insert(db, 'region_documents', { ...doc, id: 'd4', kind: 'rules' })).toThrow(/CHECK/);
    expect(() => insert(db, 'region_documents', { ...doc, id: 'd5', doc_key: 'x', hall_level: 'hamlet' })).toThrow(/CHECK/);
    const override = {
      hall_id: 'h1',
      kind: 'calendar',
      doc_key: '2027',
      type: 'extra_holiday',
      value: '2027-10-12',
      made_by: 'u1',
      made_at: 1,
    };
    insert(db, 'region_overrides', { ...override, id: 'o1' });
    expect(() => insert(db, 'region_overrides', { ...override, id: 'o2' })).toThrow(/UNIQUE/);
    db.prepare("UPDATE region_overrides SET revoked_at = 2 WHERE id = 'o1'").run();
    insert(db, 'region_overrides', { ...override, id: 'o3' });
    expect(() => insert(db, 'region_overrides', { ...override, id: 'o4', value: 'x', type: 'extra_workday' })).toThrow(/CHECK/);
    expect(() => insert(db, 'region_overrides', { ...override, id: 'o5', value: 'y', made_by: 'nobody' })).toThrow(/FOREIGN KEY/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('hub migration 0042: proxy cases at the point, a case’s origin at the target', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE proxy_cases')) + 1;
  // The columns later migrations gave cases (0010's units, 0014's late notice).
  const laterCase = (over: Record<string, unknown>) => caseRow({ late_notice: 0, statutory_unit: 'working_days', ...over });

  it('keeps every case as the hall’s own; one case per proxy id; a proxy case’s codes and agent checked', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'catalog_items', catalogItem);
    insert(db, 'cases', laterCase({ id: 'c1' }));
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    expect(one(db, 'cases', 'c1')).toMatchObject({ status: 'accepted', origin_hall_id: null, proxy_id: null, proxy_refusal: null });
    const proxied = { number_seq: 2, number: 'H1-20261125-0002', origin_hall_id: 'H9', origin_hall_name: '丁村', proxy_id: 'px1' };
    insert(db, 'cases', laterCase({ id: 'c2', ...proxied }));
    expect(() => insert(db, 'cases', laterCase({ id: 'c3', ...proxied, number_seq: 3, number: 'H1-20261125-0003' }))).toThrow(/UNIQUE/);
    expect(() =>
      insert(db, 'cases', laterCase({ id: 'c4', number_seq: 4, number: 'H1-20261125-0004', proxy_id: 'px4', proxy_refusal: 'bored' })),
    ).toThrow(/CHECK/);

    const proxy = {
      hall_id: 'h1',
      number: 'H1-P20261125-0001',
      number_day: '2026-11-25',
      number_seq: 1,
      item_code: 'SX-AMR-001',
      applicant_type: 'person',
      applicant_name: '李四',
      phone: '13800000000',
      materials: '[]',
      agent_id: 'u1',
      agent_name: '王芳',
      counter_id: 'c2',
      status: 'outbox',
      registered_at: 1,
      updated_at: 1,
    };
    insert(db, 'proxy_cases', { ...proxy, id: 'p1' });
    expect(one(db, 'proxy_cases', 'p1')).toMatchObject({ progress_version: 0, note: '', target_status: null });
    expect(() => insert(db, 'proxy_cases', { ...proxy, id: 'p2', number: 'x' })).toThrow(/UNIQUE/);
    const next = (n: number) => ({ ...proxy, id: `p${n}`, number: `H1-P20261125-000${n}`, number_seq: n });
    expect(() => insert(db, 'proxy_cases', { ...next(3), status: 'sent' })).toThrow(/CHECK/);
    expect(() => insert(db, 'proxy_cases', { ...next(4), target_status: 'lost' })).toThrow(/CHECK/);
    expect(() => insert(db, 'proxy_cases', { ...next(5), refusal_reason: 'bored' })).toThrow(/CHECK/);
    expect(() => insert(db, 'proxy_cases', { ...next(6), progress_version: -1 })).toThrow(/CHECK/);
    expect(() => insert(db, 'proxy_cases', { ...next(7), agent_id: 'nobody' })).toThrow(/FOREIGN KEY/);
    insert(db, 'proxy_cases', { ...next(8), status: 'refused', refusal_reason: 'no_target', refusal_text: '' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('hub migration 0041: the queue’s lines indexed', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE INDEX tickets_line')) + 1;

  it('keeps every ticket, and reads a line from its head (from the index alone), the parked and sent tickets and the latest services through the new indexes', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'tickets', ticket({ id: 'w1', seq: 1, number: 'A001', queue_key: 5 }));
    insert(db, 'tickets', ticket({ id: 'p1', seq: 2, number: 'A002', status: 'parked', park_until: 9, target_counter_id: 'c1' }));
    insert(db, 'tickets', ticket({ id: 's1', seq: 3, number: 'A003', target_counter_id: 'c1' }));
    insert(db, 'tickets', ticket({ id: 'f1', seq: 4, number: 'A004', status: 'finished', started_at: 2, finished_at: 3 }));
    migrateKeepingRows(db, v);
    const read = (where: string, order = '') => ({
      ids: (db.prepare(`SELECT id FROM tickets WHERE ${where} ${order}`).all() as { id: string }[]).map((r) => r.id),
      plan: (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE ${where} ${order}`).all() as { detail: string }[]).map(
        (r) => r.detail,
      ),
    });
    const line = read(
      "day = '2026-11-25' AND service_id = 's1' AND priority = 'normal' AND status = 'waiting' AND target_counter_id IS NULL",
      'ORDER BY queue_key LIMIT 4',
    );
    expect(line).toEqual({ ids: ['w1'], plan: [expect.stringMatching(/^SEARCH tickets USING COVERING INDEX tickets_line /)] });
    const offLine = read(
      "day = '2026-11-25' AND (status = 'parked' OR (status = 'waiting' AND target_counter_id IS NOT NULL))",
      'ORDER BY id',
    );
    expect(offLine.ids).toEqual(['p1', 's1']);
    expect(offLine.plan[0]).toMatch(/^SEARCH tickets USING INDEX tickets_off_line /);
    const finished = read("day = '2026-11-25' AND service_id = 's1' AND status = 'finished'", 'ORDER BY finished_at DESC LIMIT 20');
    expect(finished).toEqual({ ids: ['f1'], plan: [expect.stringMatching(/^SEARCH tickets USING INDEX tickets_finished /)] });
  });
});

describe('hub migration 0040: a blackout lifted', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('ADD COLUMN lift_reason')) + 1;

  it('keeps the blackouts in force, lets a lifted one stand beside a new one of the same day, a lift always with its reason; forgets the scope record', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    const blackout = { hall_id: 'h1', day: '2026-11-26', reason: '停电检修', created_at: 1 };
    insert(db, 'booking_blackouts', { ...blackout, id: 'x1', service_id: null });
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    expect(one(db, 'booking_blackouts', 'x1')).toMatchObject({ lifted_at: null, lifted_by: null, lift_reason: null });
    expect(() => insert(db, 'booking_blackouts', { ...blackout, id: 'x2', service_id: null })).toThrow(/UNIQUE constraint failed/);
    db.prepare("UPDATE booking_blackouts SET lifted_at = 2, lifted_by = 'u1', lift_reason = '已恢复' WHERE id = 'x1'").run();
    insert(db, 'booking_blackouts', { ...blackout, id: 'x2', service_id: null });
    expect(() => insert(db, 'booking_blackouts', { ...blackout, id: 'x3', service_id: null })).toThrow(/UNIQUE constraint failed/);
    expect(() => db.prepare("UPDATE booking_blackouts SET lifted_at = 3 WHERE id = 'x2'").run()).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.prepare("UPDATE booking_blackouts SET lifted_at = 3, lift_reason = 'x', lifted_by = 'nope' WHERE id = 'x2'").run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
