import { REPORT_KINDS } from '../../../../shared/reports/enums';
import { reportTableWords } from '../../../../shared/reports/labels';
import { codeLabels } from '../labels';

/** 报表: the manager board's reports over time, their exports, and a clerk's own figures. */
export const reports = {
  'board.tab.reports': '报表',
  'rp.title': '统计报表',
  'rp.view': '报表',
  ...reportTableWords,
  'rp.kind': '类别',
  ...codeLabels('rp.kind', REPORT_KINDS, { queue: '排队叫号', counters: '窗口工时', cases: '办件', ratings: '好差评' }),
  'rp.dimension': '维度',
  'rp.bucket': '时间粒度',
  'rp.from': '从',
  'rp.to': '到',
  'rp.chartFigure': '图表指标',
  'rp.chart': '{report}图表',
  'rp.table': '{report}明细',
  'rp.none': '所选时段没有数据',
  'rp.loading': '正在统计…',
  'rp.closedThrough': '排队、窗口与办件数据截至已日终的 {day}；好差评为实时数据。',
  'rp.noClosedDay': '尚无已日终的营业日：排队、窗口与办件数据在日终后生成。',
  'rp.export.csv': '导出 CSV',
  'rp.export.xlsx': '导出 Excel',
  'rp.export.pdf': '导出 PDF',
  'rp.exporting': '正在导出…',
  'rp.exported': '已导出：{file}',
  'rp.exportFailed': '导出失败：{message}',
  'rp.mine.title': '我的工作量',
  'rp.mine.figure': '指标',
  'rp.mine.today': '今日',
  'rp.mine.month': '本月',
} as const;
