import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why the queue refuses a call, a ticket or a transfer (service names and numbers are the hall's data). */
export const queueRefusals = defineRefusals('queue', {
  noCurrent: { code: ErrorCode.NO_CURRENT_TICKET, zh: '当前没有叫号或办理中的号' },
  pausedCall: { code: ErrorCode.COUNTER_STATE, zh: '暂停服务中，请先恢复服务再叫号' },
  holding: { code: ErrorCode.COUNTER_BUSY, zh: '请先处理当前的 {number} 号' },
  noTicketToday: { code: ErrorCode.NOT_FOUND, zh: '今日 {number} 号不存在' },
  serviceClosed: { code: ErrorCode.SERVICE_UNAVAILABLE, zh: '“{service}”暂停办理' },
  dayClosed: { code: ErrorCode.SERVICE_UNAVAILABLE, zh: '今日已停止取号' },
  priorityNeedsStaff: { code: ErrorCode.BAD_CREDENTIALS, zh: '优先取号需工作人员确认' },
  serviceFull: { code: ErrorCode.SERVICE_UNAVAILABLE, zh: '“{service}”今日号源已满（{cap} 个）' },
  empty: { code: ErrorCode.QUEUE_EMPTY, zh: '当前没有等候的号' },
  notWaiting: { code: ErrorCode.TICKET_STATE, zh: '{number} 号不在等候中' },
  alreadyStartedRecall: { code: ErrorCode.TICKET_STATE, zh: '已开始办理，无需重呼' },
  recallLimit: { code: ErrorCode.RECALL_LIMIT, zh: '已重呼 {limit} 次，请按过号处理' },
  startedNoShow: { code: ErrorCode.TICKET_STATE, zh: '已开始办理的号不能过号' },
  notMissed: { code: ErrorCode.TICKET_STATE, zh: '{number} 号不是过号状态' },
  alreadyServing: { code: ErrorCode.TICKET_STATE, zh: '已在办理中' },
  finishBeforeStart: { code: ErrorCode.TICKET_STATE, zh: '请先开始办理，再办结' },
  targetClosed: { code: ErrorCode.COUNTER_STATE, zh: '{counter} 号窗口未开放，不能转入' },
  transferToSelf: { code: ErrorCode.TICKET_STATE, zh: '不能转给本窗口' },
  nothingToChange: { code: ErrorCode.VALIDATION_FAILED, zh: '没有要修改的内容' },
  outsideHours: { code: ErrorCode.SERVICE_UNAVAILABLE, zh: '“{service}”取号时间为 {from}–{until}' },
  classNotTaken: { code: ErrorCode.SERVICE_UNAVAILABLE, zh: '“{service}”不设此类取号' },
  dayNotOver: { code: ErrorCode.DAY_NOT_OVER, zh: '未到闭厅时间（{time}），提前日终须填写原因' },
  notInZone: { code: ErrorCode.FORBIDDEN, zh: '该号不在本屏所在区域（{zone}）叫号' },
});
