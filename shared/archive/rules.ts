import { z } from 'zod';
import { SCORE_FACTS, SCORED_KINDS, ScoreFact, type ContestState, type EntryKind } from './enums';

/**
 * The monthly score sheet (DOMAIN.md "Reports and the efficiency archive"): sections of points
 * adding up to 100, a list of deduction items a manager's entry names, and deductions for the
 * system's own facts. The sheet is data: the administrator edits it, and each edit is a new
 * version; every stored score keeps the version it was computed under.
 */

const code = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, '代码为小写字母、数字和下划线');
const name = z.string().trim().min(1).max(20);
const points = z.number().int().min(1).max(100);

export const ScoreRules = z
  .strictObject({
    sections: z
      .array(
        z.strictObject({
          code,
          name,
          max: z.number().int().min(0).max(100),
          /** All or nothing: the section scores 0 as soon as the named section lost any point (全勤 after any 考勤 deduction). */
          forfeitOn: code.nullable(),
        }),
      )
      .min(1)
      .max(10),
    /** The deduction list: points per occurrence, taken from a section. */
    items: z.array(z.strictObject({ code, name, section: code, points })).max(50),
    /** Deductions for the system's facts over the month, per occurrence. */
    facts: z.array(z.strictObject({ fact: ScoreFact, section: code, points })).max(SCORE_FACTS.length),
  })
  .superRefine((r, ctx) => {
    const sections = new Set(r.sections.map((s) => s.code));
    const problem = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (r.sections.reduce((sum, s) => sum + s.max, 0) !== 100) problem('各项满分合计应为 100 分');
    if (sections.size !== r.sections.length) problem('分项代码重复');
    if (new Set(r.items.map((i) => i.code)).size !== r.items.length) problem('扣分项代码重复');
    if (new Set(r.facts.map((f) => f.fact)).size !== r.facts.length) problem('系统扣分项重复');
    for (const s of r.sections)
      if (s.forfeitOn !== null && (!sections.has(s.forfeitOn) || s.forfeitOn === s.code)) problem(`分项“${s.name}”的全勤依据不存在`);
    for (const x of [...r.items, ...r.facts]) if (!sections.has(x.section)) problem(`扣分项所属分项“${x.section}”不存在`);
  });
export type ScoreRules = z.infer<typeof ScoreRules>;

/**
 * The built-in sheet every hall starts with: 考勤 30, 纪律 30, 业务 30, 全勤 10, with the listed
 * deductions (迟到早退 −5, 离岗 −5, 服务忌语 −3, 玩手机游戏 −5) and the business section fed by
 * the system's facts (差评 −2, 黄牌 −2, 红牌 −5, 投诉属实 −5 each). A built-in version is never
 * edited: a change is a new version. Version 1 was this sheet without complaints; this is version 2,
 * in force in a hall whose administrator saved no sheet of their own (a hall that did keeps theirs,
 * and adds the complaint line as any other). Scores stored under version 1 keep their version and
 * points; scoring a month again scores it under version 2 beside them.
 */
export const DEFAULT_RULES: ScoreRules = {
  sections: [
    { code: 'attendance', name: '考勤', max: 30, forfeitOn: null },
    { code: 'discipline', name: '纪律', max: 30, forfeitOn: null },
    { code: 'business', name: '业务', max: 30, forfeitOn: null },
    { code: 'full_attendance', name: '全勤', max: 10, forfeitOn: 'attendance' },
  ],
  items: [
    { code: 'late_early', name: '迟到早退', section: 'attendance', points: 5 },
    { code: 'off_post', name: '离岗', section: 'discipline', points: 5 },
    { code: 'taboo_words', name: '服务忌语', section: 'discipline', points: 3 },
    { code: 'phone_games', name: '玩手机游戏', section: 'discipline', points: 5 },
  ],
  facts: [
    { fact: 'bad_ratings', section: 'business', points: 2 },
    { fact: 'yellow_cards', section: 'business', points: 2 },
    { fact: 'red_cards', section: 'business', points: 5 },
    { fact: 'complaints', section: 'business', points: 5 },
  ],
};
export const DEFAULT_RULES_VERSION = 2;
/** No month's facts yet: each counts 0. */
export const NO_FACTS: Readonly<Record<ScoreFact, number>> = Object.fromEntries(SCORE_FACTS.map((f) => [f, 0])) as Record<
  ScoreFact,
  number
>;

/** An entry as the score reads it. */
export interface ScoredEntry {
  id: string;
  kind: EntryKind;
  item: string | null;
  times: number;
  contest: ContestState | null;
}

/** Whether an entry takes points off: a finding or deduction naming an item, unless a contest of it was upheld. */
export const entryCounts = (e: ScoredEntry): boolean => e.item !== null && SCORED_KINDS.includes(e.kind) && e.contest !== 'upheld';

export interface ScoreLine {
  /** An entry's id, or the fact. */
  source: string;
  /** The item's or the fact's code. */
  code: string;
  section: string;
  times: number;
  points: number;
}
export interface MonthScore {
  total: number;
  sections: { code: string; max: number; score: number }[];
  lines: ScoreLine[];
  /** Entries naming an item the sheet of this version has not: listed, not scored. */
  unknown: string[];
}

/**
 * A staff member's month under `rules`: each section starts full, loses its deductions (never
 * below 0), and an all-or-nothing section scores 0 once the section it rests on lost any point.
 */
export function monthScore(rules: ScoreRules, entries: readonly ScoredEntry[], facts: Readonly<Record<ScoreFact, number>>): MonthScore {
  const lines: ScoreLine[] = [];
  const unknown: string[] = [];
  for (const e of entries.filter(entryCounts)) {
    const item = rules.items.find((i) => i.code === e.item);
    if (item) lines.push({ source: e.id, code: item.code, section: item.section, times: e.times, points: item.points * e.times });
    else unknown.push(e.id);
  }
  for (const f of rules.facts)
    if (facts[f.fact] > 0)
      lines.push({ source: f.fact, code: f.fact, section: f.section, times: facts[f.fact], points: f.points * facts[f.fact] });
  const lost = new Map<string, number>();
  for (const l of lines) lost.set(l.section, (lost.get(l.section) ?? 0) + l.points);
  const sections = rules.sections.map((s) => ({
    code: s.code,
    max: s.max,
    score: s.forfeitOn !== null && (lost.get(s.forfeitOn) ?? 0) > 0 ? 0 : Math.max(0, s.max - (lost.get(s.code) ?? 0)),
  }));
  return { total: sections.reduce((sum, s) => sum + s.score, 0), sections, lines, unknown };
}

/** A month 'YYYY-MM' of the hall's calendar. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');
/** The month's first day and the next month's first day ('YYYY-MM-DD'): a month's days are first ≤ day < next. */
export function monthDays(month: string): { first: string; next: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { first: `${month}-01`, next: `${next}-01` };
}

/** A counter log record, as the pause figures read it. */
export interface LogRecord {
  counter_id: string;
  staff_id: string | null;
  event: 'sign_in' | 'pause' | 'resume' | 'sign_out';
  reason: string | null;
  at: number;
}

/**
 * Paused time by reason, per staff member (DOMAIN.md: "paused time by reason"): each pause runs
 * from its record to the counter's next resume or sign-out, or to `until` (now, or the period's
 * end) when none came; it belongs to whoever paused.
 */
export function pausesByReason(log: readonly LogRecord[], until: number): Map<string, Map<string | null, { count: number; ms: number }>> {
  const out = new Map<string, Map<string | null, { count: number; ms: number }>>();
  const open = new Map<string, LogRecord>();
  const close = (p: LogRecord, at: number) => {
    if (p.staff_id === null) return;
    const byReason = out.get(p.staff_id) ?? out.set(p.staff_id, new Map()).get(p.staff_id)!;
    const t = byReason.get(p.reason) ?? byReason.set(p.reason, { count: 0, ms: 0 }).get(p.reason)!;
    t.count++;
    t.ms += Math.max(0, Math.min(at, until) - p.at);
  };
  for (const l of [...log].sort((a, b) => a.at - b.at)) {
    const paused = open.get(l.counter_id);
    if (l.event === 'pause' && !paused) open.set(l.counter_id, l);
    if ((l.event === 'resume' || l.event === 'sign_out') && paused) {
      close(paused, l.at);
      open.delete(l.counter_id);
    }
  }
  for (const p of open.values()) close(p, until);
  return out;
}
