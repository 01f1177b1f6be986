import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { CASES_OF_DAY } from '../../../main/hub/features/reports/aggregate';
import { SLOTS_TAKEN } from '../../../main/hub/features/appointments/handlers';
import { CASE_GRAINS, COUNTER_GRAINS, QUEUE_GRAINS } from '../../../shared/reports/enums';
import { BOOKING_STATUSES } from '../../../shared/appointments/enums';
import { STAFF_ALERT_KINDS } from '../../../shared/archive/enums';
import { at, catalogItem, insert, migrateKeepingRows, one, seedHall, ticket } from './migrationFixtures';

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

describe('hub migration 0045: bookings to the region, without the person', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('bookings become a replicated table')) + 1;

  it('keeps every booking with its person and code in the hub’s own columns, and forgets the scope record', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    const booking = {
      id: 'b1',
      hall_id: 'h1',
      code: 'K7Q2M9',
      service_id: 's1',
      day: '2026-11-02',
      start: '09:00',
      end: '09:30',
      name: '张三',
      id_masked: '110105********002X',
      id_hash: 'h',
      phone: '13812345678',
      status: 'booked',
      created_at: 1,
      changed_at: 1,
      cancel_reason: null,
      ticket_id: null,
      blackout_id: null,
    };
    insert(db, 'bookings', booking);
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(one(db, 'bookings', 'b1')).toEqual(booking);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
