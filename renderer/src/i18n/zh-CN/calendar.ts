import { CALENDAR_SOURCES } from '../../../../shared/calendar/enums';
import { codeLabels } from '../labels';

export const calendar = {
  'cal.title': '工作日历',
  'cal.missing': '{year} 年的节假日安排尚未录入：期限落在该年的办件会显示提醒。国务院办公厅每年秋季发布次年安排。',
  'cal.known': '已有安排：',
  ...codeLabels('cal.source', CALENDAR_SOURCES, {
    package: '（节假日数据包）',
    admin: '（管理员录入）',
    region: '（全市统一下发，含本大厅调整）',
  }),
  'cal.enterYear': '录入年度节假日安排',
  'cal.year': '年份',
  'cal.holidays': '放假日期（逐日列出）',
  'cal.workdays': '调休上班日期（周末上班）',
  'cal.saveYear': '保存该年安排',
  'cal.saved': '已保存 {year} 年安排，{n} 个在办件的期限已重新计算',
  'cal.badDates': '这些日期无效或不在该年：{list}',
  'cal.settings': '本大厅设置',
  'cal.duty': '本大厅周末值班日（计入工作日）',
  'cal.share': '预警比例（已用时限 %）',
  'cal.phone': '监督投诉电话',
  'cal.saveSettings': '保存设置',
  'cal.settingsSaved': '已保存，{n} 个在办件的期限已重新计算',
};
