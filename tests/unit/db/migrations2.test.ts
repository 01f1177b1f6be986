import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { SELF_APPROVED } from '../../../main/hub/features/cases/queries';
import { at, caseRow, catalogItem, insert, migrateKeepingRows, one, seedHall, ticket, type Row } from './migrationFixtures';

/** The migrations from 0013 on, tested as migrations.test.ts tests the earlier ones (that file is full). */

describe('hub migration 0013: hall setup — zones, ticketing hours and classes, disabled staff, staff cards', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE zones')) + 1;

  it('lists the zones counters name, gives services open hours and every class, cards every staff member, and forgets the scope record', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    db.prepare("UPDATE counters SET zone = '二楼' WHERE id = 'c2'").run();
    db.prepare("UPDATE counters SET zone = '一楼' WHERE id = 'c1'").run();
    insert(db, 'counters', { id: 'c3', hall_id: 'h1', number: 3, name: '3号窗口', zone: '二楼' });
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(db.prepare('SELECT id, name, sort FROM zones ORDER BY sort').all()).toEqual([
      { id: `h1-z-${Buffer.from('一楼').toString('hex')}`, name: '一楼', sort: 1 },
      { id: `h1-z-${Buffer.from('二楼').toString('hex')}`, name: '二楼', sort: 2 },
    ]);
    expect(one(db, 'services', 's1')).toMatchObject({
      ticket_from: null,
      ticket_until: null,
      priorities: 'normal,green,major,appointment',
    });
    expect(one(db, 'staff', 'u1')).toMatchObject({ disabled_at: null });
    expect(one(db, 'staff_cards', 'u1')).toEqual({ id: 'u1', hall_id: 'h1', display_name: '王芳', photo: null });
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    expect(() => db.prepare("UPDATE services SET ticket_from = '8:30'").run()).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'zones', { id: 'z9', hall_id: 'h1', name: '一楼' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'staff_cards', { id: 'nobody', hall_id: 'h1', display_name: 'x' })).toThrow(/FOREIGN KEY constraint failed/);
  });
});

describe('hub migration 0018: rating requests, ratings, their follow-ups and the hall’s rating settings', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE rating_requests')) + 1;

  it('adds the tables with their CHECKs and the settings column, and forgets the scope record', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(one(db, 'halls', 'h1')).toMatchObject({ rating_settings: '{}' });
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    const request = { hall_id: 'h1', counter_id: 'c2', staff_id: 'u1', service_id: 's1', channel: 'device', created_at: 1, expires_at: 2 };
    insert(db, 'rating_requests', { ...request, id: 'r1', status: 'pending' });
    expect(() => insert(db, 'rating_requests', { ...request, id: 'r2', status: 'unrated' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'rating_requests', { ...request, id: 'r3', status: 'rated', unrated_cause: 'timeout' })).toThrow(
      /CHECK constraint failed/,
    );
    insert(db, 'rating_requests', { ...request, id: 'r4', status: 'unrated', unrated_cause: 'declined' });
    const rating = { hall_id: 'h1', indicator_set: 'v1', at: 3 };
    insert(db, 'ratings', { ...rating, id: 'r1', level: 5 });
    expect(() => insert(db, 'ratings', { ...rating, id: 'r4', level: 6 })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'ratings', { ...rating, id: 'nope', level: 3 })).toThrow(/FOREIGN KEY constraint failed/);
    expect(one(db, 'ratings', 'r1')).toMatchObject({ excluded: 0, flags: '', reasons: '' });
    const followup = {
      hall_id: 'h1',
      rating_id: 'r1',
      status: 'open',
      opened_at: 1,
      opened_day: '2026-11-25',
      yellow_from: '2026-12-01',
      due_day: '2026-12-02',
    };
    insert(db, 'followups', { ...followup, id: 'f1' });
    expect(() => insert(db, 'followups', { ...followup, id: 'f2', status: 'closed' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'followups', { ...followup, id: 'f3', callback_method: 'fax' })).toThrow(/CHECK constraint failed/);
    insert(db, 'followup_events', { id: 'f1-1', hall_id: 'h1', followup_id: 'f1', action: 'open', at: 1 });
    expect(() => insert(db, 'followup_events', { id: 'f1-2', hall_id: 'h1', followup_id: 'f1', action: 'delete', at: 1 })).toThrow(
      /CHECK constraint failed/,
    );
  });
});

describe('hub migration 0027: rating codes, and the rating requests of concluded cases', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE rating_codes')) + 1;

  it('gives requests a case and an item, keeps one request per case, codes for a ticket or a case, and forgets the scope record', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'catalog_items', catalogItem);
    insert(db, 'cases', caseRow({ id: 'case1', late_notice: 0, statutory_unit: 'working_days' }));
    insert(db, 'tickets', ticket({ id: 'tk1', seq: 1, number: 'A001' }));
    const request = { hall_id: 'h1', counter_id: 'c2', staff_id: 'u1', service_id: 's1', channel: 'device', created_at: 1, expires_at: 2 };
    insert(db, 'rating_requests', { ...request, id: 'r1', status: 'pending' });
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    expect(one(db, 'rating_requests', 'r1')).toMatchObject({ case_id: null, item_id: null });
    const caseRequest = { ...request, service_id: null, channel: 'qr', status: 'pending', case_id: 'case1', item_id: 'k1' };
    insert(db, 'rating_requests', { ...caseRequest, id: 'r2' });
    expect(() => insert(db, 'rating_requests', { ...caseRequest, id: 'r3' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'rating_requests', { ...caseRequest, id: 'r4', case_id: 'nope' })).toThrow(/FOREIGN KEY constraint failed/);
    const code = { hall_id: 'h1', created_at: 1 };
    insert(db, 'rating_codes', { ...code, code: 'AAAA', ticket_id: 'tk1' });
    insert(db, 'rating_codes', { ...code, code: 'BBBB', case_id: 'case1' });
    expect(() => insert(db, 'rating_codes', { ...code, code: 'CCCC' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'rating_codes', { ...code, code: 'DDDD', ticket_id: 'tk1', case_id: 'case1' })).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => insert(db, 'rating_codes', { ...code, code: 'EEEE', ticket_id: 'tk1' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'rating_codes', { ...code, code: 'AAAA', case_id: 'case1' })).toThrow(/UNIQUE constraint failed/);
  });
});

describe('hub migration 0016: catalog keywords and pinyin keys, call announcements', () => {
  // Its place in the list (numbers are taken when work starts; others land on their own).
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE call_announcements')) + 1;

  it('gives items empty keywords and keys, feeds them again whole, and keeps one announcement per ticket', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'catalog_items', catalogItem);
    migrateKeepingRows(db, v, ['feed']);
    expect(one(db, 'catalog_items', 'k1')).toMatchObject({ keywords: '', pinyin: '' });
    // Replicas got the items without the new columns: the feed carries them again, whole, after its newest entry.
    const feed = db.prepare('SELECT seq, tbl, row_id, data FROM feed ORDER BY seq').all() as Row[];
    expect(feed.map((e) => [e.seq, e.tbl, e.row_id])).toEqual([
      [1, 'halls', 'h1'],
      [2, 'catalog_items', 'k1'],
    ]);
    expect(JSON.parse(feed[1]!.data as string)).toEqual(one(db, 'catalog_items', 'k1'));

    insert(db, 'tickets', ticket({ id: 'tk1', seq: 1, number: 'A001' }));
    const announcement = { id: 'tk1', hall_id: 'h1', called_at: 5, outcome: 'spoken', at: 9, terminal_id: 't1' };
    insert(db, 'call_announcements', announcement);
    expect(() => insert(db, 'call_announcements', { ...announcement, id: 'tk1' })).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(db, 'call_announcements', { ...announcement, id: 'nope' })).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare('DELETE FROM call_announcements').run();
    expect(() => insert(db, 'call_announcements', { ...announcement, outcome: 'heard' })).toThrow(/CHECK constraint failed/);
  });
});

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

describe('hub migration 0024: complaints, and who works a follow-up and its callback phone', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE complaints')) + 1;

  it('assigns open follow-ups to their department head unless rated, else a manager; keeps their steps; a follow-up has one source', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'staff', { id: 'u2', hall_id: 'h1', login: 'c02', name: '李强', role: 'clerk', department_id: 'd1', password_hash: 'x' });
    insert(db, 'staff', { id: 'm1', hall_id: 'h1', login: 'manager', name: '林主任', role: 'manager', password_hash: 'x' });
    db.prepare("UPDATE departments SET head_staff_id = 'u2' WHERE id = 'd1'").run();
    const request = { hall_id: 'h1', counter_id: 'c2', service_id: 's1', channel: 'device', created_at: 1, expires_at: 2, status: 'rated' };
    const followup = {
      hall_id: 'h1',
      department_id: 'd1',
      status: 'open',
      opened_at: 1,
      opened_day: '2026-11-25',
      yellow_from: '2026-12-01',
    };
    for (const [id, staff] of [
      ['r1', 'u1'],
      ['r2', 'u2'],
    ] as const) {
      insert(db, 'rating_requests', { ...request, id, staff_id: staff });
      insert(db, 'ratings', { id, hall_id: 'h1', level: 1, indicator_set: 'v1', at: 1 });
      insert(db, 'followups', { ...followup, id: `${id}-f`, rating_id: id, staff_id: staff, due_day: '2026-12-02' });
    }
    insert(db, 'followup_events', { id: 'r1-f-1', hall_id: 'h1', followup_id: 'r1-f', action: 'open', at: 1 });
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    // The head works the 差评 about their clerk; the one about the head goes to the manager.
    expect(one(db, 'followups', 'r1-f')).toMatchObject({ assignee_id: 'u2', complaint_id: null, phone_masked: null, phone: null });
    expect(one(db, 'followups', 'r2-f')).toMatchObject({ assignee_id: 'm1' });
    expect(one(db, 'followup_events', 'r1-f-1')).toMatchObject({ action: 'open', followup_id: 'r1-f' });
    insert(db, 'followup_events', { id: 'r1-f-2', hall_id: 'h1', followup_id: 'r1-f', action: 'assign', at: 2, note: 'm1' });
    expect(() => insert(db, 'followup_events', { id: 'r1-f-3', hall_id: 'h1', followup_id: 'r1-f', action: 'delete', at: 2 })).toThrow(
      /CHECK constraint failed/,
    );
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    const complaint = { hall_id: 'h1', channel: 'hotline', content: '等候太久', received_day: '2026-11-25', recorded_at: 1 };
    insert(db, 'complaints', { ...complaint, id: 'k1', subject: 'staff', staff_id: 'u1', department_id: 'd1' });
    expect(() => insert(db, 'complaints', { ...complaint, id: 'k2', subject: 'case' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'complaints', { ...complaint, id: 'k3', subject: 'staff', staff_id: 'u1', channel: 'fax' })).toThrow(
      /CHECK constraint failed/,
    );
    const base = { ...followup, due_day: '2026-12-02' };
    insert(db, 'followups', { ...base, id: 'k1-f', complaint_id: 'k1', phone: '13800138000', phone_masked: '138****8000' });
    // Both sources, or none, or a phone without its mask: refused.
    expect(() => insert(db, 'followups', { ...base, id: 'x1', complaint_id: 'k1', rating_id: 'r1' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'followups', { ...base, id: 'x2' })).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'followups', { ...base, id: 'x3', complaint_id: 'k1', phone: '13800138000' })).toThrow(
      /CHECK constraint failed/,
    );
  });
});
