import { z } from 'zod';
import type { ReasonParams } from '../kernel/errors';
import type { Refusal } from '../kernel/refusal';
import { issueProblem, ruleRefusals, sheetProblem, sheetRefusals as s, type SheetProblem } from '../kernel/sheetProblem';
import { LimitUnit } from '../calendar/enums';
import { ItemKind, ItemMode } from './enums';

/**
 * The service catalog (事项目录) as it crosses a boundary: one item as the manager edits it, and
 * a spreadsheet (CSV or XLSX, read into rows of cells) as the hall imports it. The same checks
 * run in the manager's browser (an instant report) and at the hub (the authority).
 */

/**
 * The words a catalog spreadsheet uses for each code. They are the file's vocabulary (halls fill
 * these sheets in Chinese), not screen labels: the faces translate codes themselves.
 */
const SHEET_KIND_WORDS: Readonly<Record<ItemKind, string>> = { licensing: '许可', non_licensing: '非许可', public: '公共服务' };
const SHEET_MODE_WORDS: Readonly<Record<ItemMode, string>> = { instant: '即办件', promised: '承诺件' };
const SHEET_UNIT_WORDS: Readonly<Record<LimitUnit, string>> = { working_days: '工作日', natural_days: '自然日', months: '月', years: '年' };

export const CatalogItemInput = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{4,40}$/, ruleRefusals.itemCode.zh),
    name: z.string().trim().min(1).max(100),
    departmentId: z.string().min(1).max(64),
    kind: ItemKind,
    mode: ItemMode,
    statutoryLimit: z.number().int().min(0).max(720),
    promisedLimit: z.number().int().min(0).max(720),
    limitUnit: LimitUnit,
    feeCents: z.number().int().min(0).max(100_000_000),
    materials: z.array(z.string().trim().min(1).max(200)).min(1, ruleRefusals.materials.zh).max(60),
    legalBasis: z.string().trim().min(1).max(1000),
    serviceId: z.string().min(1).max(64).nullable(),
    active: z.boolean(),
    /** Other names people use for the item (结婚 for 婚姻登记), for the kiosk's search. */
    keywords: z.string().trim().max(200).optional(),
    /**
     * The steps of the service guide (办理流程), in order; none is allowed (the guide then omits
     * them). Absent: the item keeps the steps it has.
     */
    steps: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
  })
  .refine((i) => i.promisedLimit <= i.statutoryLimit, { message: ruleRefusals.promisedOverStatutory.zh, path: ['promisedLimit'] })
  .refine((i) => (i.mode === 'instant') === (i.promisedLimit === 0), {
    message: ruleRefusals.instantLimit.zh,
    path: ['mode'],
  });
export type CatalogItemInput = z.infer<typeof CatalogItemInput>;

/** The spreadsheet's columns, by header; order in the file is free. */
export const CATALOG_COLUMNS = {
  department: '部门',
  code: '事项编码',
  name: '事项名称',
  kind: '事项类型',
  mode: '办件类型',
  statutoryLimit: '法定时限',
  promisedLimit: '承诺时限',
  limitUnit: '时限单位',
  fee: '收费标准',
  materials: '申请材料',
  legalBasis: '设定依据',
  service: '叫号业务',
  keywords: '关键词',
  steps: '办理流程',
} as const;
export const OPTIONAL_COLUMNS: readonly string[] = [CATALOG_COLUMNS.service, CATALOG_COLUMNS.keywords, CATALOG_COLUMNS.steps];

/** A sheet cell or editor field of lines (materials, steps): split at line breaks and semicolons. */
export const splitLines = (cell: string): string[] =>
  cell
    .split(/[；;\n]+/)
    .map((m) => m.trim())
    .filter(Boolean);

/** A problem of the catalog sheet (kernel/sheetProblem). */
export type ImportProblem = SheetProblem;

export interface CatalogLookups {
  departmentByName: ReadonlyMap<string, string>;
  /** Queue services by name and by ticket prefix. */
  serviceByKey: ReadonlyMap<string, string>;
}

const fromLabel = <T extends string>(labels: Record<T, string>, cell: string): T | undefined =>
  (Object.keys(labels) as T[]).find((k) => labels[k] === cell || k === cell);

/** A fee cell: '0', '免费' or '不收费' is free; otherwise yuan with at most two decimals. */
function parseFee(cell: string): number | null {
  if (cell === '' || cell === '免费' || cell === '不收费') return 0;
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?\s*元?$/.exec(cell);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

const parseLimit = (cell: string): number | null => (/^\d{1,3}$/.test(cell) ? Number(cell) : null);

/**
 * Checks every row of a catalog sheet. Either all rows are good and come back as items, or the
 * report lists every problem of every bad row (so nothing is ever half imported).
 */
export function parseCatalogSheet(
  rows: readonly (readonly string[])[],
  lookups: CatalogLookups,
): { items: CatalogItemInput[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const header = (rows[0] ?? []).map((c) => c.trim());
  const index = new Map(header.map((h, i) => [h, i]));
  const missing = Object.values(CATALOG_COLUMNS).filter((c) => !index.has(c) && !OPTIONAL_COLUMNS.includes(c));
  if (missing.length)
    return {
      items: [],
      problems: [sheetProblem({ row: 1, column: missing.join('、') }, s.missingColumns, { columns: missing.join('、') })],
    };
  const body = rows
    .slice(1)
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (body.length === 0) return { items: [], problems: [sheetProblem({ row: 0, column: '' }, s.empty)] };

  const items: CatalogItemInput[] = [];
  const seenCodes = new Map<string, number>();
  for (const { cells, row } of body) {
    const cell = (c: string) => (cells[index.get(c) ?? -1] ?? '').trim();
    const bad = (column: string, r: Refusal, params?: ReasonParams) => problems.push(sheetProblem({ row, column }, r, params));
    const before = problems.length;

    const departmentId = lookups.departmentByName.get(cell(CATALOG_COLUMNS.department));
    if (!departmentId) bad(CATALOG_COLUMNS.department, s.unknown, { what: 'department', value: cell(CATALOG_COLUMNS.department) });
    const kind = fromLabel(SHEET_KIND_WORDS, cell(CATALOG_COLUMNS.kind));
    if (!kind) bad(CATALOG_COLUMNS.kind, s.oneOf, { words: Object.values(SHEET_KIND_WORDS).join('、') });
    const mode = fromLabel(SHEET_MODE_WORDS, cell(CATALOG_COLUMNS.mode));
    if (!mode) bad(CATALOG_COLUMNS.mode, s.oneOf, { words: Object.values(SHEET_MODE_WORDS).join('、') });
    const limitUnit =
      cell(CATALOG_COLUMNS.limitUnit) === '' ? 'working_days' : fromLabel(SHEET_UNIT_WORDS, cell(CATALOG_COLUMNS.limitUnit));
    if (!limitUnit) bad(CATALOG_COLUMNS.limitUnit, s.oneOf, { words: Object.values(SHEET_UNIT_WORDS).join('、') });
    const statutoryLimit = parseLimit(cell(CATALOG_COLUMNS.statutoryLimit));
    if (statutoryLimit === null) bad(CATALOG_COLUMNS.statutoryLimit, s.wholeNumber);
    const promisedLimit = parseLimit(cell(CATALOG_COLUMNS.promisedLimit));
    if (promisedLimit === null) bad(CATALOG_COLUMNS.promisedLimit, s.wholeNumber);
    const feeCents = parseFee(cell(CATALOG_COLUMNS.fee));
    if (feeCents === null) bad(CATALOG_COLUMNS.fee, s.fee);
    const serviceKey = cell(CATALOG_COLUMNS.service);
    const serviceId = serviceKey === '' ? null : lookups.serviceByKey.get(serviceKey);
    if (serviceId === undefined) bad(CATALOG_COLUMNS.service, s.unknown, { what: 'service', value: serviceKey });
    const code = cell(CATALOG_COLUMNS.code);
    const firstRow = seenCodes.get(code);
    if (firstRow !== undefined) bad(CATALOG_COLUMNS.code, s.duplicate, { what: 'itemCode', value: code, row: firstRow });
    else seenCodes.set(code, row);
    // The item's own rules run too, on stand-ins for cells already reported, so that the report
    // has every problem of the row; a column is reported once.
    const reported = new Set(problems.slice(before).map((p) => p.column));
    const parsed = CatalogItemInput.safeParse({
      code,
      name: cell(CATALOG_COLUMNS.name),
      departmentId: departmentId ?? '-',
      kind: kind ?? 'licensing',
      mode: mode ?? (promisedLimit === 0 ? 'instant' : 'promised'),
      statutoryLimit: statutoryLimit ?? 720,
      promisedLimit: promisedLimit ?? 0,
      limitUnit: limitUnit ?? 'working_days',
      feeCents: feeCents ?? 0,
      materials: splitLines(cell(CATALOG_COLUMNS.materials)),
      legalBasis: cell(CATALOG_COLUMNS.legalBasis),
      serviceId: serviceId ?? null,
      active: true,
      keywords: cell(CATALOG_COLUMNS.keywords),
      // A sheet without the column leaves the items' steps as they are (the hub keeps them).
      steps: index.has(CATALOG_COLUMNS.steps) ? splitLines(cell(CATALOG_COLUMNS.steps)) : undefined,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnOf(String(issue.path[0] ?? ''));
        if (!reported.has(column)) problems.push(issueProblem({ row, column }, issue));
        reported.add(column);
      }
    } else if (problems.length === before) items.push(parsed.data);
  }
  return problems.length ? { items: [], problems } : { items, problems };
}

/** The sheet column a field of CatalogItemInput comes from, for the report. */
function columnOf(field: string): string {
  const map: Record<string, string> = {
    ...CATALOG_COLUMNS,
    departmentId: CATALOG_COLUMNS.department,
    feeCents: CATALOG_COLUMNS.fee,
    serviceId: CATALOG_COLUMNS.service,
  };
  return map[field] ?? field;
}

/**
 * Splits CSV text (RFC 4180: quoted fields may hold commas, quotes and line breaks) into rows of
 * cells. A UTF-8 byte-order mark, as Excel writes it, is dropped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}
