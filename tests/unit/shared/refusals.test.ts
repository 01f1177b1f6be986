import { describe, expect, it } from 'vitest';
import { caseRefusals } from '../../../shared/cases/rules';
import { CommandError } from '../../../shared/kernel/errors';
import { refuse } from '../../../shared/kernel/refusal';
import { checkCommand } from '../../../shared/protocol/envelope';
import { REFUSALS } from '../../../shared/protocol/refusals';

const register = (applicant: Record<string, unknown>) =>
  checkCommand('case.register', {
    caseId: 'k1',
    counterId: 'c1',
    at: 0,
    ticketId: null,
    itemId: 'i1',
    applicant: { type: 'person', name: '张三', idNumber: '11010519491231002X', creditCode: null, phone: '13800000000', ...applicant },
    agentName: null,
    green: false,
    materialsReceived: [],
    parts: [],
  });

describe('refusals the faces can word', () => {
  it('carry a reason key unique across features, with Chinese words for the logs', () => {
    const all = [...REFUSALS.values()];
    expect(new Set(all.map((r) => r.reason)).size).toBe(all.length);
    for (const r of all) expect(r.reason).toMatch(/^[a-z]+\.[A-Za-z]+$/);
  });

  it('fill their Chinese message with the Chinese labels of coded values, and send the codes', () => {
    const e = refuse(caseRefusals.stepFromStatus, { status: 'received', action: 'approve' });
    expect(e).toBeInstanceOf(CommandError);
    expect(e.toHallError()).toEqual({
      code: 'CASE_STATE',
      message: '当前状态“已收件”不能批准',
      reason: 'case.stepFromStatus',
      params: { status: 'received', action: 'approve' },
    });
  });

  it('say an empty or malformed field in words, naming the field, never in the schema’s words', async () => {
    expect(await register({ name: '   ' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '请填写申请人姓名', reason: 'input.required', params: { field: 'applicant.name' } },
    });
    expect(await register({ idNumber: '110105194912310021' })).toMatchObject({
      ok: false,
      error: { message: '身份证号校验位不符，请核对', reason: 'identity.idCheckDigit', params: { field: 'applicant.idNumber' } },
    });
    expect(await register({ idNumber: null })).toMatchObject({
      ok: false,
      error: { message: '请填写身份证号', reason: 'input.required', params: { field: 'applicant.idNumber' } },
    });
    expect(await register({ name: 'x'.repeat(101) })).toMatchObject({
      ok: false,
      error: { message: '申请人姓名不能超过 100 个字', reason: 'input.tooLong', params: { field: 'applicant.name', max: 100 } },
    });
  });

  it('say why a new password is refused, as the rule that refused it', async () => {
    expect(await checkCommand('staff.setPassword', { staffId: 's1', password: 'Xy7#kq2' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '密码至少 8 位', reason: 'staff.passwordShort', params: { field: 'password' } },
    });
    expect(await checkCommand('staff.setPassword', { staffId: 's1', password: 'aaaabbbb' })).toMatchObject({
      error: { reason: 'staff.passwordFewChars' },
    });
  });
});
