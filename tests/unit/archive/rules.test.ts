import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RULES,
  monthDays,
  monthScore,
  NO_FACTS,
  pausesByReason,
  ScoreRules,
  type ScoredEntry,
} from '../../../shared/archive/rules';
import { IDLE_GRACE_MS, idleWhileWaitingMs } from '../../../shared/queue/kpi';

const none = NO_FACTS;
const entry = (over: Partial<ScoredEntry>): ScoredEntry => ({ id: 'e', kind: 'deduction', item: null, times: 1, contest: null, ...over });
const MIN = 60_000;

describe('the monthly score sheet', () => {
  it('the default sheet: full marks with nothing; deductions per occurrence from their section; 全勤 lost with any attendance deduction', () => {
    expect(monthScore(DEFAULT_RULES, [], none).total).toBe(100);
    const s = monthScore(
      DEFAULT_RULES,
      [entry({ id: 'a', item: 'late_early' }), entry({ id: 'b', kind: 'inspection', item: 'taboo_words', times: 2 })],
      {
        ...none,
        red_cards: 1,
      },
    );
    expect(s.sections).toEqual([
      { code: 'attendance', max: 30, score: 25 },
      { code: 'discipline', max: 30, score: 24 },
      { code: 'business', max: 30, score: 25 },
      { code: 'full_attendance', max: 10, score: 0 },
    ]);
    expect(s.total).toBe(74);
    expect(s.lines.map((l) => [l.source, l.points])).toEqual([
      ['a', 5],
      ['b', 6],
      ['red_cards', 5],
    ]);
  });

  it('each substantiated complaint of the month takes 5 from the business section, as the other facts do', () => {
    const s = monthScore(DEFAULT_RULES, [], { ...none, complaints: 2, bad_ratings: 1 });
    expect(s.sections.find((x) => x.code === 'business')!.score).toBe(30 - 10 - 2);
    expect(s.lines).toContainEqual({ source: 'complaints', code: 'complaints', section: 'business', times: 2, points: 10 });
    expect(s.total).toBe(88);
  });

  it('a section never goes below 0; an upheld contest, training and commendations take nothing; an item the version lacks is listed apart', () => {
    const many = monthScore(DEFAULT_RULES, [entry({ item: 'off_post', times: 31 })], none);
    expect(many.sections.find((x) => x.code === 'discipline')!.score).toBe(0);
    expect(many.total).toBe(70);
    expect(
      monthScore(
        DEFAULT_RULES,
        [
          entry({ item: 'off_post', contest: 'upheld' }),
          entry({ kind: 'commendation' }),
          entry({ kind: 'training' }),
          entry({ id: 'x', item: 'sleeping' }),
        ],
        none,
      ),
    ).toMatchObject({ total: 100, unknown: ['x'] });
    expect(monthScore(DEFAULT_RULES, [entry({ item: 'off_post', contest: 'rejected' })], none).total).toBe(95);
  });

  it('a sheet must add up to 100 and name only its own sections', () => {
    expect(ScoreRules.safeParse(DEFAULT_RULES).success).toBe(true);
    const off = { ...DEFAULT_RULES, sections: DEFAULT_RULES.sections.map((x) => ({ ...x, max: x.max + 1 })) };
    expect(ScoreRules.safeParse(off).success).toBe(false);
    const orphan = { ...DEFAULT_RULES, items: [...DEFAULT_RULES.items, { code: 'x', name: '某项', section: 'nowhere', points: 1 }] };
    expect(ScoreRules.safeParse(orphan).success).toBe(false);
    const twice = { ...DEFAULT_RULES, items: [...DEFAULT_RULES.items, DEFAULT_RULES.items[0]!] };
    expect(ScoreRules.safeParse(twice).success).toBe(false);
  });

  it('a month’s days run from its first to the next month’s first', () => {
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', next: '2027-01-01' });
    expect(monthDays('2026-02')).toEqual({ first: '2026-02-01', next: '2026-03-01' });
  });
});

describe('pauses by reason and idle while the queue waited', () => {
  it('a pause runs to its counter’s next resume or sign-out, or to the end of the period, and belongs to who paused', () => {
    const log = [
      { counter_id: 'c1', staff_id: 'u1', event: 'pause' as const, reason: '会议', at: 0 },
      { counter_id: 'c1', staff_id: 'u1', event: 'resume' as const, reason: null, at: 10 * MIN },
      { counter_id: 'c2', staff_id: 'u2', event: 'pause' as const, reason: null, at: 5 * MIN },
      { counter_id: 'c1', staff_id: 'u1', event: 'pause' as const, reason: '会议', at: 20 * MIN },
      { counter_id: 'c1', staff_id: 'u1', event: 'sign_out' as const, reason: null, at: 23 * MIN },
    ];
    const p = pausesByReason(log, 30 * MIN);
    expect(p.get('u1')!.get('会议')).toEqual({ count: 2, ms: 13 * MIN });
    expect(p.get('u2')!.get(null)).toEqual({ count: 1, ms: 25 * MIN });
  });

  it('counts open time with nothing in hand while someone waited, past the grace minute of each free stretch', () => {
    const open = [[0, 60 * MIN]] as const;
    // Waiting from 0 to 10 (called at 10, served to 20), and two overlapping waits 30–45 and 40–50.
    const held = [[10 * MIN, 20 * MIN]] as const;
    const waiting = [
      [0, 10 * MIN],
      [30 * MIN, 45 * MIN],
      [40 * MIN, 50 * MIN],
    ] as const;
    // 1–10 (grace from the sign-in), then the free stretch from 20: 30–50 once (overlaps counted once).
    expect(idleWhileWaitingMs(open, held, waiting)).toBe(9 * MIN + 20 * MIN);
    // Paused (not open) while they waited: nothing.
    expect(idleWhileWaitingMs([], held, waiting)).toBe(0);
    // Someone waiting throughout, the next called at once: only past the grace of each stretch.
    expect(idleWhileWaitingMs([[0, 10 * MIN]], [[IDLE_GRACE_MS / 2, 10 * MIN]], [[0, 10 * MIN]])).toBe(0);
  });
});
