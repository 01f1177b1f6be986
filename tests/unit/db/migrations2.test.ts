import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { SELF_APPROVED } from '../../../main/hub/features/cases/queries';
import { at, caseRow, catalogItem, insert, migrateKeepingRows, one, seedHall } from './migrationFixtures';

/** The per-migration tests of migrations.test.ts, continued (that file is at its length limit). */

describe('hub migration 0014: case duties, department heads, notices kept as issued', () => {
  // Its place in the list (numbers are taken when work starts; 0013 lands on its own).
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE case_notices')) + 1;

  it('gives departments no head, adds duties and notices, keeps notices as issued and indexes self-approved cases', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'catalog_items', catalogItem);
    const after10 = { late_notice: 0, statutory_unit: 'working_days' };
    insert(db, 'cases', caseRow({ id: 'case1', ...after10, handler_id: 'u1', approver_id: 'u1', status: 'approved' }));
    insert(
      db,
      'cases',
      caseRow({
        id: 'case2',
        ...after10,
        number: 'H1-20261125-0002',
        number_seq: 2,
        handler_id: 'u1',
        approver_id: 'u1',
        status: 'delivered',
      }),
    );
    migrateKeepingRows(db, v);
    expect(one(db, 'departments', 'd1')).toMatchObject({ head_staff_id: null });
    db.prepare("UPDATE departments SET head_staff_id = 'u1'").run();
    expect(() => db.prepare("UPDATE departments SET head_staff_id = 'nobody'").run()).toThrow(/FOREIGN KEY constraint failed/);

    const duty = { hall_id: 'h1', staff_id: 'u1', held: 1, set_at: 1 };
    insert(db, 'staff_duties', { ...duty, id: 'u1:reviewer', duty: 'reviewer' });
    expect(() => insert(db, 'staff_duties', { ...duty, id: 'x', duty: 'reviewer' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'staff_duties', { ...duty, id: 'y', duty: 'boss' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'staff_duties', { ...duty, id: 'z', duty: 'approver', held: 2 })).toThrow(/CHECK constraint failed/);

    const notice = {
      hall_id: 'h1',
      case_id: 'case1',
      kind: 'accept',
      year: 2026,
      seq: 1,
      number: 'H1受〔2026〕1号',
      issued_at: 1,
      issued_day: '2026-11-25',
      department_id: 'd1',
      staff_id: 'u1',
      content: '{}',
    };
    insert(db, 'case_notices', { ...notice, id: 'n1' });
    expect(() => insert(db, 'case_notices', { ...notice, id: 'n2', number: 'other' })).toThrow(/UNIQUE constraint failed/); // seq
    expect(() => insert(db, 'case_notices', { ...notice, id: 'n3', seq: 2 })).toThrow(/UNIQUE constraint failed/); // number
    expect(() => insert(db, 'case_notices', { ...notice, id: 'n4', kind: 'memo', seq: 3, number: 'n4' })).toThrow(
      /CHECK constraint failed/,
    );
    insert(db, 'case_notices', { ...notice, id: 'n5', kind: 'extension', number: 'H1延〔2026〕1号' });
    expect(() => db.prepare("UPDATE case_notices SET content = '{\"x\":1}' WHERE id = 'n1'").run()).toThrow(/kept as issued/);
    expect(() => db.prepare("DELETE FROM case_notices WHERE id = 'n1'").run()).toThrow(/kept as issued/);
    expect(one(db, 'case_notices', 'n1')).toMatchObject({ content: '{}' });

    // Supervision's self-approved open cases come from their index, as the hub asks for them.
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM cases WHERE ${SELF_APPROVED}`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('cases_self_approved');
    expect(db.prepare(`SELECT id FROM cases WHERE ${SELF_APPROVED}`).all()).toEqual([{ id: 'case1' }]);
  });
});
