import { randomUUID } from 'node:crypto';
import type { CommandPayload } from '../../shared/protocol';

export const APPLICANT_ID = '11010519491231002X';

/** A case to register: 张三 (a person) for 企业设立登记, at counter 1, now; `over` changes any of it. */
export const newCase = (over: Partial<CommandPayload<'case.register'>> = {}): CommandPayload<'case.register'> => ({
  caseId: randomUUID(),
  counterId: 'H3301-c-01',
  at: Date.now(),
  ticketId: null,
  itemId: 'H3301-item-001',
  applicant: { type: 'person', name: '张三', idNumber: APPLICANT_ID, creditCode: null, phone: '13800138000' },
  agentName: null,
  green: false,
  materialsReceived: ['申请书'],
  parts: [],
  ...over,
});
