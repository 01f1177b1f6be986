import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why a booking, its cancellation, its check-in or a follow link is refused. */
export const bookingRefusals = defineRefusals('booking', {
  noSlots: { code: ErrorCode.BOOKING_REFUSED, zh: '该事项不接受预约' },
  dayNotBookable: { code: ErrorCode.BOOKING_REFUSED, zh: '{day} 不可预约：只能预约今后第 {min} 至第 {max} 个工作日' },
  noSuchSlot: { code: ErrorCode.BOOKING_REFUSED, zh: '{day} 没有 {start} 开始的预约时段' },
  full: { code: ErrorCode.BOOKING_REFUSED, zh: '{day} {start} 时段已约满' },
  perDay: { code: ErrorCode.BOOKING_REFUSED, zh: '同一证件号 {day} 已有预约，每人每天限约 {limit} 次' },
  blocked: { code: ErrorCode.BOOKING_REFUSED, zh: '因多次预约未到，{until} 前不能预约' },
  wrongCode: { code: ErrorCode.BOOKING_REFUSED, zh: '预约码或证件号后四位不符' },
  notBooked: { code: ErrorCode.BOOKING_REFUSED, zh: '该预约已取消、已签到或已过期' },
  tooLateToCancel: { code: ErrorCode.BOOKING_REFUSED, zh: '距预约时段不足 {hours} 小时，不能再取消' },
  notToday: { code: ErrorCode.BOOKING_REFUSED, zh: '该预约是 {day} 的，请当天再来签到' },
  tooEarly: { code: ErrorCode.BOOKING_REFUSED, zh: '签到时间未到：{from} 起可签到' },
  tooLate: { code: ErrorCode.BOOKING_REFUSED, zh: '已超过签到时间，请取普通号排队' },
  slotOver: { code: ErrorCode.BOOKING_REFUSED, zh: '预约时段已结束，按未到处理' },
  followInvalid: { code: ErrorCode.NOT_FOUND, zh: '排队进度链接无效或已过期' },
  terminal: { code: ErrorCode.FORBIDDEN, zh: '大厅终端不能预约，请用自己的手机' },
  lineOrder: { code: ErrorCode.VALIDATION_FAILED, zh: '第 {line} 行的结束时间应晚于开始时间' },
  lineOverlap: { code: ErrorCode.VALIDATION_FAILED, zh: '第 {line} 行的时段与前面的时段在同一天重叠' },
  // Blackout days, moving a booking, check-in by ID number, a manager lifting a block.
  blackout: { code: ErrorCode.BOOKING_REFUSED, zh: '{day} 暂停预约：{reason}' },
  blackoutPast: { code: ErrorCode.BOOKING_REFUSED, zh: '{day} 已经过去，不能再停约' },
  blackoutExists: { code: ErrorCode.BOOKING_REFUSED, zh: '{day} 已经停约' },
  blackoutLifted: { code: ErrorCode.BOOKING_REFUSED, zh: '{day} 的停约已经撤销' },
  blackoutLiftPast: { code: ErrorCode.BOOKING_REFUSED, zh: '{day} 已经过去，不能再恢复预约' },
  blackoutChanged: { code: ErrorCode.BOOKING_REFUSED, zh: '受影响的预约已变为 {n} 个，请重新核对后再确认' },
  tooLateToMove: { code: ErrorCode.BOOKING_REFUSED, zh: '距预约时段不足 {hours} 小时，不能再改约' },
  sameSlot: { code: ErrorCode.BOOKING_REFUSED, zh: '新时段与原预约时段相同' },
  noBookingToday: { code: ErrorCode.BOOKING_REFUSED, zh: '该证件号今天没有待签到的预约' },
  notBlocked: { code: ErrorCode.BOOKING_REFUSED, zh: '该证件号目前没有预约限制' },
});
