import { ERROR_CODES } from '../../../../shared/kernel/errors';
import { codeLabels } from '../labels';

/** A refusal by its code, for when the hub's own message (which says exactly why) is not shown. */
export const errors = {
  ...codeLabels('error', ERROR_CODES, {
    VALIDATION_FAILED: '输入有误，请检查后重试',
    UNKNOWN_COMMAND: '未知的操作',
    PAYLOAD_TOO_LARGE: '提交的内容过大',
    UNAUTHENTICATED: '本终端未授权',
    FORBIDDEN: '无权进行此操作',
    NOT_FOUND: '找不到相关记录',
    BAD_CREDENTIALS: '工号或密码错误',
    COUNTER_STATE: '窗口当前状态不允许此操作',
    STAFF_ELSEWHERE: '该工作人员已在其他窗口签到',
    INQUIRY_STATE: '该咨询当前状态不允许此操作',
    TICKET_STATE: '该号当前状态不允许此操作',
    QUEUE_EMPTY: '当前无人等候',
    COUNTER_BUSY: '请先处理当前号',
    NO_CURRENT_TICKET: '没有当前号',
    SERVICE_UNAVAILABLE: '该事项已暂停取号、今日号源已满或今日已停止取号',
    RECALL_LIMIT: '已达重呼上限',
    STAFF_LOCKED: '密码错误次数过多，账号暂时锁定',
    TERMINAL_REVOKED: '本终端已被吊销',
    TERMINAL_LOCKED: '本机工作人员确认失败次数过多，暂停确认',
    ENROLLMENT_INVALID: '注册码无效、已使用或已过期，请向大厅管理员重新获取',
    REVEAL_LIMIT: '今日查看身份证号次数已达上限',
    CASE_STATE: '办件当前状态不能进行此步骤',
    IMPORT_INVALID: '文件有误，没有导入任何事项',
    CATALOG_CONFLICT: '已有相同编码的事项',
    SIGN_IN_REQUIRED: '请先登录',
    UNKNOWN_EVENT: '未知的请求',
    HUB_UNREACHABLE: '无法连接大厅服务器',
    HUB_TIMEOUT: '大厅服务器未及时应答，操作可能已生效，请核对',
    RATE_LIMITED: '操作过于频繁，请稍候再试',
    STORAGE_FULL: '大厅服务器磁盘已满或无法写入，操作未执行，请通知管理员',
    INTERNAL: '大厅服务器出错，请稍后重试',
  }),
};
