import { ErrorCode } from './errors';
import { defineRefusals } from './refusal';

/** What a refusal may say is missing (`{what}`), in Chinese; the faces label them `thing.<code>`. */
export const THING_LABELS = {
  counter: '窗口',
  targetCounter: '目标窗口',
  case: '办件',
  item: '事项',
  service: '叫号业务',
  department: '部门',
  jointDepartment: '联审部门',
  jointPart: '联审部门意见',
  terminal: '终端',
  inquiry: '咨询记录',
  staff: '人员',
  zone: '区域',
  ticket: '号票',
  followup: '跟进事项',
  rating: '评价',
  complaint: '投诉',
  archiveEntry: '档案记录',
  regionOverride: '本地调整',
  blackout: '停约日',
} as const;
export type Thing = keyof typeof THING_LABELS;

/** What a staff member's password was typed for (`{what}`); the faces label them `credentialsFor.<code>`. */
export const CREDENTIAL_PURPOSES = {
  counterSignIn: '签到失败',
  managerSignIn: '登录失败',
  priorityConfirm: '优先取号需工作人员确认',
  extensionApproval: '延期审批（须大厅负责人）',
} as const;
export type CredentialPurpose = keyof typeof CREDENTIAL_PURPOSES;

/** Refusals any feature's handlers give: something missing, someone else's counter, a wrong password. */
export const commonRefusals = defineRefusals('common', {
  notFound: { code: ErrorCode.NOT_FOUND, zh: '{what}不存在', labels: { what: { prefix: 'thing', zh: THING_LABELS } } },
  notThisTerminalsCounter: { code: ErrorCode.FORBIDDEN, zh: '本终端不属于该窗口' },
  counterHeldElsewhere: { code: ErrorCode.FORBIDDEN, zh: '{counter} 号窗口由其他终端签到' },
  badCredentials: {
    code: ErrorCode.BAD_CREDENTIALS,
    zh: '{what}：工号或密码错误',
    labels: { what: { prefix: 'credentialsFor', zh: CREDENTIAL_PURPOSES } },
  },
  staffLocked: { code: ErrorCode.STAFF_LOCKED, zh: '密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试' },
  confirmLocked: { code: ErrorCode.TERMINAL_LOCKED, zh: '本机确认失败次数过多，已暂停确认，请 {minutes} 分钟后再试' },
  signInRequired: { code: ErrorCode.SIGN_IN_REQUIRED, zh: '请先以管理人员身份登录' },
  notAllowed: { code: ErrorCode.FORBIDDEN, zh: '无权执行此操作' },
  adminOnly: { code: ErrorCode.FORBIDDEN, zh: '此操作须由系统管理员执行' },
  signInFirst: { code: ErrorCode.COUNTER_STATE, zh: '请先签到窗口' },
  sessionIdle: { code: ErrorCode.SIGN_IN_REQUIRED, zh: '长时间未操作，已自动退出，请重新登录' },
  sessionExpired: { code: ErrorCode.SIGN_IN_REQUIRED, zh: '登录已到时限，请重新登录' },
});
