import { BAD_REASONS, RATING_LEVELS, SUB_SCORES } from '../../../../shared/ratings/enums';
import { codeLabels } from '../labels';

export const ratings = {
  'eval.idle': '本窗口',
  'eval.photo': '{name}的照片',
  'eval.servingYou': '为您服务',
  'eval.closed': '本窗口暂停服务',
  'eval.invite': '办理完毕后，请您对本次服务作出评价',
  'eval.prompt': '服务评价',
  'eval.question': '请您对本次服务作出评价',
  'eval.levels': '满意程度',
  ...codeLabels('eval.level', RATING_LEVELS, { '5': '非常满意', '4': '满意', '3': '基本满意', '2': '不满意', '1': '非常不满意' }),
  ...codeLabels('eval.sub', SUB_SCORES, { efficiency: '服务效率', skill: '服务水平', attitude: '服务态度' }),
  'eval.reasons': '请选择不满意的原因（可多选）',
  ...codeLabels('eval.reason', BAD_REASONS, {
    slow: '办理时间长',
    attitude: '服务态度差',
    unclear_guidance: '一次性告知不清',
    repeat_trips: '多次往返',
    not_handled: '事项未办成',
    rules_unclear: '政策解释不清',
    facilities: '环境设施差',
    other: '其他',
  }),
  'eval.submit': '提交评价',
  'eval.decline': '不评价',
  'eval.secondsLeft': '{s} 秒后自动结束',
  'eval.thanks': '感谢您的评价！',
};
