import { PROXY_RESULTS, PROXY_RETURN_REASONS, PROXY_STATUSES } from '../../../../shared/proxy/enums';
import { codeLabels } from '../labels';

/** 全程代办 across levels: the codes of a proxy case's travel (the faces' words come with them). */
export const proxy = {
  ...codeLabels('proxy.status', PROXY_STATUSES, { outbox: '待送出', delivered: '已送达', refused: '已退回' }),
  ...codeLabels('proxy.reason', PROXY_RETURN_REASONS, {
    not_competent: '不属本机关管辖',
    materials_incomplete: '申请材料不齐全',
    not_eligible: '不符合申请条件',
    duplicate: '重复申请',
    other: '其他原因',
    no_target: '上级没有大厅受理该事项',
    not_received: '办理大厅未能接收',
  }),
  ...codeLabels('proxy.result', PROXY_RESULTS, { approved: '准予许可', denied: '不予许可' }),
};
