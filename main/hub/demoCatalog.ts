import type { Row } from '../../shared/protocol';
import { withPinyin } from './features/catalog/pinyinKeys';

/**
 * The demo hall's service catalog: 60 items in 12 departments. Limits are in working days and
 * were chosen like the practice's catalog: statutory 23 on average, promised 13.4, 42% shorter.
 */

type Kind = Row<'catalog_items'>['kind'];
/** [department key, name, kind, statutory limit, promised limit (0 = 即办件), queue service prefix] */
const items: [string, string, Kind, number, number, string][] = [
  ['amr', '企业设立登记', 'licensing', 15, 10, 'A'],
  ['amr', '企业变更登记', 'licensing', 15, 10, 'A'],
  ['amr', '企业注销登记', 'licensing', 15, 10, 'A'],
  ['amr', '个体工商户设立登记', 'licensing', 15, 10, 'B'],
  ['amr', '食品经营许可', 'licensing', 20, 13, 'A'],
  ['amr', '药品零售企业许可', 'licensing', 25, 16, 'A'],
  ['amr', '食品生产许可', 'licensing', 20, 15, 'A'],
  ['amr', '特种设备使用登记', 'non_licensing', 15, 0, 'A'],
  ['hrss', '社会保险登记', 'non_licensing', 20, 0, 'C'],
  ['hrss', '失业保险金申领', 'public', 20, 13, 'C'],
  ['hrss', '劳务派遣经营许可', 'licensing', 20, 15, 'D'],
  ['hrss', '人力资源服务许可', 'licensing', 20, 15, 'D'],
  ['hrss', '就业创业证申领', 'public', 20, 13, 'D'],
  ['hrss', '职业技能等级证书补发', 'public', 20, 13, 'D'],
  ['psb', '户口迁移', 'licensing', 20, 13, 'E'],
  ['psb', '居民身份证换领', 'public', 60, 40, 'E'],
  ['psb', '出入境证件签发', 'licensing', 15, 10, 'F'],
  ['psb', '往来港澳通行证签注', 'licensing', 15, 10, 'F'],
  ['psb', '大型群众性活动安全许可', 'licensing', 20, 13, 'E'],
  ['re', '不动产首次登记', 'licensing', 30, 20, 'G'],
  ['re', '不动产转移登记', 'licensing', 30, 5, 'G'],
  ['re', '不动产抵押登记', 'licensing', 30, 3, 'G'],
  ['re', '不动产变更登记', 'licensing', 30, 20, 'G'],
  ['re', '不动产注销登记', 'non_licensing', 30, 3, 'G'],
  ['re', '不动产预告登记', 'non_licensing', 30, 20, 'G'],
  ['tax', '增值税专用发票最高开票限额审批', 'licensing', 20, 13, 'H'],
  ['tax', '税务登记', 'non_licensing', 20, 0, 'H'],
  ['tax', '纳税信用复评', 'public', 20, 15, 'H'],
  ['tax', '车辆购置税申报', 'public', 20, 0, 'H'],
  ['hpf', '住房公积金提取', 'public', 20, 13, 'J'],
  ['hpf', '住房公积金贷款', 'public', 30, 20, 'J'],
  ['hpf', '住房公积金缴存登记', 'public', 20, 13, 'J'],
  ['civ', '婚姻登记', 'licensing', 20, 0, 'K'],
  ['civ', '社会团体成立登记', 'licensing', 45, 30, 'K'],
  ['civ', '民办非企业单位成立登记', 'licensing', 45, 30, 'K'],
  ['civ', '殡葬服务机构设立许可', 'licensing', 30, 20, 'K'],
  ['tra', '道路货物运输经营许可', 'licensing', 20, 13, 'L'],
  ['tra', '道路旅客运输经营许可', 'licensing', 20, 15, 'L'],
  ['tra', '出租汽车经营许可', 'licensing', 20, 15, 'L'],
  ['tra', '超限运输车辆行驶公路许可', 'licensing', 20, 13, 'L'],
  ['tra', '占用挖掘公路许可', 'licensing', 20, 13, 'L'],
  ['mi', '医保参保登记', 'public', 20, 0, 'M'],
  ['mi', '异地就医备案', 'public', 20, 13, 'M'],
  ['mi', '医保定点医药机构申请', 'non_licensing', 45, 30, 'M'],
  ['hc', '建筑工程施工许可', 'licensing', 15, 10, 'N'],
  ['hc', '建筑业企业资质核准', 'licensing', 20, 15, 'N'],
  ['hc', '商品房预售许可', 'licensing', 20, 13, 'N'],
  ['hc', '房屋建筑工程竣工验收备案', 'non_licensing', 15, 10, 'N'],
  ['hc', '城镇污水排入排水管网许可', 'licensing', 20, 13, 'N'],
  ['hc', '燃气经营许可', 'licensing', 20, 15, 'N'],
  ['hc', '城市建筑垃圾处置核准', 'licensing', 20, 13, 'N'],
  ['hw', '医疗机构执业登记', 'licensing', 45, 30, 'P'],
  ['hw', '公共场所卫生许可', 'licensing', 20, 13, 'P'],
  ['hw', '放射诊疗许可', 'licensing', 20, 15, 'P'],
  ['hw', '医师执业注册', 'licensing', 20, 13, 'P'],
  ['hw', '护士执业注册', 'licensing', 20, 13, 'P'],
  ['hw', '母婴保健技术服务执业许可', 'licensing', 20, 15, 'P'],
  ['gen', '企业投资项目备案', 'non_licensing', 20, 13, 'Z'],
  ['gen', '再生资源回收经营者备案', 'non_licensing', 20, 13, 'Z'],
  ['gen', '户外广告设施设置许可', 'licensing', 20, 14, 'Z'],
];

const laws: Record<string, string> = {
  amr: '《中华人民共和国市场主体登记管理条例》《中华人民共和国食品安全法》',
  hrss: '《中华人民共和国社会保险法》《中华人民共和国就业促进法》',
  psb: '《中华人民共和国居民身份证法》《中华人民共和国户口登记条例》',
  re: '《不动产登记暂行条例》',
  tax: '《中华人民共和国税收征收管理法》',
  hpf: '《住房公积金管理条例》',
  civ: '《婚姻登记条例》《社会团体登记管理条例》',
  tra: '《中华人民共和国道路运输条例》《公路安全保护条例》',
  mi: '《医疗保障基金使用监督管理条例》',
  hc: '《中华人民共和国建筑法》《城镇排水与污水处理条例》',
  hw: '《医疗机构管理条例》《公共场所卫生管理条例》',
  gen: '《企业投资项目核准和备案管理条例》',
};

/** What people call some items when they come for them (the kiosk finds the item by these too). */
const keywords: Record<string, string> = {
  企业设立登记: '营业执照 开公司 注册公司',
  企业变更登记: '营业执照变更 公司变更',
  企业注销登记: '公司注销',
  个体工商户设立登记: '营业执照 个体户',
  社会保险登记: '社保',
  户口迁移: '迁户口 落户',
  居民身份证换领: '身份证 补办身份证',
  出入境证件签发: '护照 出国',
  往来港澳通行证签注: '港澳通行证',
  不动产首次登记: '房产证',
  不动产转移登记: '过户 房产证',
  税务登记: '报税',
  住房公积金提取: '取公积金',
  住房公积金贷款: '公积金贷款 房贷',
  婚姻登记: '结婚 离婚 结婚证',
  医保参保登记: '医保',
  异地就医备案: '医保异地',
};

/** Every item's materials start with these; the item adds its own. */
const common = ['申请书（表格可在窗口领取）', '申请人身份证明'];
/** The steps of the guide: an instant item ends at the window, a promised one is decided later. */
const steps = (promised: number) =>
  promised === 0
    ? ['取号排队', '到窗口提交材料', '当场审核办结', '领取结果']
    : ['取号排队', '到窗口提交材料', '窗口受理并出具受理通知书', `${promised}个工作日内审核决定`, '领取结果（可选邮寄）'];
const feeCents = (name: string) => (name.startsWith('不动产') && !name.includes('注销') && !name.includes('预告') ? 8000 : 0);

export function demoCatalog(hallId: string): Row<'catalog_items'>[] {
  return items.map(([dept, name, kind, statutory, promised, prefix], i) =>
    withPinyin({
      id: `${hallId}-item-${String(i + 1).padStart(3, '0')}`,
      hall_id: hallId,
      department_id: `${hallId}-d-${dept}`,
      code: `SX-${dept.toUpperCase()}-${String(i + 1).padStart(3, '0')}`,
      name,
      kind,
      mode: promised === 0 ? 'instant' : 'promised',
      statutory_limit: statutory,
      promised_limit: promised,
      limit_unit: 'working_days',
      fee_cents: feeCents(name),
      materials: JSON.stringify([...common, `${name}所需的证明文件`]),
      legal_basis: laws[dept]!,
      service_id: `${hallId}-s-${prefix}`,
      active: 1,
      keywords: keywords[name] ?? '',
      pinyin: '',
      steps: JSON.stringify(steps(promised)),
    }),
  );
}
