import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { replicaMigrations } from '../../../main/terminal/migrations';
import { FLAGGED_CASES } from '../../../main/hub/features/cases/queries';
import { rowSchemas } from '../../../shared/protocol';
import { at, caseRow, catalogItem, insert, migrateKeepingRows, names, one, seedHall, ticket, type Row } from './migrationFixtures';

/**
 * One test per migration: the schema built to N−1, rows in the tables N changes, then N. Rows must
 * come through unchanged in their old columns, new columns take their defaults, and the new
 * tables, indexes and CHECKs hold.
 */

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

describe('hub migration 0010: limits in years; the case clocks and flags', () => {
  it('rebuilds catalog_items and cases with every row, rowid, index and key, CHECKs their limit units, and feeds cases again', () => {
    const db = at(hubMigrations, 9);
    seedHall(db);
    insert(db, 'catalog_items', catalogItem);
    insert(db, 'catalog_items', { ...catalogItem, id: 'k2', code: 'K2', limit_unit: 'natural_days' });
    const next = (n: number) => ({ number: `H1-20261125-000${n}`, number_seq: n });
    insert(db, 'cases', caseRow({ id: 'case3', ...next(3), status: 'refused' })); // ended, and no longer in the feed
    insert(db, 'cases', caseRow({ id: 'case1', ...next(1), paused_kind: 'special', paused_since: '2026-11-26' }));
    insert(db, 'cases', caseRow({ id: 'case2', ...next(2), item_id: 'k2', limit_unit: 'natural_days', status: 'delivered' }));
    insert(db, 'feed', { seq: 2, at: 1, tbl: 'cases', row_id: 'case2', op: 'upsert', data: '{}' }); // a replica may hold it
    const part = { hall_id: 'h1', case_id: 'case1', department_id: 'd1', limit_days: 5, outcome: 'pending' };
    insert(db, 'case_parts', { ...part, id: 'p1' });
    insert(db, 'case_events', { id: 'e1', hall_id: 'h1', case_id: 'case1', action: 'accept', staff_id: 'u1', at: 2, detail: '{}' });
    const rowids = () => db.prepare('SELECT id, rowid FROM cases UNION ALL SELECT id, rowid FROM catalog_items ORDER BY 1').all();
    const indexes = () =>
      (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('cases', 'catalog_items') ORDER BY name")
          .all() as { name: string }[]
      ).map((r) => r.name);
    const before = rowids();
    const indexesBefore = indexes();
    migrateKeepingRows(db, 10, ['feed']);
    expect(rowids()).toEqual(before);
    // Registered before: the statutory limit keeps the item's unit; no flag, no delivery day, no fee yet.
    expect(one(db, 'cases', 'case2')).toMatchObject({
      statutory_unit: 'natural_days',
      late_notice: 0,
      delivery_due: null,
      late_days: null,
      card: null,
      fee_standard_cents: null,
      fee_charged_cents: null,
    });

    for (const table of ['catalog_items', 'cases']) {
      expect(() => db.prepare(`UPDATE ${table} SET limit_unit = 'weeks'`).run(), table).toThrow(/CHECK constraint failed/);
      db.prepare(`UPDATE ${table} SET limit_unit = 'years' WHERE id IN ('k1', 'case1')`).run();
    }
    expect(() => db.prepare("UPDATE cases SET statutory_unit = 'weeks'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE cases SET card = 'green'").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE cases SET late_notice = 2').run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE cases SET fee_charged_cents = 100').run()).toThrow(/CHECK constraint failed/); // charged without a standard
    db.prepare("UPDATE cases SET fee_standard_cents = 8000, fee_charged_cents = 9000 WHERE id = 'case1'").run();

    const case4 = caseRow({ id: 'case4', ...next(4), item_id: 'nothing', late_notice: 0, statutory_unit: 'working_days' });
    expect(() => insert(db, 'cases', case4)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => insert(db, 'case_parts', { ...part, id: 'p2', case_id: 'nocase' })).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare("DELETE FROM catalog_items WHERE id = 'k1'").run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare("DELETE FROM cases WHERE id = 'case1'").run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(names(db, 'table')).not.toContain('cases_old');

    // Every index the two tables had (their keys' too), and supervision's two new ones.
    expect(indexes()).toEqual([...indexesBefore, 'cases_delivering', 'cases_flagged'].sort());
    // Supervision's flagged cases come from their index, as the hub asks for them.
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM cases WHERE ${FLAGGED_CASES}`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('cases_flagged');
    expect(db.prepare(`SELECT id FROM cases WHERE ${FLAGGED_CASES}`).all()).toEqual([{ id: 'case1' }]);

    // The open case and the one still in the feed come again, after the newest entry, with every replicated column.
    const fed = db.prepare('SELECT seq, row_id, data FROM feed WHERE seq > 2 ORDER BY seq').all() as Row[];
    expect(fed.map((f) => [f.seq, f.row_id])).toEqual([
      [3, 'case1'],
      [4, 'case2'],
    ]);
    // Every replicated column the table has at this version (later migrations add more).
    const columns = (db.prepare("SELECT name FROM pragma_table_info('cases')").all() as { name: string }[]).map((c) => c.name);
    const replicated = Object.keys(rowSchemas.cases.shape).filter((c) => columns.includes(c));
    expect(Object.keys(JSON.parse(fed[1]!.data as string) as Row).sort()).toEqual([...replicated].sort());
    expect(JSON.parse(fed[1]!.data as string)).toMatchObject({ id: 'case2', statutory_unit: 'natural_days' });
  });
});

describe('hub migration 0011: a service’s interleave run and its called-not-started threshold', () => {
  // Its place in the list (numbers are taken when work starts; 0010 lands on its own).
  const v = hubMigrations.findIndex((sql) => sql.includes('ADD COLUMN priority_run')) + 1;

  it('gives services a run of 0 and 5 minutes, keeps counters’ old streaks, and feeds the services again', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    db.prepare("UPDATE counters SET priority_streak = 2 WHERE id = 'c2'").run();
    migrateKeepingRows(db, v, ['feed']);
    expect(one(db, 'services', 's1')).toMatchObject({ priority_run: 0, max_call_min: 5 });
    expect(one(db, 'counters', 'c2')).toMatchObject({ priority_streak: 2 });
    expect(() => db.prepare('UPDATE services SET max_call_min = 0').run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE services SET priority_run = NULL').run()).toThrow(/NOT NULL constraint failed/);
    // Replicas got the services without the new columns: the feed carries them again, whole, after its newest entry.
    const feed = db.prepare('SELECT seq, tbl, row_id, op, data FROM feed ORDER BY seq').all() as Row[];
    expect(feed.map((e) => [e.seq, e.tbl, e.row_id, e.op])).toEqual([
      [1, 'halls', 'h1', 'upsert'],
      [2, 'services', 's1', 'upsert'],
    ]);
    expect(JSON.parse(feed[1]!.data as string)).toEqual(one(db, 'services', 's1'));
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

describe('hub migration 0017: cases found by a whole ID number, such searches counted', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('cases_id_number')) + 1;

  it('indexes the stored ID numbers, and the searches that found a case per person', () => {
    const db = at(hubMigrations, v);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM cases c WHERE c.id_number = ? ORDER BY c.received_at DESC LIMIT 50')
      .all('11010519491231002X') as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('cases_id_number');
    const searches = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM audit WHERE type = 'case.findByIdNumber' AND outcome = 'ok' AND staff_id = ? AND at >= ?",
      )
      .all('u1', 0) as { detail: string }[];
    expect(searches.map((p) => p.detail).join('\n')).toContain('audit_id_searches');
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
