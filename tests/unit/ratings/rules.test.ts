import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { columns } from '../../../shared/kernel/definition';
import { isBad, isSatisfied, ratingFlags, ratingRates, requestStatus } from '../../../shared/ratings/rules';

describe('好差评 rules', () => {
  it('差评 is 1–2; 满意 counts 5, 4 and 3', () => {
    expect([1, 2, 3, 4, 5].map(isBad)).toEqual([true, true, false, false, false]);
    expect([1, 2, 3, 4, 5].map(isSatisfied)).toEqual([false, false, true, true, true]);
  });

  it('a pending request past its expiry is unrated, in TypeScript and in SQL alike', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE r (status TEXT, expires_at INTEGER)');
    const rows = [
      { status: 'pending', expires_at: 100 },
      { status: 'pending', expires_at: 101 },
      { status: 'rated', expires_at: 50 },
      { status: 'unrated', expires_at: 500 },
    ] as const;
    for (const r of rows) db.prepare('INSERT INTO r VALUES (?, ?)').run(r.status, r.expires_at);
    const sql = db
      .prepare(`SELECT ${requestStatus.sql(columns(), '@now')} AS s FROM r ORDER BY rowid`)
      .pluck()
      .all({ now: 100 });
    expect(sql).toEqual(rows.map((r) => requestStatus.ts(r, 100)));
    expect(sql).toEqual(['unrated', 'pending', 'rated', 'unrated']);
  });

  it('flags a rating given within a second, and the third from one device in half a minute', () => {
    expect(ratingFlags(0, 999, 0, true)).toEqual(['fast']);
    expect(ratingFlags(0, 1000, 1, true)).toEqual([]);
    expect(ratingFlags(0, 5000, 2, true)).toEqual(['burst']);
    expect(ratingFlags(0, 5000, 0, false)).toEqual(['away']);
  });

  it('rates carry their count, are null over nothing, and are flagged below the minimum', () => {
    expect(ratingRates({ services: 0, active: 0, satisfied: 0, bad: 0, unrated: 0 }, 30).satisfaction).toEqual({
      value: null,
      num: 0,
      of: 0,
      few: true,
    });
    expect(ratingRates({ services: 50, active: 40, satisfied: 36, bad: 2, unrated: 10 }, 30)).toEqual({
      satisfaction: { value: 0.9, num: 36, of: 40, few: false },
      participation: { value: 0.8, num: 40, of: 50, few: false },
      bad: { value: 0.05, num: 2, of: 40, few: false },
    });
  });
});
