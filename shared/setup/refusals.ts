import { ErrorCode } from '../kernel/errors';
import { defineRefusals } from '../kernel/refusal';

/** What still uses a department, so that it cannot be deleted (`{what}`); the faces label them `setupUse.<code>`. */
export const DEPARTMENT_USES = { services: '服务', staff: '人员', catalog_items: '事项', cases: '办件', case_parts: '联办办件' } as const;

/** Why a setup change is refused: a name already taken, or running work or history that depends on what it would change. */
export const setupRefusals = defineRefusals('setup', {
  zoneTaken: { code: ErrorCode.SETUP_CONFLICT, zh: '已有区域“{name}”' },
  departmentTaken: { code: ErrorCode.SETUP_CONFLICT, zh: '已有部门“{name}”' },
  prefixTaken: { code: ErrorCode.SETUP_CONFLICT, zh: '号码前缀 {prefix} 已被使用' },
  counterTaken: { code: ErrorCode.SETUP_CONFLICT, zh: '已有 {number} 号窗口' },
  zoneDisplayRename: { code: ErrorCode.SETUP_IN_USE, zh: '区域“{name}”有叫号屏在用，先吊销该屏再改名' },
  zoneHasCounters: { code: ErrorCode.SETUP_IN_USE, zh: '区域“{name}”还有窗口' },
  zoneHasDisplays: { code: ErrorCode.SETUP_IN_USE, zh: '区域“{name}”有叫号屏在用' },
  departmentInUse: {
    code: ErrorCode.SETUP_IN_USE,
    zh: '部门“{name}”还有{what}，不能删除',
    labels: { what: { prefix: 'setupUse', zh: DEPARTMENT_USES } },
  },
  offsetWithOpenTickets: { code: ErrorCode.SETUP_IN_USE, zh: '今日还有 {n} 张未结束的号，闭厅后再改时区' },
  prefixWithOpenTickets: { code: ErrorCode.SETUP_IN_USE, zh: '“{service}”今日还有 {n} 张未结束的号，闭厅后再改前缀' },
  serviceHasTickets: { code: ErrorCode.SETUP_IN_USE, zh: '“{service}”已有取号记录，不能删除；可在实时看板暂停办理' },
  serviceHasItems: { code: ErrorCode.SETUP_IN_USE, zh: '“{service}”有事项指向它，先改这些事项' },
  serviceSoleOfCounters: { code: ErrorCode.SETUP_IN_USE, zh: '{counters} 号窗口只办理“{service}”，先给窗口换服务' },
  counterSignedIn: { code: ErrorCode.SETUP_IN_USE, zh: '{number} 号窗口有人签到，先签退' },
  counterHasTerminals: { code: ErrorCode.SETUP_IN_USE, zh: '{number} 号窗口还有终端，先吊销这些终端' },
  counterHasHistory: { code: ErrorCode.SETUP_IN_USE, zh: '{number} 号窗口已有办理记录，不能删除' },
  staffAtCounter: { code: ErrorCode.SETUP_IN_USE, zh: '{name}正在 {number} 号窗口签到，先签退' },
  lastAdmin: { code: ErrorCode.SETUP_IN_USE, zh: '大厅至少要有一名在岗的系统管理员' },
});
