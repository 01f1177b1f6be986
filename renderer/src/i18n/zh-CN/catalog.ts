import { ITEM_KINDS, ITEM_MODES } from '../../../../shared/catalog/enums';
import { LIMIT_UNITS } from '../../../../shared/calendar/enums';
import { codeLabels } from '../labels';
import { NOTICE } from '../../../../shared/cases/notices';

export const catalog = {
  'cat.title': '事项目录',
  'cat.count': '共 {n} 项',
  'cat.add': '新增事项',
  'cat.file': '导入 CSV 或 XLSX',
  /** The headers are the sheet's own (CATALOG_COLUMNS). */
  'cat.columns': '列：{columns}、{optional}（可选）',
  'cat.report': '导入检查报告',
  'cat.ready': '{name}：{n} 个事项检查通过',
  'cat.problems': '{name} 有 {n} 处问题，改正后才能导入（不会只导入一部分）',
  'cat.row': '第 {n} 行',
  'cat.import': '导入 {n} 个事项',
  'cat.imported': '已导入：新增 {created} 项，更新 {updated} 项',
  'cat.list': '事项列表',
  'cat.code': '事项编码',
  'cat.kind': '类型',
  'cat.mode': '办件类型',
  'cat.unit': '时限单位',
  ...codeLabels('catalog.kind', ITEM_KINDS, { licensing: '许可', non_licensing: '非许可', public: '公共服务' }),
  ...codeLabels('catalog.mode', ITEM_MODES, { instant: '即办件', promised: '承诺件' }),
  ...codeLabels('limitUnit', LIMIT_UNITS, { working_days: '工作日', natural_days: '自然日', months: '月', years: '年' }),
  'cat.limits': '法定 → 承诺',
  'cat.statutory': '法定时限',
  'cat.promised': '承诺时限',
  'cat.fee': '收费',
  'cat.free': NOTICE.free,
  'cat.yuan': NOTICE.fee,
  'cat.feeYuan': '收费标准（元）',
  'cat.service': '对应叫号业务',
  'cat.materials': '申请材料（每行一项）',
  'cat.keywords': '关键词（群众常用叫法，取号机可搜索）',
  'cat.keywordsHint': '如：结婚 离婚（以空格或顿号分隔）',
  'cat.basis': '设定依据',
  'cat.active': '启用',
  'cat.edit': '编辑',
  'cat.editOne': '编辑“{name}”',
  'cat.editor': '事项信息',
  'cat.save': '保存',
};
