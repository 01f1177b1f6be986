import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/seed';
import type { CaseStep } from '../../shared/cases/commands';
import type { Row } from '../../shared/protocol';
import { actors, err, ok, type Send } from '../support/actors';
import { APPLICANT_ID, newCase } from '../support/cases';
import { callerOf, demoHub, manualClock, terminal } from '../support/hub';

/**
 * Need to know at clerk PCs (issue 11, item 3): a clerk works on, and reveals the ID numbers of,
 * their own department's cases only, signed in; every person reveals a few a day at most.
 */
/** Another valid ID number (check digit 6). */
const OTHER_ID = '110105198001010016';
const C = (n: number) => `H3301-c-${String(n).padStart(2, '0')}`;

/** The demo hall at 09:00 with 市场监管's c01 at counter 1, 公安's c06 at counter 6 and the general window's c08 at counter 8. */
async function hall() {
  const clock = manualClock(Date.parse('2026-11-02T01:00:00Z'));
  const hub = await demoHub({ clock });
  const a = actors(hub);
  const at = (n: number): Send => a.clerk(n - 1);
  for (const n of [1, 6, 8])
    ok(at(n)('counter.signIn', { counterId: C(n), login: `c${String(n).padStart(2, '0')}`, password: DEMO_PASSWORD }));
  const register = (n: number, itemId: string, parts: { departmentId: string; limitDays: number }[] = []) =>
    (ok(at(n)('case.register', newCase({ counterId: C(n), at: clock(), itemId, parts }))).case as Row<'cases'>).id;
  const step = (n: number, caseId: string, action: CaseStep['action']) =>
    at(n)('case.step', { caseId, counterId: C(n), at: clock(), action } as CaseStep);
  const reveal = (n: number, caseId: string) => at(n)('case.revealId', { caseId, counterId: null });
  return { hub, clock, a, at, register, step, reveal };
}

describe('need to know at clerk PCs', () => {
  it('a clerk takes steps on their own department’s cases only; a joint part is its department’s to decide', async () => {
    const { hub, at, register, step, clock } = await hall();
    // 一窗受理: the general window registers a 市场监管 case with a 公安 part; 市场监管 works on it.
    const market = register(8, 'H3301-item-001', [{ departmentId: 'H3301-d-psb', limitDays: 3 }]);
    expect(step(6, market, 'accept')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '此事由市场监督管理局办理，须本部门工作人员操作' },
    });
    expect(err(step(8, market, 'accept'))).toBe('FORBIDDEN');
    ok(step(1, market, 'accept'));
    ok(step(1, market, 'undertake'));
    const pause = { caseId: market, at: clock(), kind: 'special', reason: '专家评审', expectedDays: 5 } as const;
    expect(err(at(6)('case.pause', { ...pause, counterId: C(6) }))).toBe('FORBIDDEN');
    ok(at(1)('case.pause', { ...pause, counterId: C(1) }));
    expect(err(at(6)('case.resume', { caseId: market, counterId: C(6), at: clock() }))).toBe('FORBIDDEN');
    ok(at(1)('case.resume', { caseId: market, counterId: C(1), at: clock() }));
    const approver = { login: 'manager', password: DEMO_PASSWORD };
    expect(err(at(6)('case.extend', { caseId: market, counterId: C(6), days: 3, reason: '核查', approver }))).toBe('FORBIDDEN');

    const part = hub.store.where('case_parts', 'case_id = ?', market)[0]!;
    const decide = (n: number) =>
      at(n)('case.decidePart', { caseId: market, counterId: C(n), at: clock(), partId: part.id, outcome: 'approved', note: '' });
    expect(decide(1)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('公安局') } });
    ok(decide(6));
    expect(hub.store.get('case_parts', part.id)).toMatchObject({ outcome: 'approved', decided_by: 'H3301-u-6' });
  });

  it('revealing an ID number needs a clerk of the case’s department signed in at this PC, or a manager signed in at the board', async () => {
    const { hub, a, at, register, reveal } = await hall();
    const market = register(1, 'H3301-item-001');
    expect(ok(reveal(1, market))).toEqual({ idNumber: APPLICANT_ID });
    expect(reveal(6, market)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(reveal(8, market)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } }); // the window that registered it
    ok(at(1)('counter.signOut', { counterId: C(1) }));
    expect(reveal(1, market)).toMatchObject({ ok: false, error: { code: 'COUNTER_STATE' } });
    expect(ok(a.manager('case.revealId', { caseId: market, counterId: null }))).toEqual({ idNumber: APPLICANT_ID });
    ok(a.manager('session.signOut', {}));
    expect(err(a.manager('case.revealId', { caseId: market, counterId: null }))).toBe('SIGN_IN_REQUIRED');
    const audited = hub.db.prepare("SELECT staff_id, outcome FROM audit WHERE type = 'case.revealId' ORDER BY id").all();
    expect(audited).toEqual([
      { staff_id: 'H3301-u-1', outcome: 'ok' },
      { staff_id: 'H3301-u-6', outcome: 'FORBIDDEN' },
      { staff_id: 'H3301-u-8', outcome: 'FORBIDDEN' },
      { staff_id: null, outcome: 'COUNTER_STATE' },
      { staff_id: 'H3301-u-admin', outcome: 'ok' },
    ]);
  });

  it('a clerk finds their cases by a whole ID number, as a reveal: audited, counted, the rows never carrying it', async () => {
    const { hub, a, at, register, clock, reveal } = await hall();
    const mine = register(1, 'H3301-item-001');
    ok(at(1)('case.register', newCase({ counterId: C(1), at: clock(), applicant: { ...newCase().applicant, idNumber: OTHER_ID } })));
    const police = register(6, 'H3301-item-001');
    const find = (n: number, idNumber: string) => at(n)('case.findByIdNumber', { idNumber, scope: 'mine', counterId: C(n) });
    const found = find(1, APPLICANT_ID.toLowerCase());
    expect(found).toMatchObject({ ok: true, result: { rows: [{ id: mine, applicantName: '张三' }] } });
    expect(JSON.stringify(found)).not.toContain(APPLICANT_ID.slice(6, 14)); // not even the birth date
    // The same person's case registered at counter 6 is that clerk's, not counter 1's.
    expect(find(6, APPLICANT_ID)).toMatchObject({ ok: true, result: { rows: [{ id: police }] } });
    // A number nobody in the caller's scope has reveals nothing, and is not counted.
    expect(find(1, '110105198001010024')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', reason: 'case.noCaseForId' } });
    // The audit keeps who searched, never the whole number; what found a case counts with reveals.
    const audited = hub.db.prepare("SELECT staff_id, outcome, detail FROM audit WHERE type = 'case.findByIdNumber' ORDER BY id").all() as {
      staff_id: string;
      outcome: string;
      detail: string;
    }[];
    expect(audited.map((r) => [r.staff_id, r.outcome])).toEqual([
      ['H3301-u-1', 'ok'],
      ['H3301-u-6', 'ok'],
      ['H3301-u-1', 'NOT_FOUND'],
    ]);
    expect(audited.map((r) => r.detail).join()).not.toContain(APPLICANT_ID.slice(6, 14));
    ok(a.manager('hall.setSecuritySettings', { revealsPerDay: 2 }));
    ok(reveal(1, mine));
    expect(find(1, APPLICANT_ID)).toMatchObject({ ok: false, error: { code: 'REVEAL_LIMIT', params: { n: 2, max: 2 } } });
    // A name or case number prefix is no search by ID: a part of the number finds nothing there.
    expect(
      await hub.query(callerOf(terminal(hub, 'clerk', 0)), {
        name: 'cases.search',
        params: { text: APPLICANT_ID.slice(0, 17), scope: 'mine', counterId: C(1) },
      }),
    ).toMatchObject({ ok: true, result: { rows: [] } });
  });

  it('each person reveals at most the day’s limit (a security setting), counted per hall day', async () => {
    const { clock, a, register, reveal } = await hall();
    const market = register(1, 'H3301-item-001');
    ok(a.manager('hall.setSecuritySettings', { revealsPerDay: 3 }));
    for (let i = 0; i < 3; i++) ok(reveal(1, market));
    expect(reveal(1, market)).toEqual({
      ok: false,
      error: {
        code: 'REVEAL_LIMIT',
        message: '今日已查看 3 次身份证号或电话，达到每人每日 3 次的上限；确需再查请联系管理员',
        reason: 'case.revealLimit',
        params: { n: 3, max: 3 },
      },
    });
    ok(a.manager('case.revealId', { caseId: market, counterId: null })); // another person's own count
    clock.set(Date.parse('2026-11-02T16:00:00Z')); // midnight in the hall: a new day
    ok(reveal(1, market));
  });
});
