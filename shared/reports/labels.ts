import { PAUSE_REASON_CODES, PAUSE_REASONS } from '../counter/rules';
import { codeLabels, fill, prefixed, type Wording } from '../kernel/labels';
import { PACK_SECTIONS, REPORT_BUCKETS, REPORT_DIMENSIONS, REPORT_VIEWS } from './enums';

/**
 * The Chinese words of a report's tables (headers, names, time buckets, the pack's sections): the
 * board's zh-CN dictionary spreads them, and the hub writes the monthly pack with them, so that a
 * file the hub writes reads exactly as the screen.
 */
export const reportTableWords = {
  ...codeLabels('rp.view', REPORT_VIEWS, {
    custom: '自定义',
    arrivals: '每小时到达与开窗',
    clerks: '人员对比',
    trend: '按日趋势',
    pack: '月度报表汇编',
  }),
  ...codeLabels('rp.pack', PACK_SECTIONS, {
    hallQueue: '全厅 · 排队叫号',
    hallCounters: '全厅 · 窗口工时',
    hallCases: '全厅 · 办件',
    hallRatings: '全厅 · 好差评',
    departments: '各部门 · 排队叫号',
    counters: '各窗口 · 工时',
    staff: '各人员 · 排队叫号',
    staffTime: '各人员 · 工时',
    cases: '各部门 · 办件',
    ratings: '各部门 · 好差评',
  }),
  ...codeLabels('rp.dim', REPORT_DIMENSIONS, {
    hall: '全厅',
    department: '部门',
    service: '业务',
    counter: '窗口',
    staff: '人员',
    item: '事项',
  }),
  ...codeLabels('rp.bucket', REPORT_BUCKETS, {
    total: '整个时段',
    hour: '按小时',
    day: '按日',
    weekday: '按星期',
    week: '按周',
    month: '按月',
  }),
  'rp.hall': '全厅',
  'rp.unknown': '（未知）',
  'rp.hourLabel': '{hour}时',
  'rp.weekOf': '{day}起一周',
  'rp.weekday.0': '星期日',
  'rp.weekday.1': '星期一',
  'rp.weekday.2': '星期二',
  'rp.weekday.3': '星期三',
  'rp.weekday.4': '星期四',
  'rp.weekday.5': '星期五',
  'rp.weekday.6': '星期六',
  'rp.arrivals': '到达人数',
  'rp.counterHours': '开窗工时（窗口·小时）',
  'rp.printedAt': '制表时间：{at}',
  'rp.period': '统计时段：{from} 至 {to}',
  ...prefixed('rp.figure', {
    issued: '取号数',
    called: '叫号次数',
    finished: '办结数',
    transferred: '转移数',
    noShows: '过号数',
    noShowPct: '过号率(%)',
    avgWait: '平均等候(分)',
    serviceLevel: '服务水平(%)',
    avgWalk: '平均到窗(分)',
    avgService: '平均办理(分)',
    avgTotal: '平均总时长(分)',
    uncalled: '日终未叫',
    signedIn: '签到(时)',
    serving: '办理(时)',
    idle: '空闲(时)',
    idleWaiting: '有人等候时空闲(时)',
    paused: '暂停(时)',
    paused_other: '暂停·其他(时)',
    throughput: '每窗口小时办结',
    received: '收件',
    accepted: '受理',
    concluded: '办结',
    onTime: '按时办结',
    onTimePct: '按时率(%)',
    overdue: '超期办结',
    avgUsedDays: '平均用时(工作日)',
    avgPromisedDays: '平均承诺时限(工作日)',
    avgStatutoryDays: '平均法定时限(工作日)',
    supplementPct: '补正率(%)',
    yellow: '黄牌',
    red: '红牌',
    rated: '应评价',
    active: '主动评价',
    satisfactionPct: '满意率(%)',
    participationPct: '主动评价率(%)',
    bad: '差评',
    badPct: '差评率(%)',
    unrated: '未评价',
  }),
  ...prefixed(
    'rp.figure',
    Object.fromEntries(PAUSE_REASON_CODES.map((c) => [`paused_${c}`, `暂停·${PAUSE_REASONS[c]}(时)`])) as Record<
      `paused_${(typeof PAUSE_REASON_CODES)[number]}`,
      string
    >,
  ),
} as const;

/** The hub's wording of the report tables: Chinese, the hall's language. */
export const reportWordingZh: Wording = (key, vars) => fill((reportTableWords as Readonly<Record<string, string>>)[key] ?? key, vars);
