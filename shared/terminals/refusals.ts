import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** What a manager may do to a terminal (revoke it, enroll it again), in Chinese for the hub's words. */
export const TERMINAL_ACTIONS = { reenroll: '重新注册', revoke: '吊销' } as const;

/** Why a terminal cannot be created, enrolled again or revoked. */
export const terminalRefusals = defineRefusals('terminal', {
  revoked: { code: ErrorCode.TERMINAL_REVOKED, zh: '终端“{name}”已吊销' },
  notSelf: {
    code: ErrorCode.VALIDATION_FAILED,
    zh: '不能{action}本终端',
    labels: { action: { prefix: 'terminalAction', zh: TERMINAL_ACTIONS } },
  },
  counterRequired: { code: ErrorCode.VALIDATION_FAILED, zh: '窗口电脑和评价器须绑定一个窗口' },
});
