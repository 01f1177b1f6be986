import { TERMINAL_ROLES, STAFF_ROLES } from '../../../../shared/kernel/roles';
import { codeLabels } from '../labels';

export const app = {
  'lang.switch': 'English',
  'conn.connecting': '正在连接大厅服务器…',
  'conn.connected': '已连接',
  'conn.reconnecting': '与大厅服务器的连接已断开，正在重连',
  'conn.unauthenticated': '本终端未授权，请输入终端令牌',
  'conn.pending': '{n} 条记录待同步',
  'conn.checking': '正在向服务器核对 {n} 项操作…',
  'token.title': '终端授权',
  'token.label': '注册码或终端令牌',
  'token.hint': '注册码由大厅管理员在“终端管理”中生成（一次性，限时有效）；演示大厅的令牌见 demo-terminals.json。',
  'token.save': '保存并连接',
  'app.cancel': '取消',
  ...codeLabels('role', TERMINAL_ROLES, {
    clerk: '窗口工作台',
    kiosk: '取号机',
    display: '叫号大屏',
    evaluator: '评价器',
    manager: '大厅管理',
    region: '区域监管服务器',
  }),
  'face.unknown': '请选择界面',
  'app.confirm': '确定',
  /** Between the items of a list written in a sentence. */
  'list.separator': '、',
  ...codeLabels('staffRole', STAFF_ROLES, { clerk: '窗口人员', manager: '大厅管理员', admin: '系统管理员' }),
};
