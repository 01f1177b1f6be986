import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { migrate } from '../../../main/db/open';

/** What the per-migration tests (migrations.test.ts) build their databases from. */

type Db = Database.Database;
export type Row = Record<string, unknown>;

/** A database at `version`, with foreign keys enforced as openDatabase has them. */
export function at(migrations: readonly string[], version: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

export function insert(db: Db, table: string, row: Row): void {
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
}

export const one = (db: Db, table: string, id: string): Row => db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Row;
export const names = (db: Db, type: 'table' | 'index') =>
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
export function migrateKeepingRows(db: Db, version: number, checkedApart: string[] = []): void {
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
export function seedHall(db: Db): void {
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

export const ticket = (over: Row): Row => ({
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

export const catalogItem: Row = {
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

export const caseRow = (over: Row): Row => ({
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
