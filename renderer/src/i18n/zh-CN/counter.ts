import { COUNTER_STATES } from '../../../../shared/counter/enums';
import { PAUSE_REASON_CODES, PAUSE_REASONS } from '../../../../shared/counter/rules';
import { codeLabels } from '../labels';

export const counter = {
  'clerk.signin.title': '窗口签到',
  'clerk.login': '工号',
  'clerk.password': '密码',
  'clerk.signin': '签到',
  'clerk.counter': '{n}号窗口',
  ...codeLabels('clerk.state', COUNTER_STATES, { open: '工作中', paused: '暂停服务', closed: '未签到' }),
  'clerk.since': '自 {t} 起',
  'clerk.pause': '暂停',
  'clerk.resume': '恢复服务',
  'clerk.signout': '签退',
  'clerk.pause.title': '暂停原因',
  'clerk.pause.other': '其他原因',
  'clerk.pause.confirm': '确认暂停',
  'clerk.why.needHub': '需要连接大厅服务器',
  'clerk.why.notPaused': '窗口未暂停',
  'clerk.staffLine': '工作人员：{name}（{login}）',
  // The usual reasons are labelled with the very text the hub stores for them.
  ...codeLabels('pauseReason', PAUSE_REASON_CODES, PAUSE_REASONS),
  'clerk.noCounter': '本终端未绑定窗口，请联系大厅管理员。',
  'clerk.work': '窗口业务',
};
