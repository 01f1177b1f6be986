import { describe, expect, it } from 'vitest';
import { rowField, signalsByDepartment } from '../../main/region/hallFigures';
import { RegionStore } from '../../main/region/store';
import { addDays } from '../../shared/calendar/rules';
import { CASE_SIGNALS, CASE_STATUSES, PAUSE_KINDS } from '../../shared/cases/enums';
import { caseSignalDefinition } from '../../shared/cases/rules';
import { onCleanup } from '../support/hub';
import { throwawayPostgres } from '../support/pg';
import { prng } from '../support/prng';

/**
 * The case signal's one SQL definition (cases/rules), evaluated by PostgreSQL on the rows as the
 * region holds them (JSON), equals its TypeScript on the same rows: the region's board counts
 * yellow and red exactly as the hall does.
 */
const rnd = prng(20261126);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const day = () => addDays('2026-10-01', Math.floor(rnd() * 80));
const maybe = <T>(p: number, v: () => T): T | null => (rnd() < p ? v() : null);

describe('the case signal in PostgreSQL', () => {
  it('agrees with the TypeScript definition on every generated case, and the board counts them by department', async () => {
    const db = await throwawayPostgres();
    const store = RegionStore.connect(db.url);
    onCleanup(() => store.close());
    await store.migrate();
    await store.addHall({ hallId: 'H1', name: '甲', hubUrl: 'http://h1', token: 't' });
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const promised = maybe(0.9, day);
      return {
        id: `k${i}`,
        department_id: pick(['d1', 'd2', 'd3']),
        status: pick(CASE_STATUSES),
        promised_due: promised,
        yellow_from: promised && maybe(0.95, () => (rnd() < 0.8 ? addDays(promised, -Math.floor(rnd() * 5)) : promised)),
        paused_kind: maybe(0.3, () => pick(PAUSE_KINDS)),
        paused_since: maybe(0.3, day),
        delivery_due: maybe(0.5, day),
      };
    });
    await store.pool.query(
      `INSERT INTO hall_rows (hall_id, tbl, id, seq, row) SELECT 'H1', 'cases', id, 1, row FROM unnest($1::text[], $2::jsonb[]) AS r (id, row)`,
      [rows.map((r) => r.id), rows.map((r) => JSON.stringify(r))],
    );
    const seen = new Set<string>();
    for (const today of ['2026-10-15', '2026-11-02', '2026-11-20', '2026-12-31']) {
      const { rows: bySql } = await store.pool.query<{ id: string; s: string }>(
        `SELECT id, ${caseSignalDefinition.sql(rowField, '$1::text')} AS s FROM hall_rows WHERE tbl = 'cases' ORDER BY id`,
        [today],
      );
      const sql = new Map(bySql.map((r) => [r.id, r.s]));
      expect(rows.filter((r) => sql.get(r.id) !== caseSignalDefinition.ts(r, today)).slice(0, 3), today).toEqual([]);
      for (const r of rows) seen.add(caseSignalDefinition.ts(r, today));
      const counted = await signalsByDepartment(store.pool, 'H1', today);
      for (const d of ['d1', 'd2', 'd3']) {
        const own = rows.filter((r) => r.department_id === d).map((r) => caseSignalDefinition.ts(r, today));
        expect(
          counted.find((c) => c.departmentId === d),
          `${d} ${today}`,
        ).toEqual({
          departmentId: d,
          yellow: own.filter((s) => s === 'yellow').length,
          red: own.filter((s) => s === 'red').length,
        });
      }
    }
    // The rows reach every signal, so the agreement means something.
    expect([...seen].sort()).toEqual([...CASE_SIGNALS].sort());
  });
});
