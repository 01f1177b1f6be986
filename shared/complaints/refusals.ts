import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why a complaint, or who works a follow-up and who sees its phone, is refused. */
export const complaintRefusals = defineRefusals('complaint', {
  substantiatedNeeded: { code: ErrorCode.VALIDATION_FAILED, zh: '办结投诉须认定是否属实' },
  substantiatedOnlyComplaint: { code: ErrorCode.VALIDATION_FAILED, zh: '只有投诉的跟进需要认定是否属实' },
  noAppealOnComplaint: { code: ErrorCode.FOLLOWUP_STATE, zh: '投诉不适用申诉复核，请核实后认定是否属实' },
  assigneeRated: { code: ErrorCode.FORBIDDEN, zh: '跟进不能交给被评价或被投诉的本人' },
  assigneeInactive: { code: ErrorCode.VALIDATION_FAILED, zh: '该人员已停用，不能承办跟进' },
  notAssignee: { code: ErrorCode.FORBIDDEN, zh: '只有承办人或大厅管理人员能查看回访电话' },
  receivedDay: { code: ErrorCode.VALIDATION_FAILED, zh: '收到投诉的日期不能晚于今天' },
  noPhone: { code: ErrorCode.NOT_FOUND, zh: '没有留下回访电话' },
  workNotAssignee: { code: ErrorCode.FORBIDDEN, zh: '只有承办人或大厅管理人员能办理此跟进' },
  workOwnFollowup: { code: ErrorCode.FORBIDDEN, zh: '不能办理关于本人的差评或投诉跟进' },
});
