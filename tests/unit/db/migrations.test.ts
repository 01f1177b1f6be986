import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { migrate } from '../../../main/db/open';
import { replicaMigrations } from '../../../main/terminal/migrations';

/**
 * One test per migration: the schema built to N−1, rows in the tables N changes, then N. Rows must
 * come through unchanged in their old columns, new columns take their defaults, and the new
 * tables, indexes and CHECKs hold.
 */

type Db = Database.Database;
type Row = Record<string, unknown>;

/** A database at `version`, with foreign keys enforced as openDatabase has them. */
function at(migrations: readonly string[], version: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

function insert(db: Db, table: string, row: Row): void {
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
}

const one = (db: Db, table: string, id: string): Row => db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row;
const names = (db: Db, type: 'table' | 'index') =>
  (
    db.prepare('SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE ? ORDER BY name').all(type, 'sqlite_%') as {
      name: string;
    }[]
  ).map((r) => r.name);

function everyRow(db: Db): Record<string, Row[]> {
  // ORDER BY 1: WITHOUT ROWID tables have no rowid; every table's first column is its key.
  return Object.fromEntries(names(db, 'table').map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all() as Row[]]));
}

/**
 * Migrates to `version` and checks that every row came through, unchanged in its old columns;
 * tables in `checkedApart` are ones the migration rewrites, which its test checks itself.
 */
function migrateKeepingRows(db: Db, version: number, checkedApart: string[] = []): void {
  const before = everyRow(db);
  migrate(db, hubMigrations, version);
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  const after = everyRow(db);
  for (const [table, rows] of Object.entries(before)) if (!checkedApart.includes(table)) expect(after[table], table).toMatchObject(rows);
}

/**
 * A row in each table of migration 1: a small hall with one clerk signed in at counter c2. Rows
 * take the columns later migrations made required where the database already has them.
 */
function seedHall(db: Db): void {
  const since8 = (db.pragma('table_info(counter_services)') as { name: string }[]).some((c) => c.name === 'hall_id');
  insert(db, 'meta', { key: 'hall_id', value: 'h1' });
  insert(db, 'halls', { id: 'h1', code: 'H1', name: '示范大厅' });
  insert(db, 'departments', { id: 'd1', hall_id: 'h1', name: '市场监管' });
  insert(db, 'services', { id: 's1', hall_id: 'h1', department_id: 'd1', name: '企业开办', prefix: 'A' });
  insert(db, 'staff', { id: 'u1', hall_id: 'h1', login: 'c01', name: '王芳', role: 'clerk', department_id: 'd1', password_hash: 'x' });
  insert(db, 'counters', { id: 'c1', hall_id: 'h1', number: 1, name: '1号窗口' });
  insert(db, 'counters', { id: 'c2', hall_id: 'h1', number: 2, name: '2号窗口', state: 'open', staff_id: 'u1', state_since: 1 });
  insert(db, 'counter_services', { id: 'cs1', ...(since8 && { hall_id: 'h1' }), counter_id: 'c1', service_id: 's1', position: 0 });
  insert(db, 'terminals', { id: 't1', hall_id: 'h1', role: 'clerk', name: '1号电脑', token_hash: 'th1', counter_id: 'c1', created_at: 1 });
  insert(db, 'counter_log', { id: 'l1', hall_id: 'h1', counter_id: 'c2', staff_id: 'u1', event: 'sign_in', at: 1 });
  insert(db, 'inquiries', { id: 'i1', hall_id: 'h1', staff_id: 'u1', topic: '咨询', detail: '营业执照', status: 'open', created_at: 1 });
  insert(db, 'feed', { seq: 1, at: 1, tbl: 'halls', row_id: 'h1', op: 'upsert', data: '{}' });
  insert(db, 'applied_ops', { op_id: 'op1', terminal_id: 't1', type: 'inquiry.record', answer: '{"ok":true}', at: 1 });
  insert(db, 'audit', { id: 1, at: 1, terminal_id: 't1', staff_id: 'u1', op_id: 'op1', type: 'inquiry.record', outcome: 'ok', detail: '' });
}

const ticket = (over: Row): Row => ({
  hall_id: 'h1',
  day: '2026-11-25',
  service_id: 's1',
  issued_service_id: 's1',
  priority: 'normal',
  status: 'waiting',
  queue_key: 1,
  issued_at: 1,
  ...over,
});

const catalogItem: Row = {
  id: 'k1',
  hall_id: 'h1',
  department_id: 'd1',
  code: 'K1',
  name: '食品经营许可',
  kind: 'licensing',
  mode: 'promised',
  statutory_limit: 20,
  promised_limit: 10,
  limit_unit: 'working_days',
  fee_cents: 0,
  materials: '[]',
  legal_basis: '',
  active: 1,
};

const caseRow = (over: Row): Row => ({
  hall_id: 'h1',
  number: 'H1-20261125-0001',
  number_day: '2026-11-25',
  number_seq: 1,
  item_id: 'k1',
  department_id: 'd1',
  status: 'accepted',
  applicant_type: 'person',
  applicant_name: '李四',
  phone: '13800000000',
  first_clerk_id: 'u1',
  green: 0,
  materials_received: '[]',
  materials_missing: '[]',
  supplement_count: 0,
  received_at: 1,
  accepted_at: 2,
  statutory_limit: 20,
  promised_limit: 10,
  limit_unit: 'working_days',
  calendar_warning: '',
  paused_days: 0,
  extension_days: 0,
  updated_at: 2,
  ...over,
});

describe('hub migration 0001: the hall, counters, staff, terminals, feed and audit', () => {
  it('creates the tables and holds their CHECKs', () => {
    const db = at(hubMigrations, 1);
    expect(names(db, 'table')).toEqual([
      'applied_ops',
      'audit',
      'counter_log',
      'counter_services',
      'counters',
      'departments',
      'feed',
      'halls',
      'inquiries',
      'meta',
      'services',
      'staff',
      'terminals',
    ]);
    seedHall(db);
    const service = { hall_id: 'h1', department_id: 'd1', name: '社保' };
    expect(() => insert(db, 'services', { ...service, id: 's2', prefix: 'b' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'services', { ...service, id: 's2', prefix: 'ABC' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'services', { ...service, id: 's2', prefix: 'A' })).toThrow(/UNIQUE constraint failed/);
    // A counter is closed exactly when nobody is signed in, paused exactly when it has a reason.
    expect(() => db.prepare("UPDATE counters SET state = 'open' WHERE id = 'c1'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE counters SET state = 'paused' WHERE id = 'c2'").run()).toThrow(/CHECK constraint failed/);
    db.prepare("UPDATE counters SET state = 'paused', pause_reason = '午休' WHERE id = 'c2'").run();
    // One counter per member of staff.
    expect(() => db.prepare("UPDATE counters SET state = 'open', staff_id = 'u1' WHERE id = 'c1'").run()).toThrow(
      /UNIQUE constraint failed/,
    );
    expect(() => db.prepare("UPDATE staff SET role = 'boss'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE terminals SET role = 'printer'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE counter_log SET event = 'lunch'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE feed SET op = 'merge'").run()).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'departments', { id: 'd2', hall_id: 'nowhere', name: '税务' })).toThrow(/FOREIGN KEY constraint failed/);
    expect(names(db, 'index')).toEqual(['counter_log_at', 'counters_one_per_staff']);
  });
});

describe('hub migration 0002: the queue', () => {
  it('gives halls, services and counters their queue fields and adds tickets and hall days', () => {
    const db = at(hubMigrations, 1);
    seedHall(db);
    migrateKeepingRows(db, 2);
    expect(one(db, 'halls', 'h1')).toMatchObject({ queue_settings: '{}' });
    expect(one(db, 'services', 's1')).toMatchObject({ is_open: 1, daily_cap: null, max_wait_min: 30, max_service_min: 20, queue_cap: 30 });
    expect(one(db, 'counters', 'c2')).toMatchObject({ profile: 'ordered', priority_streak: 0 });
    expect(() => db.prepare('UPDATE services SET is_open = 2').run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE services SET daily_cap = 0').run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE counters SET profile = 'random'").run()).toThrow(/CHECK constraint failed/);

    insert(db, 'tickets', ticket({ id: 'k1', seq: 1, number: 'A001' }));
    // A number is never issued twice by the same service on the same day.
    expect(() => insert(db, 'tickets', ticket({ id: 'k2', seq: 1, number: 'A001b' }))).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'tickets', ticket({ id: 'k2', seq: 2, number: 'A002', status: 'lost' }))).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'tickets', ticket({ id: 'k2', seq: 2, number: 'A002', status: 'called' }))).toThrow(/CHECK constraint failed/);
    insert(db, 'tickets', ticket({ id: 'k2', seq: 2, number: 'A002', status: 'called', counter_id: 'c2' }));
    // A counter holds one called or serving ticket at a time.
    expect(() => insert(db, 'tickets', ticket({ id: 'k3', seq: 3, number: 'A003', status: 'serving', counter_id: 'c2' }))).toThrow(
      /UNIQUE constraint failed/,
    );
    insert(db, 'ticket_events', { ticket_id: 'k2', type: 'call', counter_id: 'c2', staff_id: 'u1', at: 2 });
    insert(db, 'hall_days', { id: 'hd1', hall_id: 'h1', day: '2026-11-25' });
    expect(() => insert(db, 'hall_days', { id: 'hd2', hall_id: 'h1', day: '2026-11-25' })).toThrow(/UNIQUE constraint failed/);
    expect(names(db, 'index')).toEqual(
      expect.arrayContaining([
        'tickets_service_day_seq',
        'tickets_one_held_per_counter',
        'tickets_open',
        'tickets_day_status',
        'ticket_events_ticket',
      ]),
    );
  });
});

describe('hub migration 0003: the audit chain and sign-in lockout', () => {
  it('adds the chain to existing audit rows, lockout fields to staff and security settings to halls', () => {
    const db = at(hubMigrations, 2);
    seedHall(db);
    migrateKeepingRows(db, 3);
    expect(db.prepare('SELECT seq_from, seq_to, prev_hash, hash FROM audit WHERE id = 1').get()).toEqual({
      seq_from: null,
      seq_to: null,
      prev_hash: '',
      hash: '',
    });
    expect(one(db, 'staff', 'u1')).toMatchObject({ failed_logins: 0, locked_until: null });
    expect(one(db, 'halls', 'h1')).toMatchObject({ security_settings: '{}' });
    expect(() => db.prepare('UPDATE audit SET hash = NULL').run()).toThrow(/NOT NULL constraint failed/);
    expect(() => db.prepare('UPDATE staff SET failed_logins = NULL').run()).toThrow(/NOT NULL constraint failed/);
  });
});

describe('hub migration 0004: terminal enrollment codes', () => {
  it('adds enrollments, one code hash each, for existing terminals only', () => {
    const db = at(hubMigrations, 3);
    seedHall(db);
    migrateKeepingRows(db, 4);
    const code = { terminal_id: 't1', created_at: 1, expires_at: 2 };
    insert(db, 'enrollments', { ...code, code_hash: 'ch1' });
    expect(() => insert(db, 'enrollments', { ...code, code_hash: 'ch1' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'enrollments', { ...code, code_hash: 'ch2', terminal_id: 'nobody' })).toThrow(/FOREIGN KEY constraint failed/);
    expect(names(db, 'index')).toContain('enrollments_terminal');
  });
});

describe('hub migration 0005: cases', () => {
  it('keeps tickets, gives halls case settings and adds the catalog, the calendar and cases', () => {
    const db = at(hubMigrations, 4);
    seedHall(db);
    insert(db, 'tickets', ticket({ id: 'q1', seq: 1, number: 'A001' }));
    migrateKeepingRows(db, 5);
    expect(one(db, 'halls', 'h1')).toMatchObject({ case_settings: '{}' });

    expect(() => insert(db, 'catalog_items', { ...catalogItem, promised_limit: 21 })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'catalog_items', { ...catalogItem, kind: 'other' })).toThrow(/CHECK constraint failed/);
    insert(db, 'catalog_items', catalogItem);
    const year = { hall_id: 'h1', year: 2026, holidays: '[]', workdays: '[]' };
    expect(() => insert(db, 'calendar_years', { ...year, id: 'y1', source: 'guess' })).toThrow(/CHECK constraint failed/);
    insert(db, 'calendar_years', { ...year, id: 'y1', source: 'package' });
    expect(() => insert(db, 'calendar_years', { ...year, id: 'y2', source: 'admin' })).toThrow(/UNIQUE constraint failed/);

    insert(db, 'cases', caseRow({ id: 'case1', ticket_id: 'q1' }));
    // The daily sequence behind a case number never repeats, whatever the number's text.
    expect(() => insert(db, 'cases', caseRow({ id: 'case2', number: 'other' }))).toThrow(/UNIQUE constraint failed/);
    const next = { number: 'H1-20261125-0002', number_seq: 2 };
    expect(() => insert(db, 'cases', caseRow({ ...next, id: 'case2', status: 'lost' }))).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'cases', caseRow({ ...next, id: 'case2', paused_kind: 'suspend' }))).toThrow(/CHECK constraint failed/);
    insert(db, 'cases', caseRow({ ...next, id: 'case2', paused_kind: 'suspend', paused_since: '2026-11-26' }));

    const part = { hall_id: 'h1', case_id: 'case1', department_id: 'd1', limit_days: 5, outcome: 'pending' };
    insert(db, 'case_parts', { ...part, id: 'p1' });
    expect(() => insert(db, 'case_parts', { ...part, id: 'p2' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'case_parts', { ...part, id: 'p2', department_id: 'd9' })).toThrow(/FOREIGN KEY constraint failed/);
    insert(db, 'case_events', { id: 'e1', hall_id: 'h1', case_id: 'case1', action: 'accept', staff_id: 'u1', at: 2, detail: '{}' });
    expect(() => insert(db, 'case_events', { id: 'e2', hall_id: 'h1', case_id: 'nocase', action: 'x', at: 2, detail: '' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(names(db, 'index')).toEqual(
      expect.arrayContaining([
        'cases_running',
        'cases_status',
        'cases_concluded',
        'cases_received',
        'cases_updated',
        'cases_applicant',
        'case_parts_case',
        'case_parts_pending',
        'case_events_case',
        'tickets_issued',
      ]),
    );
  });
});

describe('hub migration 0006: staff sessions at manager terminals', () => {
  it('adds a session per terminal: signed in with a start, or signed out without one', () => {
    const db = at(hubMigrations, 5);
    seedHall(db);
    insert(db, 'terminals', { id: 't2', hall_id: 'h1', role: 'manager', name: '管理电脑', token_hash: 'th2', created_at: 1 });
    migrateKeepingRows(db, 6);
    insert(db, 'staff_sessions', { id: 't2', hall_id: 'h1', staff_id: 'u1', started_at: 3 });
    db.prepare("UPDATE staff_sessions SET staff_id = NULL, started_at = NULL WHERE id = 't2'").run();
    expect(() => db.prepare("UPDATE staff_sessions SET staff_id = 'u1' WHERE id = 't2'").run()).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'staff_sessions', { id: 'not-a-terminal', hall_id: 'h1' })).toThrow(/FOREIGN KEY constraint failed/);
  });
});

describe('hub migration 0007: cases accepted by day', () => {
  it('indexes existing cases by acceptance time, for today’s dashboard', () => {
    const db = at(hubMigrations, 6);
    seedHall(db);
    insert(db, 'catalog_items', catalogItem);
    insert(db, 'cases', caseRow({ id: 'case1' }));
    migrateKeepingRows(db, 7);
    expect(names(db, 'index')).toContain('cases_accepted');
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT count(*) FROM cases WHERE accepted_at >= ?').all(0) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('cases_accepted');
    expect(db.prepare('SELECT count(*) AS n FROM cases WHERE accepted_at >= ?').get(2)).toEqual({ n: 1 });
  });
});

describe('hub migration 0008: counter_services name their hall', () => {
  it('gives counter_services their counter’s hall and feeds them again', () => {
    const db = at(hubMigrations, 7);
    seedHall(db);
    insert(db, 'counter_services', { id: 'cs2', counter_id: 'c2', service_id: 's1', position: 1 });
    migrateKeepingRows(db, 8, ['feed']);
    expect(db.prepare('SELECT id, hall_id FROM counter_services ORDER BY id').all()).toEqual([
      { id: 'cs1', hall_id: 'h1' },
      { id: 'cs2', hall_id: 'h1' },
    ]);
    // Replicas got these rows without hall_id: the feed carries them again, after its newest entry.
    const feed = db.prepare('SELECT seq, tbl, row_id, op, data FROM feed ORDER BY seq').all() as Row[];
    expect(feed[0]).toMatchObject({ seq: 1, tbl: 'halls' });
    expect(feed.slice(1).map((e) => ({ ...e, data: JSON.parse(e.data as string) as unknown }))).toEqual([
      {
        seq: 2,
        tbl: 'counter_services',
        row_id: 'cs1',
        op: 'upsert',
        data: { id: 'cs1', hall_id: 'h1', counter_id: 'c1', service_id: 's1', position: 0 },
      },
      {
        seq: 3,
        tbl: 'counter_services',
        row_id: 'cs2',
        op: 'upsert',
        data: { id: 'cs2', hall_id: 'h1', counter_id: 'c2', service_id: 's1', position: 1 },
      },
    ]);
    const link = { id: 'cs3', counter_id: 'c2', service_id: 's2', position: 2 };
    insert(db, 'services', { id: 's2', hall_id: 'h1', department_id: 'd1', name: '社保', prefix: 'C' });
    expect(() => insert(db, 'counter_services', link)).toThrow(/NOT NULL constraint failed: counter_services.hall_id/);
    expect(() => insert(db, 'counter_services', { ...link, hall_id: 'nowhere' })).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insert(db, 'counter_services', { ...link, hall_id: 'h1', service_id: 's1' })).toThrow(/UNIQUE constraint failed/);
    insert(db, 'counter_services', { ...link, hall_id: 'h1' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('hub migration 0009: ticket events are replicated rows', () => {
  it('keys existing ticket events by their ticket and order, with the ticket’s hall, keeping every column', () => {
    const db = at(hubMigrations, 8);
    seedHall(db);
    insert(db, 'tickets', ticket({ id: 'k1', seq: 1, number: 'A001', status: 'finished' }));
    insert(db, 'tickets', ticket({ id: 'k2', seq: 2, number: 'A002', status: 'called', counter_id: 'c2' }));
    // Two tickets' events interleaved, with holes in the old integer ids.
    const old = [
      { id: 3, ticket_id: 'k1', type: 'issue', counter_id: null, staff_id: null, at: 1, detail: '{"priority":"normal"}' },
      { id: 4, ticket_id: 'k2', type: 'issue', counter_id: null, staff_id: null, at: 2, detail: '{"priority":"normal"}' },
      { id: 7, ticket_id: 'k1', type: 'call', counter_id: 'c2', staff_id: 'u1', at: 3, detail: null },
      { id: 8, ticket_id: 'k1', type: 'start', counter_id: 'c2', staff_id: 'u1', at: 4, detail: null },
      { id: 12, ticket_id: 'k1', type: 'finish', counter_id: 'c2', staff_id: 'u1', at: 5, detail: null },
      { id: 13, ticket_id: 'k2', type: 'call_specific', counter_id: 'c2', staff_id: 'u1', at: 6, detail: '{"reason":"老人"}' },
    ];
    // Inserted out of order: the new ids follow the old ids, not the insertion order.
    for (const e of [...old].reverse()) insert(db, 'ticket_events', e);
    migrateKeepingRows(db, 9, ['ticket_events']);

    const newIds = ['k1-1', 'k2-1', 'k1-2', 'k1-3', 'k1-4', 'k2-2'];
    expect(db.prepare('SELECT * FROM ticket_events ORDER BY at').all()).toEqual(
      old.map((e, i) => ({ ...e, id: newIds[i], hall_id: 'h1' })),
    );
    expect(names(db, 'index')).toEqual(expect.arrayContaining(['ticket_events_ticket', 'ticket_events_at']));
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM ticket_events WHERE at >= ?').all(0) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('ticket_events_at');

    const event = { hall_id: 'h1', ticket_id: 'k2', type: 'start', counter_id: 'c2', staff_id: 'u1', at: 7 };
    expect(() => insert(db, 'ticket_events', { ...event, id: 'k2-2' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'ticket_events', { ...event, id: 'k2-3', ticket_id: 'nope' })).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insert(db, 'ticket_events', { ...event, id: 'k2-3', hall_id: 'nowhere' })).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insert(db, 'ticket_events', { ...event, id: 'k2-3', hall_id: null })).toThrow(/NOT NULL constraint failed/);
    insert(db, 'ticket_events', { ...event, id: 'k2-3' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('hub migration 0012: audit digests, session activity, a terminal’s confirmation lockout', () => {
  // Its place in the list (numbers are taken when work starts; 0010 and 0011 land on their own).
  const v = hubMigrations.findIndex((sql) => sql.includes('ADD COLUMN feed_digest')) + 1;

  it('adds the columns with their defaults and indexes a person’s reveals', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'terminals', { id: 't2', hall_id: 'h1', role: 'manager', name: '管理电脑', token_hash: 'th2', created_at: 1 });
    insert(db, 'staff_sessions', { id: 't2', hall_id: 'h1', staff_id: 'u1', started_at: 3 });
    migrateKeepingRows(db, v);
    expect(db.prepare('SELECT feed_digest FROM audit WHERE id = 1').get()).toEqual({ feed_digest: null });
    expect(one(db, 'staff_sessions', 't2')).toMatchObject({ active_at: null });
    expect(one(db, 'terminals', 't1')).toMatchObject({ failed_confirms: 0, confirm_locked_until: null });
    expect(() => db.prepare("UPDATE terminals SET failed_confirms = NULL WHERE id = 't1'").run()).toThrow(/NOT NULL constraint failed/);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM audit WHERE type = 'case.revealId' AND outcome = 'ok' AND staff_id = ? AND at >= ?")
      .all('u1', 0) as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('audit_reveals');
  });
});

describe('replica migration 0001: rows, cursor and outbox', () => {
  it('creates the replica tables with their keys', () => {
    const db = at(replicaMigrations, 1);
    expect(names(db, 'table')).toEqual(['meta', 'outbox', 'outbox_rejected', 'rows']);
    insert(db, 'rows', { tbl: 'halls', id: 'h1', data: '{}' });
    insert(db, 'rows', { tbl: 'staff', id: 'h1', data: '{}' });
    expect(() => insert(db, 'rows', { tbl: 'halls', id: 'h1', data: '{}' })).toThrow(/UNIQUE constraint failed/);
    const op = { type: 'inquiry.record', payload: '{}', created_at: 1 };
    insert(db, 'outbox', { ...op, op_id: 'op1' });
    insert(db, 'outbox', { ...op, op_id: 'op2' });
    expect(() => insert(db, 'outbox', { ...op, op_id: 'op1' })).toThrow(/UNIQUE constraint failed/);
    expect(db.prepare('SELECT n, op_id FROM outbox ORDER BY n').all()).toEqual([
      { n: 1, op_id: 'op1' },
      { n: 2, op_id: 'op2' },
    ]);
  });
});
