import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why an archive entry, its contest or the score sheet is refused. */
export const archiveRefusals = defineRefusals('archive', {
  selfEntry: { code: ErrorCode.FORBIDDEN, zh: '不能为本人记录效能档案' },
  unknownItem: { code: ErrorCode.VALIDATION_FAILED, zh: '评分表中没有扣分项“{item}”' },
  itemNotScored: { code: ErrorCode.VALIDATION_FAILED, zh: '只有明查暗访和扣分记录可以扣分' },
  futureDay: { code: ErrorCode.VALIDATION_FAILED, zh: '记录日期不能晚于今天' },
  notYours: { code: ErrorCode.FORBIDDEN, zh: '只能对本人的档案记录提出异议' },
  alreadyContested: { code: ErrorCode.VALIDATION_FAILED, zh: '此记录已提出过异议' },
  noContest: { code: ErrorCode.VALIDATION_FAILED, zh: '此记录没有待处理的异议' },
  deciderConflict: { code: ErrorCode.FORBIDDEN, zh: '异议须由提出异议者以外的管理人员处理' },
  futureMonth: { code: ErrorCode.VALIDATION_FAILED, zh: '{month} 尚未开始，不能评分' },
});
