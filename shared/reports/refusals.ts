import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why the monthly pack's settings are refused. */
export const reportRefusals = defineRefusals('reports', {
  folderNotAbsolute: {
    code: ErrorCode.VALIDATION_FAILED,
    zh: '报表汇编目录“{folder}”不是完整路径：请填写服务器上的完整路径，如 /srv/reports 或 D:\\报表',
  },
  noFolder: { code: ErrorCode.VALIDATION_FAILED, zh: '启用月度报表汇编前请先填写保存目录' },
});
