import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** Why a backup asked from the board is refused. */
export const backupRefusals = defineRefusals('backup', {
  noFolder: {
    code: ErrorCode.VALIDATION_FAILED,
    zh: '服务器未设置备份目录：请在服务器上以 --backup-to 指定备份盘后重启，或在服务器上运行 backup 命令',
  },
  running: { code: ErrorCode.VALIDATION_FAILED, zh: '备份正在进行，请稍候' },
});
