import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { ratingQueries } from '../../../main/hub/features/ratings/queries';
import { FIGURE_DIMENSIONS, FIGURE_PERIODS, type FigureDimension, type FigurePeriod } from '../../../shared/ratings/queries';
import {
  addFigureCounts,
  emptyFigureCounts,
  figureCountsOf,
  figures,
  fixCalledBack,
  fixDue,
  fixClosed,
  fixOnTime,
  needsFix,
  type FigureCounts,
} from '../../../shared/ratings/figures';
import { defaultedRequest } from '../../../shared/ratings/rules';
import { columns } from '../../../shared/kernel/definition';
import { at, insert, seedHall } from '../db/migrationFixtures';
import { prng } from '../../support/prng';

/**
 * The figures of 好差评, each computed here a second time straight from raw rows (plain loops, none
 * of the definitions), over generated requests (tickets' and concluded cases'), ratings (some
 * excluded on an upheld appeal), services left unrated (some long enough for the hall's default
 * rule), 差评 follow-ups and complaints, for every dimension and period; and the roll-ups add counts.
 */
const rnd = prng(20261126);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const OFFSET = 480; // Beijing
const NOW = Date.parse('2026-11-26T04:00:00Z');
const dayOf = (ms: number) => new Date(ms + OFFSET * 60_000).toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const db = at(hubMigrations, hubMigrations.length);
seedHall(db);
insert(db, 'departments', { id: 'd2', hall_id: 'h1', name: '公安' });
insert(db, 'services', { id: 's2', hall_id: 'h1', department_id: 'd2', name: '户籍', prefix: 'B' });
insert(db, 'staff', { id: 'u2', hall_id: 'h1', login: 'c02', name: '李强', role: 'clerk', department_id: 'd2', password_hash: 'x' });
const item = (id: string, department_id: string, name: string) =>
  insert(db, 'catalog_items', {
    id,
    hall_id: 'h1',
    department_id,
    code: id,
    name,
    kind: 'licensing',
    mode: 'promised',
    statutory_limit: 20,
    promised_limit: 10,
    limit_unit: 'working_days',
    fee_cents: 0,
    materials: '',
    legal_basis: '',
    active: 1,
  });
item('i1', 'd1', '食品经营许可');
item('i2', 'd2', '户口迁移');
const SERVICE_DEPT: Record<string, string> = { s1: 'd1', s2: 'd2' };
const ITEM_DEPT: Record<string, string> = { i1: 'd1', i2: 'd2' };
// The hall's rule: unrated 10 days after the service (its codes hold 7) counts as 基本满意.
const DEFAULT_DAYS = 10;
db.prepare('UPDATE halls SET rating_settings = ?').run(JSON.stringify({ defaultAfterDays: DEFAULT_DAYS, codeDays: 7 }));

type Req = {
  id: string;
  counter_id: string;
  staff_id: string | null;
  service_id: string | null;
  item_id: string | null;
  created_at: number;
  expires_at: number;
  status: string;
};
type Rating = { id: string; level: number; excluded: number };
type Fu = {
  id: string;
  rating_id: string;
  department_id: string;
  staff_id: string | null;
  status: string;
  appeal: string | null;
  opened_day: string;
  due_day: string;
  closed_day: string | null;
  callback_day: string | null;
};
type Complaint = {
  id: string;
  department_id: string | null;
  counter_id: string | null;
  staff_id: string | null;
  received_day: string;
  substantiated: number | null;
};

const departmentOf = (r: Req) => (r.service_id ? SERVICE_DEPT[r.service_id]! : ITEM_DEPT[r.item_id!]!);
const requests: Req[] = [];
const ratings = new Map<string, Rating>();
const followups: Fu[] = [];
const complaints: Complaint[] = [];
// Two months and a bit, so that periods and the range's edges are crossed.
const t0 = Date.parse('2026-09-28T00:00:00Z');
for (let i = 0; i < 1500; i++) {
  const created = t0 + int(0, 60 * 86_400_000);
  const status = pick(['pending', 'rated', 'rated', 'rated', 'unrated']);
  // One in four a concluded case's request: of a catalog item, no service.
  const ofCase = rnd() < 0.25;
  const r: Req = {
    id: `r${i}`,
    counter_id: pick(['c1', 'c2']),
    staff_id: pick(['u1', 'u2', null]),
    service_id: ofCase ? null : pick(['s1', 's2']),
    item_id: ofCase ? pick(['i1', 'i2']) : null,
    created_at: created,
    expires_at: created + pick([60_000, 60 * 86_400_000]),
    status,
  };
  requests.push(r);
  insert(db, 'rating_requests', {
    ...r,
    hall_id: 'h1',
    channel: ofCase ? 'qr' : 'device',
    unrated_cause: status === 'unrated' ? 'timeout' : null,
  });
  if (status !== 'rated') continue;
  const g: Rating = { id: r.id, level: int(1, 5), excluded: Number(rnd() < 0.1) };
  ratings.set(r.id, g);
  insert(db, 'ratings', { ...g, hall_id: 'h1', indicator_set: 'v1', at: created });
  if (g.level > 2) continue;
  const opened = dayOf(created);
  const fstatus = pick(['open', 'verified', 'fixed', 'called_back', 'closed', 'closed', 'closed']);
  const closed = fstatus === 'closed';
  const f: Fu = {
    id: `${r.id}-f`,
    rating_id: r.id,
    department_id: departmentOf(r),
    staff_id: r.staff_id,
    status: fstatus,
    appeal: g.excluded ? 'upheld' : pick([null, null, 'pending', 'rejected']),
    opened_day: opened,
    due_day: plusDays(opened, 7),
    closed_day: closed ? plusDays(opened, int(0, 12)) : null,
    // As the hub allows: 办结 only after the callback; a 差评 may be called back before it is closed.
    callback_day: closed || fstatus === 'called_back' ? plusDays(opened, int(0, 6)) : null,
  };
  followups.push(f);
  insert(db, 'followups', {
    ...f,
    hall_id: 'h1',
    opened_at: created,
    yellow_from: plusDays(opened, 6),
    closed_at: closed ? created : null,
  });
}
for (let i = 0; i < 200; i++) {
  const k: Complaint = {
    id: `k${i}`,
    department_id: pick(['d1', 'd2', null]),
    counter_id: pick(['c1', 'c2', null]),
    staff_id: pick(['u1', 'u2', null]),
    received_day: dayOf(t0 + int(0, 60 * 86_400_000)),
    substantiated: pick([null, 0, 1]),
  };
  complaints.push(k);
  insert(db, 'complaints', {
    ...k,
    hall_id: 'h1',
    channel: 'hotline',
    subject: 'department',
    department_id: k.department_id ?? 'd1',
    content: 'x',
    recorded_at: 1,
  });
  k.department_id ??= 'd1';
}

/** The expected counts, from the raw rows alone. */
function expected(from: string, to: string, by: FigureDimension, period: FigurePeriod, defaults = true): Map<string, FigureCounts> {
  const out = new Map<string, FigureCounts>();
  const cut = (day: string) => (period === 'day' ? day : period === 'month' ? day.slice(0, 7) : 'whole');
  const bump = (id: string | null, day: string, field: keyof FigureCounts) => {
    const key = `${id ?? ''}|${cut(day)}`;
    const c = out.get(key) ?? emptyFigureCounts();
    c[field] += 1;
    out.set(key, c);
  };
  for (const r of requests) {
    const day = dayOf(r.created_at);
    if (day < from || day > to) continue;
    const id = {
      hall: 'hall',
      department: departmentOf(r),
      counter: r.counter_id,
      staff: r.staff_id,
      service: r.service_id,
      item: r.item_id,
    }[by];
    bump(id, day, 'services');
    const g = ratings.get(r.id);
    if (r.status === 'rated' && g && !g.excluded) {
      bump(id, day, 'active');
      if (g.level >= 3) bump(id, day, 'satisfied');
      if (g.level <= 2) bump(id, day, 'bad');
    }
    const unrated = r.status === 'unrated' || (r.status === 'pending' && r.expires_at <= NOW);
    if (unrated) bump(id, day, 'unrated');
    if (unrated && defaults && r.created_at + DEFAULT_DAYS * 86_400_000 <= NOW) bump(id, day, 'defaulted');
  }
  const requestOf = new Map(requests.map((r) => [r.id, r]));
  for (const f of followups) {
    if (f.opened_day < from || f.opened_day > to) continue;
    const r = requestOf.get(f.rating_id)!;
    const id = {
      hall: 'hall',
      department: f.department_id,
      counter: r.counter_id,
      staff: f.staff_id,
      service: r.service_id,
      item: r.item_id,
    }[by];
    if (f.appeal === 'upheld') continue;
    bump(id, f.opened_day, 'needFix');
    if (f.callback_day !== null) bump(id, f.opened_day, 'calledBack');
    // Late for sure once the due day has passed while still open; on time or late once closed.
    if (f.status === 'closed' || f.due_day < dayOf(NOW)) bump(id, f.opened_day, 'fixDue');
    if (f.status !== 'closed') continue;
    bump(id, f.opened_day, 'fixed');
    if (f.closed_day! <= f.due_day) bump(id, f.opened_day, 'fixedOnTime');
  }
  for (const k of complaints) {
    if (k.received_day < from || k.received_day > to) continue;
    const id = { hall: 'hall', department: k.department_id, counter: k.counter_id, staff: k.staff_id, service: null, item: null }[by];
    bump(id, k.received_day, 'complaints');
    if (k.substantiated === 1) bump(id, k.received_day, 'substantiated');
  }
  // Groups with follow-ups excluded on appeal alone still show, with nothing counted.
  return out;
}

const query = (from: string, to: string, by: FigureDimension, period: FigurePeriod) =>
  ratingQueries['ratings.figures'](
    db,
    { hallId: 'h1', now: NOW, today: dayOf(NOW), utcOffsetMinutes: OFFSET, caller: null as never },
    {
      from,
      to,
      by,
      period,
    },
  ).rows;
const nonEmpty = (c: FigureCounts) => Object.values(c).some((n) => n > 0);

describe('好差评 figures', () => {
  const cases = FIGURE_DIMENSIONS.flatMap((by) => FIGURE_PERIODS.map((period) => [by, period] as const));
  it.each(cases)('by %s, period %s: every group’s counts equal those computed from the raw rows', (by, period) => {
    const rows = query('2026-10-01', '2026-11-20', by, period);
    const got = new Map(rows.filter((r) => nonEmpty(r.counts)).map((r) => [`${r.id ?? ''}|${r.period}`, r.counts]));
    const want = expected('2026-10-01', '2026-11-20', by, period);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    expect(got.size).toBeGreaterThan(by === 'hall' ? 0 : 1);
  });

  it('each rate is its numerator over its denominator, with the count beside it and the few-ratings flag below the minimum', () => {
    const [hall] = query('2026-10-01', '2026-11-20', 'hall', 'whole');
    const c = hall!.counts;
    const f = figures(c, 30);
    // Straight from the raw rows again, with the definitions of the issue.
    const want = expected('2026-10-01', '2026-11-20', 'hall', 'whole').get('hall|whole')!;
    expect(f.satisfaction).toEqual({ value: want.satisfied / want.active, num: want.satisfied, of: want.active, few: false });
    expect(f.participation).toEqual({ value: want.active / want.services, num: want.active, of: want.services, few: false });
    expect(f.badRate).toEqual({ value: want.bad / want.active, num: want.bad, of: want.active, few: false });
    expect(f.fixRate).toEqual({ value: want.fixed / want.needFix, num: want.fixed, of: want.needFix, few: want.needFix < 30 });
    expect(f.onTimeRate).toEqual({ value: want.fixedOnTime / want.fixDue, num: want.fixedOnTime, of: want.fixDue, few: want.fixDue < 30 });
    expect(f.callbackRate).toEqual({
      value: want.calledBack / want.needFix,
      num: want.calledBack,
      of: want.needFix,
      few: want.needFix < 30,
    });
    // The default rule's own figure: a default is 基本满意, counted beside the active ratings.
    expect(f.satisfactionWithDefaults).toEqual({
      value: (want.satisfied + want.defaulted) / (want.active + want.defaulted),
      num: want.satisfied + want.defaulted,
      of: want.active + want.defaulted,
      few: false,
    });
    // Some unrated services were defaulted, some (too recent) not.
    expect(want.defaulted).toBeGreaterThan(0);
    expect(want.unrated - want.defaulted).toBeGreaterThan(0);
    // The generated rows reach every case the definitions tell apart.
    expect(want.fixedOnTime).toBeGreaterThan(0);
    expect(want.fixed - want.fixedOnTime).toBeGreaterThan(0);
    // Open follow-ups past their due day count as late; open ones called back count in 回访率.
    expect(want.fixDue).toBeGreaterThan(want.fixed);
    expect(want.calledBack).toBeGreaterThan(want.fixed);
    expect(want.calledBack).toBeLessThan(want.needFix);
    expect(figures(c, 100_000).satisfaction.few).toBe(true);
    expect(figures(emptyFigureCounts(), 30).fixRate).toEqual({ value: null, num: 0, of: 0, few: true });
  });

  it('an upheld appeal leaves the rating and its follow-up out of the rates, and both in the record', () => {
    const upheld = followups.filter((f) => f.appeal === 'upheld');
    expect(upheld.length).toBeGreaterThan(0);
    const c = query('2026-09-01', '2026-12-31', 'hall', 'whole')[0]!.counts;
    expect(c.services).toBe(requests.length); // every request still counted as a service
    const active = requests.filter((r) => r.status === 'rated' && !ratings.get(r.id)!.excluded).length;
    expect(c.active).toBe(active);
    expect(c.needFix).toBe(followups.length - upheld.length);
    // Defaults in the same data: unrated services, never active, never in the follow-ups.
    const defaulted = requests.filter(
      (r) => (r.status === 'unrated' || (r.status === 'pending' && r.expires_at <= NOW)) && r.created_at + DEFAULT_DAYS * 86_400_000 <= NOW,
    ).length;
    expect(defaulted).toBeGreaterThan(0);
    expect(c.defaulted).toBe(defaulted);
    expect(figures(c, 30).participation).toMatchObject({ num: active, of: requests.length });
    expect((db.prepare('SELECT count(*) AS n FROM ratings WHERE excluded = 1').get() as { n: number }).n).toBe(
      [...ratings.values()].filter((g) => g.excluded).length,
    );
  });

  it('a default is never an active rating: with the rule off the counts are the same but for the defaults', () => {
    const on = query('2026-10-01', '2026-11-20', 'department', 'month');
    const settings = db.prepare('SELECT rating_settings FROM halls').pluck().get() as string;
    db.prepare('UPDATE halls SET rating_settings = ?').run('{}');
    try {
      const off = query('2026-10-01', '2026-11-20', 'department', 'month');
      const got = new Map(off.filter((r) => nonEmpty(r.counts)).map((r) => [`${r.id ?? ''}|${r.period}`, r.counts]));
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected('2026-10-01', '2026-11-20', 'department', 'month', false)));
      expect(off.map((r) => ({ ...r.counts, defaulted: 0 }))).toEqual(on.map((r) => ({ ...r.counts, defaulted: 0 })));
      expect(on.some((r) => r.counts.defaulted > 0)).toBe(true);
      expect(off.every((r) => r.counts.defaulted === 0)).toBe(true);
    } finally {
      db.prepare('UPDATE halls SET rating_settings = ?').run(settings);
    }
  });

  it('a rule shorter than the codes’ days waits for the codes to expire: an applicant who may still rate has not left it unrated', () => {
    const settings = db.prepare('SELECT rating_settings FROM halls').pluck().get() as string;
    db.prepare('UPDATE halls SET rating_settings = ?').run(JSON.stringify({ defaultAfterDays: 1, codeDays: DEFAULT_DAYS }));
    try {
      for (const [by, period] of [
        ['hall', 'whole'],
        ['item', 'day'],
      ] as const) {
        const got = query('2026-10-01', '2026-11-20', by, period);
        expect(new Map(got.filter((r) => nonEmpty(r.counts)).map((r) => [`${r.id ?? ''}|${r.period}`, r.counts]))).toEqual(
          expected('2026-10-01', '2026-11-20', by, period),
        );
      }
    } finally {
      db.prepare('UPDATE halls SET rating_settings = ?').run(settings);
    }
  });

  it('groups roll up by adding counts: the departments (and the none group) add to the hall, by month as a whole', () => {
    const hall = query('2026-10-01', '2026-11-20', 'hall', 'whole')[0]!.counts;
    const departments = query('2026-10-01', '2026-11-20', 'department', 'whole').reduce(
      (a, r) => addFigureCounts(a, r.counts),
      emptyFigureCounts(),
    );
    const months = query('2026-10-01', '2026-11-20', 'hall', 'month').reduce((a, r) => addFigureCounts(a, r.counts), emptyFigureCounts());
    expect(departments).toEqual(hall);
    expect(months).toEqual(hall);
  });

  it('the TypeScript side of the definitions gives the SQL’s counts on the same rows', () => {
    const all = query('2026-09-01', '2026-12-31', 'hall', 'whole')[0]!.counts;
    const ts = figureCountsOf(
      {
        requests: requests.map((r) => {
          const g = ratings.get(r.id);
          return {
            status: r.status as 'pending',
            expires_at: r.expires_at,
            created_at: r.created_at,
            level: g && !g.excluded ? g.level : null,
          };
        }),
        followups: followups.map((f) => ({ ...f, status: f.status as 'open', appeal: f.appeal as null })),
        complaints,
      },
      NOW,
      dayOf(NOW),
      DEFAULT_DAYS * 86_400_000,
    );
    expect(ts).toEqual(all);
  });

  it.each([
    ['needsFix', needsFix],
    ['fixClosed', fixClosed],
    [
      'fixDue',
      {
        ts: (f: Parameters<typeof fixDue.ts>[0]) => fixDue.ts(f, dayOf(NOW)),
        sql: (col: Parameters<typeof fixDue.sql>[0]) => fixDue.sql(col, `'${dayOf(NOW)}'`),
      },
    ],
    ['fixOnTime', fixOnTime],
    ['fixCalledBack', fixCalledBack],
  ] as const)('%s: its SQL gives its TypeScript, follow-up by follow-up', (_name, definition) => {
    const sql = db
      .prepare(`SELECT ${definition.sql(columns())} AS v FROM followups ORDER BY id`)
      .pluck()
      .all() as number[];
    const ts = [...followups]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((f) => Number(definition.ts({ ...f, status: f.status as 'open', appeal: f.appeal as null })));
    expect(sql).toEqual(ts);
    expect(new Set(ts)).toEqual(new Set([0, 1]));
  });

  it.each([
    ['a rule of ten days', DEFAULT_DAYS * 86_400_000],
    ['no rule', null],
  ] as const)('defaultedRequest with %s: its SQL gives its TypeScript, request by request', (_name, afterMs) => {
    const sql = db
      .prepare(`SELECT ${defaultedRequest.sql(columns(), '@now', '@after')} AS v FROM rating_requests ORDER BY id`)
      .pluck()
      .all({ now: NOW, after: afterMs }) as number[];
    const ts = [...requests]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) => Number(defaultedRequest.ts({ ...r, status: r.status as 'pending' }, NOW, afterMs)));
    expect(sql).toEqual(ts);
    expect(new Set(ts)).toEqual(afterMs === null ? new Set([0]) : new Set([0, 1]));
  });
});
