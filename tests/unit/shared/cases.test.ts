import { describe, expect, it } from 'vitest';
import { packageYears } from '../../../main/hub/features/calendar/calendar';
import { WorkCalendar } from '../../../shared/calendar/rules';
import { caseCommandSpecs } from '../../../shared/cases/commands';
import { CASE_STATUSES, type CaseStatus, type StepAction } from '../../../shared/cases/enums';
import {
  STEPS,
  caseDeadlines,
  caseSignal,
  clockStartDay,
  daysLate,
  decisionCard,
  deliveryDue,
  noticeLate,
  partDue,
  type Limits,
  checkExtension,
  checkPartDecision,
  checkPause,
  checkResume,
  checkStep,
  jointOnTime,
  type CaseState,
} from '../../../shared/cases/rules';
import {
  checkCreditCode,
  checkPhone,
  checkResidentId,
  maskName,
  maskResidentId,
  residentIdCheckChar,
} from '../../../shared/identity/rules';

const state = (status: CaseStatus, more: Partial<CaseState> = {}): CaseState => ({
  status,
  paused_kind: null,
  extension_days: 0,
  parts: [],
  ...more,
});

describe('case steps', () => {
  const actions = Object.keys(STEPS) as StepAction[];
  const cells = actions.flatMap((a) => CASE_STATUSES.map((s) => [a, s] as const));
  it.each(cells)('%s from %s: allowed exactly when the workflow says so, refused with a reason otherwise', (action, status) => {
    const r = checkStep(state(status), action);
    if (STEPS[action].from.includes(status)) expect(r).toEqual({ ok: true, to: STEPS[action].to });
    else expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/不能/) });
  });

  it('follows 收件 → 受理 → 承办 → 审核 → 批准 → 办结 → 送达', () => {
    let s: CaseStatus = 'received';
    for (const a of ['accept', 'undertake', 'review', 'approve', 'conclude', 'deliver'] as const) {
      const r = checkStep(state(s), a);
      if (!r.ok) throw new Error(r.reason);
      s = r.to;
    }
    expect(s).toBe('delivered');
  });

  it('nothing moves while the clock is paused; pause and resume only where they make sense', () => {
    expect(checkStep(state('handling', { paused_kind: 'special' }), 'review')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('暂停'),
    });
    expect(checkPause(state('handling'))).toEqual({ ok: true });
    expect(checkPause(state('received'))).toMatchObject({ ok: false });
    expect(checkPause(state('handling', { paused_kind: 'suspend' }))).toMatchObject({ ok: false });
    expect(checkResume(state('handling'))).toMatchObject({ ok: false });
    expect(checkResume(state('handling', { paused_kind: 'suspend' }))).toEqual({ ok: true });
  });

  it('one extension, at most 10 working days (15 for joint handling)', () => {
    expect(checkExtension(state('handling'), 10)).toEqual({ ok: true });
    expect(checkExtension(state('handling'), 11)).toMatchObject({ ok: false, reason: expect.stringContaining('10') });
    expect(checkExtension(state('handling', { parts: [{ outcome: 'pending' }] }), 15)).toEqual({ ok: true });
    expect(checkExtension(state('handling', { extension_days: 5 }), 3)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('再次'),
    });
    expect(checkExtension(state('approved'), 3)).toMatchObject({ ok: false });
  });

  it('joint cases: approval waits for every department, and any refusal blocks approval', () => {
    const pending = state('reviewing', { parts: [{ outcome: 'approved' }, { outcome: 'pending' }] });
    expect(checkStep(pending, 'approve')).toMatchObject({ ok: false, reason: expect.stringContaining('联审') });
    expect(checkStep(pending, 'deny')).toMatchObject({ ok: false });
    const oneNo = state('reviewing', { parts: [{ outcome: 'approved' }, { outcome: 'denied' }] });
    expect(checkStep(oneNo, 'approve')).toMatchObject({ ok: false, reason: expect.stringContaining('不同意') });
    expect(checkStep(oneNo, 'deny')).toMatchObject({ ok: true, to: 'denied' });
    expect(checkPartDecision(state('handling'), 'approved')).toMatchObject({ ok: false });
    expect(checkPartDecision(state('handling'), 'pending')).toEqual({ ok: true });
  });

  it('the whole is on time only if every part is', () => {
    const parts = [
      { decided_day: '2025-03-10', due_day: '2025-03-12' },
      { decided_day: '2025-03-13', due_day: '2025-03-12' },
    ];
    expect(jointOnTime('2025-03-14', '2025-03-20', parts)).toBe(false);
    expect(jointOnTime('2025-03-14', '2025-03-20', [parts[0]!])).toBe(true);
    expect(jointOnTime('2025-03-21', '2025-03-20', [parts[0]!])).toBe(false);
    expect(jointOnTime('2025-03-14', '2025-03-20', [{ decided_day: null, due_day: '2025-03-12' }])).toBe(false);
  });
});

describe('deadlines', () => {
  // March 2025 has no holidays: plain weeks.
  const cal = new WorkCalendar({ years: [2025], holidays: [], workdays: [] });
  const limits: Limits = { promised: 10, unit: 'working_days', statutory: 20, statutoryUnit: 'working_days' };

  it('promised and statutory due days from acceptance; yellow at 80% of the promised limit', () => {
    expect(caseDeadlines(cal, '2025-03-03', limits, 0, [], 0.8)).toEqual({
      promisedDue: '2025-03-17',
      statutoryDue: '2025-03-31',
      yellowFrom: '2025-03-13',
      uncovered: [],
    });
    expect(caseDeadlines(cal, '2025-03-03', limits, 0, [], 1).yellowFrom).toBe('2025-03-17'); // the last working day only
  });

  it('an extension and a pause push both due days by their working days', () => {
    const d = caseDeadlines(cal, '2025-03-03', limits, 5, [{ from: '2025-03-05', to: '2025-03-10' }], 0.8);
    expect(cal.pauseLength('2025-03-05', '2025-03-10', 'working_days')).toBe(3); // Thu, Fri, Mon
    expect(d.promisedDue).toBe(cal.addWorkingDays('2025-03-03', 18).date);
    expect(d.promisedDue).toBe('2025-03-27');
    expect(d.statutoryDue).toBe('2025-04-10');
  });

  it('an on-the-spot item is due, and yellow, on the day it is accepted', () => {
    expect(caseDeadlines(cal, '2025-03-03', { ...limits, promised: 0 }, 0, [], 0.8)).toMatchObject({
      promisedDue: '2025-03-03',
      yellowFrom: '2025-03-03',
    });
  });

  const signalCase = {
    status: 'handling' as const,
    promised_due: '2025-03-17',
    yellow_from: '2025-03-13',
    paused_kind: null,
    paused_since: null,
    delivery_due: null,
  };

  it('the signal follows the day: normal, yellow, red; a pause keeps what it had', () => {
    const c = signalCase;
    expect(caseSignal(c, '2025-03-12')).toBe('normal');
    expect(caseSignal(c, '2025-03-13')).toBe('yellow');
    expect(caseSignal(c, '2025-03-17')).toBe('yellow');
    expect(caseSignal(c, '2025-03-18')).toBe('red');
    expect(caseSignal({ ...c, paused_kind: 'special', paused_since: '2025-03-05' }, '2025-04-30')).toBe('paused');
    expect(caseSignal({ ...c, paused_kind: 'special', paused_since: '2025-03-20' }, '2025-04-30')).toBe('red');
    expect(caseSignal({ ...c, status: 'received' }, '2025-04-30')).toBe('waiting');
    expect(caseSignal({ ...c, status: 'concluded' }, '2025-04-30')).toBe('closed');
  });

  it('a case paused while yellow stays yellow: the pause stops the clock, it does not clear the signal', () => {
    expect(caseSignal({ ...signalCase, paused_kind: 'special', paused_since: '2025-03-14' }, '2025-04-30')).toBe('yellow');
    expect(caseSignal({ ...signalCase, paused_kind: 'suspend', paused_since: '2025-03-13' }, '2025-03-13')).toBe('yellow');
  });

  it('after a decision, delivery is due within 10 working days (art. 44): yellow on the last day, red after; delivered is closed', () => {
    const decided = { ...signalCase, status: 'concluded' as const, delivery_due: '2025-03-20' };
    expect(caseSignal(decided, '2025-03-19')).toBe('normal');
    expect(caseSignal(decided, '2025-03-20')).toBe('yellow');
    expect(caseSignal(decided, '2025-03-21')).toBe('red');
    expect(caseSignal({ ...decided, status: 'delivered' }, '2025-03-21')).toBe('closed');
    // Approved but not concluded: both clocks run, and the worse colour shows.
    expect(caseSignal({ ...decided, status: 'approved' }, '2025-03-12')).toBe('normal');
    expect(caseSignal({ ...decided, status: 'approved', delivery_due: '2025-03-11' }, '2025-03-12')).toBe('red');
  });
});

describe('deadlines on the 2025 holidays (DOMAIN.md schedule checks)', () => {
  const years = packageYears();
  const cal = new WorkCalendar({
    years: [...years.keys()],
    holidays: [...years.values()].flatMap((y) => y.holidays),
    workdays: [...years.values()].flatMap((y) => y.workdays),
  });
  const natural = (promised: number): Limits => ({ promised, unit: 'natural_days', statutory: promised, statutoryUnit: 'natural_days' });

  it('yellow on a natural-day limit counts the limit, not the days a holiday rolls the due day past', () => {
    // Accepted Fri 2025-09-26: 10 days end on 10-06, inside National Day, so the due day is Thu 10-09;
    // 8 of the limit's 10 days are used on 10-04 (the three rolled days are not part of the limit).
    expect(caseDeadlines(cal, '2025-09-26', natural(10), 0, [], 0.8)).toMatchObject({
      promisedDue: '2025-10-09',
      yellowFrom: '2025-10-04',
    });
  });

  it('yellow on a natural-day limit leaves paused days out', () => {
    // Paused 09-27..10-02: 5 natural days, so the due day moves to Sat 10-11 (a working day) and yellow to 10-09.
    const d = caseDeadlines(cal, '2025-09-26', natural(10), 0, [{ from: '2025-09-27', to: '2025-10-02' }], 0.8);
    expect(d).toMatchObject({ promisedDue: '2025-10-11', yellowFrom: '2025-10-09' });
  });

  it('yellow on a month limit counts the month itself', () => {
    // 2025-09-08 + 1 month = 10-08 (a holiday), due 10-09; 80% of the 30 days of the month is 24 → 10-02.
    const d = caseDeadlines(cal, '2025-09-08', { promised: 1, unit: 'months', statutory: 2, statutoryUnit: 'months' }, 0, [], 0.8);
    expect(d).toMatchObject({ promisedDue: '2025-10-09', yellowFrom: '2025-10-02' });
  });

  it('an extension is in working days whatever the unit (art. 42)', () => {
    // 30 days from 2025-03-03 end Wed 04-02; 10 working days more skip Qingming (04-04) → Thu 04-17.
    expect(caseDeadlines(cal, '2025-03-03', natural(30), 10, [], 0.8)).toMatchObject({
      promisedDue: '2025-04-17',
      statutoryDue: '2025-04-17',
    });
  });

  it('joint handling: the statutory limit is 45 working days, and the promise never runs past it', () => {
    const joint = (promised: number): Limits => ({ promised, unit: 'natural_days', statutory: 45, statutoryUnit: 'working_days' });
    expect(caseDeadlines(cal, '2025-09-01', joint(60), 0, [], 0.8)).toMatchObject({
      promisedDue: '2025-10-31',
      statutoryDue: '2025-11-07',
    });
    expect(caseDeadlines(cal, '2025-09-01', joint(80), 0, [], 0.8)).toMatchObject({
      promisedDue: '2025-11-07',
      statutoryDue: '2025-11-07',
    });
  });

  it('a joint part counts the case’s pauses in its own working days', () => {
    // Paused 09-30..10-09: 9 natural days, but only 10-09 is a working day.
    expect(partDue(cal, '2025-09-26', 5, [{ from: '2025-09-30', to: '2025-10-09' }]).date).toBe(cal.addWorkingDays('2025-09-26', 6).date);
    expect(partDue(cal, '2025-09-26', 5, [{ from: '2025-09-30', to: '2025-10-09' }]).date).toBe('2025-10-11');
  });

  it('art. 32: accepted more than 5 working days after receipt without a timely notice, the clock starts on receipt', () => {
    // Received Fri 09-26: 09-28, 09-29, 09-30, 10-09 and 10-10 are its 5 working days.
    expect(clockStartDay(cal, '2025-09-26', '2025-10-10', false)).toBe('2025-10-10');
    expect(clockStartDay(cal, '2025-09-26', '2025-10-11', false)).toBe('2025-09-26');
    expect(clockStartDay(cal, '2025-09-26', '2025-10-11', true)).toBe('2025-10-11');
    expect(noticeLate(cal, '2025-09-26', '2025-10-10')).toBe(false);
    expect(noticeLate(cal, '2025-09-26', '2025-10-11')).toBe(true);
  });

  it('art. 44: delivery is due 10 working days after the decision', () => {
    expect(deliveryDue(cal, '2025-09-26').date).toBe('2025-10-16');
  });

  it('a decision past the statutory limit: 1 working day late is a yellow card, 2 or more a red one', () => {
    expect(daysLate(cal, '2025-09-30', '2025-09-30')).toBe(0);
    expect(daysLate(cal, '2025-09-30', '2025-10-04')).toBe(1); // on a holiday after the due day
    expect(daysLate(cal, '2025-09-30', '2025-10-09')).toBe(1); // the first working day after it
    expect(daysLate(cal, '2025-09-30', '2025-10-10')).toBe(2);
    expect([0, 1, 2, 5].map(decisionCard)).toEqual([null, 'yellow', 'red', 'red']);
  });
});

describe('pauses', () => {
  it('a special procedure must say how long it takes (art. 45); a suspension need not', () => {
    const pause = { caseId: 'k1', counterId: 'c1', at: 0, reason: '专家评审' };
    const { payload } = caseCommandSpecs['case.pause'];
    expect(payload.safeParse({ ...pause, kind: 'special', expectedDays: null })).toMatchObject({
      success: false,
      error: { issues: [expect.objectContaining({ message: expect.stringContaining('所需时间') })] },
    });
    expect(payload.safeParse({ ...pause, kind: 'special', expectedDays: 10 }).success).toBe(true);
    expect(payload.safeParse({ ...pause, kind: 'suspend', expectedDays: null }).success).toBe(true);
  });
});

describe('identity numbers', () => {
  it('checks the GB 11643 check digit, the birth date and the length', () => {
    expect(checkResidentId('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(checkResidentId('110105194912310021')).toMatchObject({ ok: false, reason: expect.stringContaining('校验位') });
    expect(checkResidentId('110105194913310029')).toMatchObject({ ok: false, reason: expect.stringContaining('出生日期') });
    expect(checkResidentId('11010519491231002')).toMatchObject({ ok: false, reason: expect.stringContaining('18 位') });
    expect(residentIdCheckChar('33010219900307123')).toBe('0');
    expect(checkResidentId(`33010220300101123${residentIdCheckChar('33010220300101123')}`, '2026-11-25')).toMatchObject({ ok: false });
  });

  it('checks unified social credit codes (GB 32100) and phones', () => {
    expect(checkCreditCode('91350100M000100Y43')).toMatchObject({ ok: true });
    expect(checkCreditCode('91350100M000100Y44')).toMatchObject({ ok: false, reason: expect.stringContaining('校验位') });
    expect(checkCreditCode('91350100M0001I0Y43')).toMatchObject({ ok: false });
    expect(checkPhone('138 0013 8000')).toEqual({ ok: true, value: '13800138000' });
    expect(checkPhone('0571-87654321')).toEqual({ ok: true, value: '057187654321' });
    expect(checkPhone('12345')).toMatchObject({ ok: false });
  });

  it('masks: at most the first 6 and last 4 of an ID number; names as 张*三', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
  });
});
