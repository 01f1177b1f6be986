import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { packageYears } from '../../../main/hub/features/calendar/calendar';
import { LIMIT_UNITS } from '../../../shared/calendar/enums';
import { addDays, daysBetween, WorkCalendar } from '../../../shared/calendar/rules';
import { CASE_SIGNALS, CASE_STATUSES, PAUSE_KINDS } from '../../../shared/cases/enums';
import { caseDeadlines, caseSignalDefinition, DECIDED, RUNNING } from '../../../shared/cases/rules';
import { columns } from '../../../shared/kernel/definition';
import { TICKET_STATUSES } from '../../../shared/queue/enums';
import { serviceKpi } from '../../../shared/queue/kpi';
import { waitingNow } from '../../../shared/queue/rules';
import { prng } from '../../support/prng';

/**
 * Parity of each definition's two languages: the SQL expression, evaluated by SQLite on generated
 * rows, equals the TypeScript function on the same rows, row by row.
 */
const rnd = prng(20261125);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const maybe = <T>(p: number, v: () => T): T | null => (rnd() < p ? v() : null);

const years = packageYears();
const calendar = new WorkCalendar({
  years: [...years.keys()],
  holidays: [...years.values()].flatMap((y) => y.holidays),
  workdays: [...years.values()].flatMap((y) => y.workdays),
});

describe('the case signal: one definition in TypeScript and SQL', () => {
  // Cases as the hub stores them: due days from the calendar in each limit unit (the statutory one
  // in working days for joint handling), with extensions and finished pauses, some paused now
  // (before, on or after the due day), some decided with a delivery due day, some not accepted or
  // ended. Each is looked at on a day around its own span, so that long limits reach every signal.
  const rows = Array.from({ length: 6000 }, (_, i) => {
    const unit = pick(LIMIT_UNITS);
    const accepted = addDays('2024-01-01', int(0, 1000));
    const promised = unit === 'months' ? int(1, 6) : unit === 'years' ? int(1, 2) : int(0, 30);
    const pause = addDays(accepted, int(0, 30));
    const d = caseDeadlines(
      calendar,
      accepted,
      { promised, unit, statutory: promised + int(0, 20), statutoryUnit: pick([unit, 'working_days']) },
      int(0, 1) * int(1, 15),
      rnd() < 0.5 ? [] : [{ from: pause, to: addDays(pause, int(1, 10)) }],
      pick([0.5, 0.8, 1]),
    );
    const span = daysBetween(accepted, d.promisedDue) + 40;
    const status = pick(CASE_STATUSES);
    // Not yet accepted: no due days (mostly); a few running ones without them too.
    const undated = status === 'received' || status === 'supplement' ? rnd() < 0.9 : rnd() < 0.05;
    const paused = rnd() < 0.4;
    return {
      id: `k${i}`,
      unit,
      status,
      promised_due: undated ? null : d.promisedDue,
      yellow_from: undated ? null : d.yellowFrom,
      // Mostly consistent pairs, and a few half-set ones: the definitions must agree on those too.
      paused_kind: paused || rnd() < 0.03 ? pick(PAUSE_KINDS) : null,
      paused_since: paused ? (rnd() < 0.95 ? addDays(accepted, int(0, span)) : null) : maybe(0.03, () => addDays(accepted, int(0, span))),
      // Decided cases (and a few others, which must not matter) have a delivery due day.
      delivery_due: maybe(DECIDED.includes(status) ? 0.9 : 0.05, () => addDays(accepted, int(0, span))),
      today: addDays(accepted, int(-5, span)),
    };
  });

  const db = new Database(':memory:');
  db.exec(
    'CREATE TABLE cases (id TEXT PRIMARY KEY, status TEXT, promised_due TEXT, yellow_from TEXT, paused_kind TEXT, paused_since TEXT, delivery_due TEXT, today TEXT)',
  );
  const insert = db.prepare(
    'INSERT INTO cases VALUES (@id, @status, @promised_due, @yellow_from, @paused_kind, @paused_since, @delivery_due, @today)',
  );
  db.transaction(() => rows.forEach((r) => insert.run(r)))();

  it('agrees on every generated case, each on its own day', () => {
    const sql = db.prepare(`SELECT id, ${caseSignalDefinition.sql(columns('c'), 'c.today')} AS s FROM cases c ORDER BY id`);
    const bySql = new Map((sql.all() as { id: string; s: string }[]).map((r) => [r.id, r.s]));
    const mismatches = rows.filter((r) => bySql.get(r.id) !== caseSignalDefinition.ts(r, r.today));
    expect(mismatches.slice(0, 3)).toEqual([]);
    // The rows reach every signal and every limit unit, so the agreement means something.
    const seen = new Set(rows.map((r) => caseSignalDefinition.ts(r, r.today)));
    expect([...seen].sort()).toEqual([...CASE_SIGNALS].sort());
    const signalsOf = (where: (r: (typeof rows)[number]) => boolean) =>
      [...new Set(rows.filter(where).map((r) => caseSignalDefinition.ts(r, r.today)))].sort();
    // The decision clock in every unit; paused cases that keep a yellow or red; the delivery clock alone.
    for (const unit of LIMIT_UNITS) {
      expect(
        signalsOf((r) => r.unit === unit && RUNNING.includes(r.status)),
        unit,
      ).toEqual(['closed', 'normal', 'paused', 'red', 'yellow']);
    }
    expect(signalsOf((r) => RUNNING.includes(r.status) && r.paused_kind !== null && r.paused_since !== null)).toEqual(
      expect.arrayContaining(['paused', 'red', 'yellow']),
    );
    expect(signalsOf((r) => r.status === 'concluded')).toEqual(['closed', 'normal', 'red', 'yellow']);
  });

  it('agrees with today as a bound parameter, as the hub queries it', () => {
    const sql = db.prepare(`SELECT id, ${caseSignalDefinition.sql(columns(), '@today')} AS s FROM cases ORDER BY id`);
    for (const today of ['2024-03-01', '2025-01-26', '2025-10-08', '2026-12-31']) {
      const bySql = new Map((sql.all({ today }) as { id: string; s: string }[]).map((r) => [r.id, r.s]));
      expect(rows.filter((r) => bySql.get(r.id) !== caseSignalDefinition.ts(r, today)).slice(0, 3), today).toEqual([]);
    }
  });
});

describe('queue KPIs: one definition each in TypeScript and SQL', () => {
  const now = Date.parse('2026-11-25T03:00:00Z');
  const tickets = Array.from({ length: 4000 }, (_, i) => {
    const issued = now - int(0, 4 * 3_600_000);
    const called = maybe(0.7, () => issued + int(0, 3_600_000));
    const started = called === null ? null : maybe(0.8, () => called + int(0, 120_000));
    return {
      id: `t${i}`,
      status: pick(TICKET_STATUSES),
      issued_at: issued,
      called_at: called,
      started_at: started,
      finished_at: started === null ? maybe(0.1, () => issued + int(0, 3_600_000)) : maybe(0.8, () => started + int(0, 1_800_000)),
      park_until: maybe(0.5, () => now + int(-600_000, 600_000)),
    };
  });
  const db = new Database(':memory:');
  db.exec(
    'CREATE TABLE tickets (id TEXT PRIMARY KEY, status TEXT, issued_at INTEGER, called_at INTEGER, started_at INTEGER, finished_at INTEGER, park_until INTEGER)',
  );
  const insert = db.prepare('INSERT INTO tickets VALUES (@id, @status, @issued_at, @called_at, @started_at, @finished_at, @park_until)');
  db.transaction(() => tickets.forEach((t) => insert.run(t)))();
  const col = columns('t');
  const bySql = new Map(
    (
      db.prepare(`SELECT id, ${serviceKpi.sql(col)} AS service, ${waitingNow.sql(col, '@now')} AS waiting FROM tickets t`).all({ now }) as {
        id: string;
        service: number | null;
        waiting: number;
      }[]
    ).map((r) => [r.id, r]),
  );

  it('service and waiting now agree on every generated ticket', () => {
    const mismatches = tickets.filter((t) => {
      const s = bySql.get(t.id)!;
      return s.service !== serviceKpi.ts(t) || s.waiting !== Number(waitingNow.ts(t, now));
    });
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(tickets.some((t) => waitingNow.ts(t, now) && t.status === 'parked')).toBe(true);
    expect(tickets.some((t) => serviceKpi.ts(t) !== null)).toBe(true);
  });
});
