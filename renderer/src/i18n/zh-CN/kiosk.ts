import { PRIORITIES } from '../../../../shared/queue/enums';
import { codeLabels } from '../labels';

export const kiosk = {
  'kiosk.title': '自助取号',
  'kiosk.search': '搜索事项或部门',
  'kiosk.departments': '办事部门',
  'kiosk.services': '办理事项',
  'kiosk.back': '返回',
  'kiosk.results': '“{q}”的搜索结果',
  'kiosk.closed': '暂停办理',
  'kiosk.full': '今日号源已满',
  'kiosk.dayClosed': '今日已停止取号',
  'kiosk.noWindow': '暂无窗口办理',
  'kiosk.waitingN': '等候 {n} 人',
  'kiosk.noMatch': '没有找到相关事项',
  'kiosk.offline': '取号机暂时无法连接服务器，请稍候或咨询工作人员',
  'kiosk.priority': '取号类型',
  ...codeLabels('kiosk.p', PRIORITIES, {
    normal: '普通',
    green: '绿色通道（老年人、残疾人等）',
    major: '大项目直通车',
    appointment: '预约到场签到',
  }),
  'kiosk.staffConfirm': '优先取号须由工作人员确认：',
  'kiosk.take': '取号',
  'kiosk.ticket': '排队凭条',
  'kiosk.ahead': '您前面还有 {n} 人',
  'kiosk.estimate': '预计等候约 {m} 分钟',
  'kiosk.noEstimate': '该事项暂无窗口办理，请留意叫号',
  'kiosk.note': '请留意大屏与语音叫号，过号请到窗口说明。',
  'kiosk.done': '完成',
};
