import { describe, expect, it } from 'vitest';
import type { StepAction } from '../../../shared/cases/enums';
import { documentDateTime, noticeDocument, noticeNumber, type NoticeHeader } from '../../../shared/cases/notices';
import { checkDuty, checkPartTaker, heldDuties, type Taker } from '../../../shared/cases/rules';
import { CaseSettingsSchema, defaultCaseSettings, defaultStepDuties, parseCaseSettings } from '../../../shared/cases/settings';

const clerk: Taker = { id: 'u1', duties: [], head: false };
const reviewer: Taker = { id: 'u2', duties: ['reviewer'], head: false };
const head: Taker = { id: 'u3', duties: [], head: true };
const approver: Taker = { id: 'u4', duties: ['approver'], head: false };
const handled = { handler_id: 'u1', reviewer_id: 'u2' };

describe('separation of duties (the default steps)', () => {
  const may = (t: Taker, action: StepAction, c = handled) => checkDuty(defaultStepDuties, action, t, c).ok;

  it('受理 and 承办 (with 不予受理, 补正), 办结 and 送达: any clerk of the department', () => {
    for (const a of ['accept', 'refuse', 'requestSupplement', 'resubmit', 'undertake', 'conclude', 'deliver'] as const)
      expect(
        [clerk, reviewer, head].map((t) => may(t, a)),
        a,
      ).toEqual([true, true, true]);
  });

  it('审核: a holder of the duty who did not handle the case', () => {
    expect(may(clerk, 'review')).toBe(false);
    expect(may(head, 'review')).toBe(false);
    expect(may(reviewer, 'review')).toBe(true);
    expect(checkDuty(defaultStepDuties, 'review', reviewer, { handler_id: 'u2', reviewer_id: null })).toMatchObject({
      ok: false,
      reason: '承办人不能审核自己经手的办件',
    });
  });

  it('批准 and 不予批准: the head or a holder of the duty, never the handler', () => {
    for (const a of ['approve', 'deny'] as const) {
      expect(
        [clerk, reviewer, head, approver].map((t) => may(t, a)),
        a,
      ).toEqual([false, false, true, true]);
      expect(may(head, a, { handler_id: 'u3', reviewer_id: 'u2' }), a).toBe(false);
    }
    // Approving what one reviewed is allowed by default, refused where the hall says so.
    const strict = { ...defaultStepDuties, approve: { by: 'approver' as const, apartFrom: ['handler' as const, 'reviewer' as const] } };
    const reviewerApprover: Taker = { id: 'u2', duties: ['reviewer', 'approver'], head: false };
    expect(checkDuty(defaultStepDuties, 'approve', reviewerApprover, handled).ok).toBe(true);
    expect(checkDuty(strict, 'approve', reviewerApprover, handled)).toMatchObject({ ok: false, reason: '审核人不能批准自己经手的办件' });
  });

  it('a joint part is never decided by the first clerk', () => {
    expect(checkPartTaker('u1', 'u1').ok).toBe(false);
    expect(checkPartTaker('u1', 'u6').ok).toBe(true);
  });

  it('held duties come from the rows still held', () => {
    const rows = [
      { staff_id: 'u1', duty: 'reviewer' as const, held: 1 },
      { staff_id: 'u1', duty: 'approver' as const, held: 0 },
      { staff_id: 'u2', duty: 'approver' as const, held: 1 },
    ];
    expect(heldDuties(rows, 'u1')).toEqual(['reviewer']);
  });

  it('settings: stored halls without steps get the defaults; a step needs a known taker and no repeated role', () => {
    expect(parseCaseSettings('{"yellowShare":0.9}')).toEqual({ ...defaultCaseSettings, yellowShare: 0.9 });
    const bad = (steps: unknown) => CaseSettingsSchema.shape.steps.safeParse(steps).success;
    expect(bad(defaultStepDuties)).toBe(true);
    expect(bad({ ...defaultStepDuties, review: { by: 'boss', apartFrom: [] } })).toBe(false);
    expect(bad({ ...defaultStepDuties, review: { by: 'reviewer', apartFrom: ['handler', 'handler'] } })).toBe(false);
    expect(bad({ ...defaultStepDuties, deliver: undefined })).toBe(false);
  });
});

describe('notices as documents', () => {
  const header: NoticeHeader = {
    hallName: '示范市政务服务中心',
    number: noticeNumber('H3301', 'extension', 2026, 7),
    caseNumber: 'H3301-20261102-0001',
    applicantName: '示范科技有限公司',
    creditCode: '91350100M000100Y43',
    itemName: '企业设立登记',
    departmentName: '市场监督管理局',
    issuedDay: '2026-11-09',
    complaintPhone: '12345',
  };

  it('numbers by hall, kind, year and sequence; dates and times as documents write them, on the hall’s clock', () => {
    expect(header.number).toBe('H3301延〔2026〕7号');
    expect(noticeNumber('H3301', 'refuse', 2027, 1)).toBe('H3301不受〔2027〕1号');
    expect(documentDateTime(Date.parse('2026-11-02T01:30:00Z'), 480)).toBe('2026年11月2日 09:30');
  });

  it('is sealed by the deciding department on the day of issue, with a receipt only where the applicant signs', () => {
    const extension = noticeDocument(header, {
      kind: 'extension',
      days: 5,
      reason: '需现场核查',
      due: '2026年11月27日',
      statutoryDue: '2026年12月4日',
    });
    expect(extension).toMatchObject({
      title: '延期告知书',
      addressee: '示范科技有限公司（统一社会信用代码 91350100M000100Y43）：',
      seal: '市场监督管理局（印章）',
      date: '2026年11月9日',
      receipt: null,
    });
    expect(JSON.stringify(extension)).toContain('第四十二条');
    const refusal = noticeDocument(header, { kind: 'refuse', received: '2026年11月2日 09:30', reason: '不属于本机关职权范围' });
    expect(refusal.receipt).toHaveLength(2);
    expect(refusal.blocks).toContainEqual({ kind: 'text', text: '不属于本机关职权范围', style: 'reason' });
  });
});
