import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { at, insert, migrateKeepingRows, one, seedHall } from './migrationFixtures';

/** The migrations from 0019 on, tested as migrations.test.ts and migrations2.test.ts test the earlier ones. */

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
