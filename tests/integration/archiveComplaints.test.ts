import { describe, expect, it } from 'vitest';
import type { ArchiveMonth, ArchiveRanking } from '../../shared/archive/queries';
import { DEFAULT_RULES, type ScoreRules } from '../../shared/archive/rules';
import type { QueryAnswer } from '../../shared/protocol';
import type { Hub } from '../../main/hub/hub';
import { actors, ok } from '../support/actors';
import { callerOf, demoHub, manualClock, terminal } from '../support/hub';

const CLERK1 = 'H3301-u-1';
const managerQuery = <T>(hub: Hub, name: string, params: unknown): Promise<T> =>
  hub.query(callerOf(terminal(hub, 'manager')), { name, params }).then((a: QueryAnswer) => {
    if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
    return a.result as T;
  });

describe('complaints in the archive', () => {
  it('substantiated complaints are a fact of the month, a deduction of the default sheet and a department figure; older versions’ scores stay', async () => {
    const hub = await demoHub({ clock: manualClock(Date.parse('2026-11-25T01:00:00Z')) });
    const { manager } = actors(hub);
    /** A complaint received on `day`, its follow-up closed with `substantiated` (left open when null). */
    const complain = (subject: 'staff' | 'department', subjectId: string, day: string, substantiated: boolean | null) => {
      const { followup } = ok(
        manager('complaint.record', { channel: 'hotline', subject, subjectId, content: '办事拖沓', receivedDay: day, contact: null }),
      ) as { followup: { id: string } };
      if (substantiated === null) return;
      ok(manager('followup.step', { followupId: followup.id, step: 'verify', note: '调取录像' }));
      ok(manager('followup.step', { followupId: followup.id, step: 'fix', note: '已处理' }));
      ok(manager('followup.callback', { followupId: followup.id, day: '2026-11-25', method: 'phone', outcome: '已答复', satisfied: true }));
      ok(manager('followup.step', { followupId: followup.id, step: 'close', note: '办结', substantiated }));
    };
    complain('staff', CLERK1, '2026-11-03', true);
    complain('staff', CLERK1, '2026-11-20', true);
    complain('staff', CLERK1, '2026-11-21', false);
    complain('staff', CLERK1, '2026-11-24', null);
    complain('staff', CLERK1, '2026-10-31', true); // last month's
    complain('staff', 'H3301-u-2', '2026-11-10', true);
    complain('department', 'H3301-d-amr', '2026-11-12', true);

    // A score stored under the built-in version 1 before complaints counted: it keeps its points.
    hub.store.transaction(() =>
      hub.store.upsert('archive_scores', {
        id: `${CLERK1}-2026-11-v1`,
        hall_id: hub.hallId,
        staff_id: CLERK1,
        month: '2026-11',
        rules_version: 1,
        score: 100,
        detail: '{}',
        by_id: 'H3301-u-admin',
        at: 1,
      }),
    );
    const old = hub.store.get('archive_scores', `${CLERK1}-2026-11-v1`);

    const month = await managerQuery<ArchiveMonth>(hub, 'archive.staffMonth', { staffId: CLERK1, month: '2026-11' });
    expect(month.facts.complaints).toMatchObject({ received: 4, substantiated: 2 });
    expect(month.facts.complaints.list.map((c) => [c.receivedDay, c.substantiated])).toEqual([
      ['2026-11-03', true],
      ['2026-11-20', true],
      ['2026-11-21', false],
      ['2026-11-24', null],
    ]);
    // 投诉属实 −5 each from 业务: 100 − 10.
    expect(month.score).toMatchObject({ version: 2, total: 90 });
    expect(month.score.lines).toEqual([{ source: 'complaints', code: 'complaints', section: 'business', times: 2, points: 10 }]);

    expect(ok(manager('archive.scoreMonth', { month: '2026-11' }))).toEqual({ version: 2, scored: 16 });
    expect(hub.store.get('archive_scores', `${CLERK1}-2026-11-v2`)).toMatchObject({ score: 90 });
    expect(hub.store.get('archive_scores', 'H3301-u-2-2026-11-v2')).toMatchObject({ score: 95 });
    expect(hub.store.get('archive_scores', `${CLERK1}-2026-11-v1`)).toEqual(old);

    // The department's figures: every complaint recorded against it in the month (its staff's and its own).
    const ranking = await managerQuery<ArchiveRanking>(hub, 'archive.ranking', { month: '2026-11' });
    const amr = ranking.departments.find((d) => d.departmentId === 'H3301-d-amr')!;
    expect(amr).toMatchObject({ complaints: 6, substantiatedComplaints: 4, deducted: 2 });
    expect(ranking.departments.filter((d) => d !== amr).every((d) => d.complaints === 0)).toBe(true);

    // The sheet's complaint line is edited like any other: a new version, the month's stored scores unchanged.
    const sheet: ScoreRules = {
      ...DEFAULT_RULES,
      facts: DEFAULT_RULES.facts.map((f) => (f.fact === 'complaints' ? { ...f, points: 3 } : f)),
    };
    expect(ok(manager('archive.setRules', { rules: sheet }))).toEqual({ version: 3 });
    const again = await managerQuery<ArchiveMonth>(hub, 'archive.staffMonth', { staffId: CLERK1, month: '2026-11' });
    expect(again.score).toMatchObject({ version: 3, total: 94 });
    expect(again.stored.map((s) => [s.version, s.score])).toEqual([
      [1, 100],
      [2, 90],
    ]);
  });
});
