import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { CASE_GRAINS, COUNTER_GRAINS, QUEUE_GRAINS } from '../../../shared/reports/enums';
import { at, insert } from './migrationFixtures';

/** Beside migrations.test.ts (at its length limit): the reports' migration. */
describe('hub migration 0021: the reports\u2019 daily aggregates', () => {
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
});
