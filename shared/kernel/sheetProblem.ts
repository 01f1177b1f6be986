import { ErrorCode, type ReasonParams } from './errors';
import { defineRefusals, refusalMessage, type Refusal } from './refusal';

/**
 * What is wrong with a cell of a spreadsheet a hall imports (the catalog, the hall's setup), said
 * once for every language: a reason key and its values, as refusals are. The Chinese message is
 * kept for the hub's logs; faces word the reason in their reader's language. The column is the
 * sheet's own header, in the sheet's language (the hall fills the sheet in Chinese).
 */
export interface SheetProblem {
  /** The workbook's sheet, when the file has several. */
  sheet?: string;
  /** The sheet's row (the header is row 1); 0 for the file as a whole. */
  row: number;
  column: string;
  reason: string;
  params?: ReasonParams;
  message: string;
}

/** Rules a field keeps wherever it is typed (a sheet's cell, the board's form), worded once; zod schemas use `.zh` as their message. */
export const ruleRefusals = defineRefusals('rule', {
  itemCode: { code: ErrorCode.VALIDATION_FAILED, zh: '事项编码应为 4–40 位字母、数字或连字符' },
  materials: { code: ErrorCode.VALIDATION_FAILED, zh: '至少列出一项申请材料' },
  promisedOverStatutory: { code: ErrorCode.VALIDATION_FAILED, zh: '承诺时限不能长于法定时限' },
  instantLimit: { code: ErrorCode.VALIDATION_FAILED, zh: '即办件的承诺时限为 0（当场办结）；承诺件至少 1' },
  prefix: { code: ErrorCode.VALIDATION_FAILED, zh: '号码前缀为 1–2 个大写字母' },
  timeOfDay: { code: ErrorCode.VALIDATION_FAILED, zh: '时间应为 HH:MM，如 08:30' },
  hoursOrder: { code: ErrorCode.VALIDATION_FAILED, zh: '取号开始时间应早于结束时间' },
  classes: { code: ErrorCode.VALIDATION_FAILED, zh: '至少允许一种取号类别' },
  counterServices: { code: ErrorCode.VALIDATION_FAILED, zh: '窗口至少办理一项服务' },
  repeated: { code: ErrorCode.VALIDATION_FAILED, zh: '有重复的项' },
  hallCode: { code: ErrorCode.VALIDATION_FAILED, zh: '大厅编码为 2–12 位大写字母或数字' },
  login: { code: ErrorCode.VALIDATION_FAILED, zh: '工号为 2–32 位字母、数字或 _.-' },
  photo: { code: ErrorCode.VALIDATION_FAILED, zh: '照片应为 JPEG、PNG 或 WebP 图片，不超过 96 KB' },
});

/** What a sheet may name that the hall does not have (`{what}`); the faces label them `sheetThing.<code>`. */
export const SHEET_THINGS = { department: '部门', service: '叫号业务', zone: '区域', prefix: '服务前缀' } as const;
/** What a sheet may list twice (`{what}`); the faces label them `sheetKey.<code>`. */
export const SHEET_KEYS = {
  itemCode: '事项编码',
  zone: '区域',
  department: '部门',
  prefix: '号码前缀',
  counter: '窗口号',
  login: '工号',
} as const;

export const sheetRefusals = defineRefusals('sheet', {
  unreadable: { code: ErrorCode.IMPORT_INVALID, zh: '无法读取文件：{detail}' },
  missingColumns: { code: ErrorCode.IMPORT_INVALID, zh: '缺少列：{columns}' },
  empty: { code: ErrorCode.IMPORT_INVALID, zh: '文件中没有内容' },
  unknown: { code: ErrorCode.IMPORT_INVALID, zh: '未知{what}“{value}”', labels: { what: { prefix: 'sheetThing', zh: SHEET_THINGS } } },
  oneOf: { code: ErrorCode.IMPORT_INVALID, zh: '应为 {words}' },
  wholeNumber: { code: ErrorCode.IMPORT_INVALID, zh: '应为 0–999 的整数' },
  fee: { code: ErrorCode.IMPORT_INVALID, zh: '应为金额（元，最多两位小数）或“不收费”' },
  duplicate: {
    code: ErrorCode.IMPORT_INVALID,
    zh: '{what}“{value}”与第 {row} 行重复',
    labels: { what: { prefix: 'sheetKey', zh: SHEET_KEYS } },
  },
  required: { code: ErrorCode.IMPORT_INVALID, zh: '不能为空' },
  tooLong: { code: ErrorCode.IMPORT_INVALID, zh: '不能超过 {max} 个字' },
  outOfRange: { code: ErrorCode.IMPORT_INVALID, zh: '超出允许的范围' },
  format: { code: ErrorCode.IMPORT_INVALID, zh: '格式不对' },
  /** The hub's refusal of a whole file (the page checked it first and listed each problem). */
  file: { code: ErrorCode.IMPORT_INVALID, zh: '文件有 {n} 处问题，未导入（第一处：{first}）' },
});

const RULE_BY_MESSAGE: ReadonlyMap<string, Refusal> = new Map(Object.values(ruleRefusals).map((r: Refusal) => [r.zh, r]));

/** A problem of a cell, from its refusal and values. */
export function sheetProblem(where: { sheet?: string; row: number; column: string }, r: Refusal, params?: ReasonParams): SheetProblem {
  return { ...where, reason: r.reason, ...(params && { params }), message: refusalMessage(r, params) };
}

/** Where a problem is, in the sheet's words: its sheet, row and column (for the hub's log and messages). */
export const sheetPlace = (p: Pick<SheetProblem, 'sheet' | 'row' | 'column'>): string =>
  [p.sheet, p.row ? `第 ${p.row} 行` : '', p.column].filter(Boolean).join(' ');

/** What a zod issue about a cell says: a rule the schema names by its message, or the kind of problem. */
export function issueProblem(
  where: { sheet?: string; row: number; column: string },
  issue: { code: string; message: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint },
): SheetProblem {
  const rule = RULE_BY_MESSAGE.get(issue.message);
  if (rule) return sheetProblem(where, rule);
  const s = sheetRefusals;
  if (issue.code === 'too_small' && (issue.origin === 'string' || issue.origin === 'array') && Number(issue.minimum) === 1)
    return sheetProblem(where, s.required);
  if (issue.code === 'too_big' && issue.origin === 'string') return sheetProblem(where, s.tooLong, { max: Number(issue.maximum) });
  if (issue.code === 'too_small' || issue.code === 'too_big') return sheetProblem(where, s.outOfRange);
  return sheetProblem(where, s.format);
}
