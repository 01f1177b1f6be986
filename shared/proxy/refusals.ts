import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why a hall refuses a proxy case's registration, or a step of its travel. */
export const proxyRefusals = defineRefusals('proxy', {
  duplicateId: { code: ErrorCode.CASE_STATE, zh: '代办件编号已存在' },
  noCatalog: { code: ErrorCode.NOT_FOUND, zh: '本大厅尚未收到全程代办事项清单，不能代办' },
  itemNotListed: { code: ErrorCode.VALIDATION_FAILED, zh: '事项 {code} 不在本大厅可代办的清单里' },
  unknown: { code: ErrorCode.NOT_FOUND, zh: '没有这件代办件' },
  otherOrigin: { code: ErrorCode.FORBIDDEN, zh: '这件代办件已由其他大厅送来，编号不能重复使用' },
  itemNotHere: { code: ErrorCode.NOT_FOUND, zh: '本大厅的事项目录中没有在办的事项 {code}' },
  noReceiver: { code: ErrorCode.VALIDATION_FAILED, zh: '{department}没有工作人员，不能接收代办件' },
  notTravelling: { code: ErrorCode.CASE_STATE, zh: '代办件已送达或已退回，不再改变去向' },
  staleProgress: { code: ErrorCode.CASE_STATE, zh: '已有第 {have} 次进展，第 {given} 次进展不再应用' },
  notDelivered: { code: ErrorCode.CASE_STATE, zh: '代办件尚未送达办理大厅，没有进展' },
  otherCase: { code: ErrorCode.FORBIDDEN, zh: '进展来自的办件不是这件代办件送达的办件' },
  notProxy: { code: ErrorCode.CASE_STATE, zh: '这件办件不是代办件，请用不予受理' },
  refuseFromStatus: { code: ErrorCode.CASE_STATE, zh: '代办件只能在受理之前退回' },
});
