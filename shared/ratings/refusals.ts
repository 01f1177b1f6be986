import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why a rating or a 差评's follow-up step is refused. */
export const ratingRefusals = defineRefusals('rating', {
  invalid: { code: ErrorCode.RATING_INVALID, zh: '评价码无效' },
  alreadyRated: { code: ErrorCode.RATING_INVALID, zh: '本次服务已评价' },
  expired: { code: ErrorCode.RATING_INVALID, zh: '评价已超时' },
  notYet: { code: ErrorCode.RATING_INVALID, zh: '本次服务尚未结束，结束后再来评价' },
  phoneOnly: { code: ErrorCode.FORBIDDEN, zh: '办件的评价只能由申请人用手机扫码进行' },
  terminal: { code: ErrorCode.FORBIDDEN, zh: '大厅终端不能评价，请申请人用自己的手机扫码' },
  appealPending: { code: ErrorCode.FOLLOWUP_STATE, zh: '申诉复核中，复核后再继续' },
  wrongStep: { code: ErrorCode.FOLLOWUP_STATE, zh: '当前进度不能进行此步骤' },
  noNewAppeal: { code: ErrorCode.FOLLOWUP_STATE, zh: '此差评已办结或已申诉过' },
  noAppeal: { code: ErrorCode.FOLLOWUP_STATE, zh: '没有待复核的申诉' },
  reviewerConflict: { code: ErrorCode.FORBIDDEN, zh: '申诉须由申诉人和被评价人以外的人复核' },
  callbackDay: { code: ErrorCode.VALIDATION_FAILED, zh: '回访日期应在差评之后、今天或以前' },
  // The review of a flagged rating (rating.review).
  notFlagged: { code: ErrorCode.RATING_INVALID, zh: '此评价没有待复核的标记' },
  alreadyReviewed: { code: ErrorCode.RATING_INVALID, zh: '此评价已复核过' },
  alreadyExcluded: { code: ErrorCode.RATING_INVALID, zh: '此评价已因申诉成立不计入统计' },
  badByAppeal: { code: ErrorCode.FOLLOWUP_STATE, zh: '差评须通过跟进事项的申诉复核排除' },
  reviewSelf: { code: ErrorCode.FORBIDDEN, zh: '不能复核对本人的评价' },
});
