import { describe, expect, it } from 'vitest';
import { proxyConcludeNotice } from '../../../shared/proxy/notice';
import type { Row } from '../../../shared/protocol';

const concluded: Row<'proxy_cases'> = {
  id: 'px1',
  hall_id: 'H3305',
  number: 'H3305-P20261125-0001',
  item_code: 'SX-AMR-001',
  item_name: '企业设立登记',
  applicant_type: 'person',
  applicant_name: '张三',
  id_masked: '110105********002X',
  credit_code: null,
  phone: '13800138000',
  materials: '["申请书"]',
  note: '',
  agent_id: 'H3305-u-1',
  agent_name: '王晓明',
  counter_id: 'H3305-c-01',
  status: 'delivered',
  registered_at: 1,
  target_hall_id: 'H3302',
  target_hall_name: '甲县政务服务中心',
  target_case_id: 'c1',
  target_case_number: 'H3302-20261125-0001',
  target_department_name: '市场监督管理局',
  delivered_at: 2,
  target_status: 'concluded',
  target_paused: null,
  promised_due: '2026-12-09',
  statutory_due: '2026-12-16',
  accepted_at: 3,
  // 2026-12-01 10:30 in the halls (UTC+8).
  concluded_at: Date.parse('2026-12-01T02:30:00Z'),
  result: 'approved',
  decision_reason: null,
  progress_version: 12,
  refusal_reason: null,
  refusal_text: null,
  refused_at: null,
  updated_at: 4,
};
const point = { name: '青山村便民服务站', issuedDay: '2026-12-02', complaintPhone: '12345', utcOffsetMinutes: 480 };

describe('the 办结 notice a 全程代办 point prints', () => {
  it('is in the deciding hall’s name with its case number, department, decision and day, and asks no rating of its own', () => {
    const doc = proxyConcludeNotice(concluded, point)!;
    expect(doc).toMatchObject({
      hall: '甲县政务服务中心',
      title: '办结通知书',
      number: 'H3305-P20261125-0001',
      caseNumber: '办件编号：H3302-20261125-0001',
      addressee: '张三：',
      seal: '市场监督管理局（印章）',
      date: '2026年12月2日',
      receipt: null,
    });
    expect(doc.ratingCode).toBeUndefined();
    const words = doc.blocks.map((b) => (b.kind === 'text' ? b.text : '')).join('\n');
    expect(words).toContain('你（单位）申请的“企业设立登记”已于 2026年12月1日 10:30 办结，办理结果：准予许可。');
    // The applicant collects it from the agent, at the point, not at the department's window.
    expect(words).toContain(`办理结果由全程代办员 ${concluded.agent_name} 带回，请凭本通知书及有效身份证件到 青山村便民服务站 领取。`);
    expect(words).not.toContain('窗口领取');
    expect(words).not.toContain('好差评');
    const denied = proxyConcludeNotice({ ...concluded, result: 'denied', decision_reason: '经营场所不符合要求' }, point)!;
    expect(denied.blocks[0]).toMatchObject({ text: expect.stringContaining('不予许可') });
    expect(denied.blocks[1]).toEqual({ kind: 'text', text: '理由：经营场所不符合要求', style: 'reason' });
  });

  it('is not printed before the case is concluded there and its decision has come back', () => {
    expect(proxyConcludeNotice({ ...concluded, concluded_at: null, target_status: 'approved' }, point)).toBeNull();
    expect(proxyConcludeNotice({ ...concluded, result: null }, point)).toBeNull();
    expect(proxyConcludeNotice({ ...concluded, target_case_number: null }, point)).toBeNull();
  });
});
