import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { at, caseRow, catalogItem, insert, migrateKeepingRows, one, seedHall, ticket } from './migrationFixtures';

/** The migrations from 0039 on, tested as migrations3.test.ts tests 0023–0036. */

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

describe('hub migration 0043: the 工号 on a clerk’s card', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('ADD COLUMN staff_no')) + 1;

  it('gives every card its clerk’s login; forgets the scope record', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'staff_cards', { id: 'u1', hall_id: 'h1', display_name: '王工 001', photo: null });
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta']);
    expect(one(db, 'staff_cards', 'u1')).toEqual({ id: 'u1', hall_id: 'h1', display_name: '王工 001', staff_no: 'c01', photo: null });
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('hub migration 0044: the review of a flagged rating', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes('CREATE TABLE rating_reviews')) + 1;

  it('keeps every rating as it was; one review per rating, of a rating that exists, by a member of staff, with a known decision', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    const request = { hall_id: 'h1', counter_id: 'c2', staff_id: 'u1', service_id: 's1', channel: 'device', created_at: 1, expires_at: 2 };
    insert(db, 'rating_requests', { ...request, id: 'r1', status: 'rated' });
    insert(db, 'ratings', { id: 'r1', hall_id: 'h1', level: 5, indicator_set: 'in-person-2020.1', flags: 'fast,burst', at: 1 });
    migrateKeepingRows(db, v);
    expect(one(db, 'ratings', 'r1')).toMatchObject({ level: 5, flags: 'fast,burst', excluded: 0 });
    const review = { id: 'r1', hall_id: 'h1', decision: 'excluded', note: '同一设备连评', staff_id: 'u1', at: 2 };
    expect(() => insert(db, 'rating_reviews', { ...review, decision: 'maybe' })).toThrow(/CHECK/);
    expect(() => insert(db, 'rating_reviews', { ...review, id: 'nope' })).toThrow(/FOREIGN KEY/);
    expect(() => insert(db, 'rating_reviews', { ...review, staff_id: 'nobody' })).toThrow(/FOREIGN KEY/);
    expect(() => insert(db, 'rating_reviews', { ...review, note: null })).toThrow(/NOT NULL/);
    insert(db, 'rating_reviews', review);
    expect(() => insert(db, 'rating_reviews', { ...review, decision: 'stands' })).toThrow(/UNIQUE/);
    expect(one(db, 'rating_reviews', 'r1')).toEqual(review);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('hub migration 0046: a card’s 工号 is never the login', () => {
  const v = hubMigrations.findIndex((sql) => sql.includes("UPDATE staff_cards SET staff_no = ''")) + 1;

  it('clears the logins 0043 put on the cards, keeps a public number given since; forgets the scope record', () => {
    const db = at(hubMigrations, v - 1);
    seedHall(db);
    insert(db, 'staff', { id: 'u2', hall_id: 'h1', login: 'c02', name: '李红梅', role: 'clerk', department_id: 'd1', password_hash: 'x' });
    insert(db, 'staff_cards', { id: 'u1', hall_id: 'h1', display_name: '王工 001', staff_no: 'c01', photo: null });
    insert(db, 'staff_cards', { id: 'u2', hall_id: 'h1', display_name: '李工 002', staff_no: '3301002', photo: null });
    insert(db, 'meta', { key: 'scope', value: '{"fingerprint":"x","seq":1}' });
    migrateKeepingRows(db, v, ['meta', 'staff_cards']);
    expect(db.prepare('SELECT id, staff_no FROM staff_cards ORDER BY id').all()).toEqual([
      { id: 'u1', staff_no: '' },
      { id: 'u2', staff_no: '3301002' },
    ]);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'scope'").get()).toBeUndefined();
  });
});
