import type { StaffRole } from '../kernel/roles';
import type { Priority, WorkProfile } from '../queue/enums';
import { issueProblem, sheetProblem, sheetRefusals } from '../kernel/sheetProblem';
import { HallSetupSheet, SETUP_SHEETS, type SetupProblem } from './sheet';

/**
 * A setup workbook (one sheet per kind, named as SETUP_SHEETS, a header row then one row per
 * entry) read into a HallSetupSheet. Cells are the hall's words, in Chinese as a hall fills them;
 * the codes behind them are the product's. Every problem of every row is reported, with its
 * sheet and row, and no sheet comes back unless there are none.
 */

/** The columns of each sheet, by header; a sheet may order them as it likes. */
export const SETUP_COLUMNS = {
  hall: { name: '名称', code: '编码', utcOffset: '时区（UTC+小时）' },
  zones: { name: '名称' },
  departments: { name: '名称' },
  services: {
    prefix: '前缀',
    name: '名称',
    department: '部门',
    dailyCap: '每日限额',
    ticketFrom: '取号开始',
    ticketUntil: '取号结束',
    maxWaitMin: '最长等候（分钟）',
    maxServiceMin: '最长办理（分钟）',
    priorities: '取号类别',
  },
  counters: { number: '窗口号', name: '名称', zone: '区域', profile: '叫号方式', services: '服务前缀' },
  staff: { login: '工号', name: '姓名', role: '角色', department: '部门', displayName: '对外显示名', staffNo: '公示工号' },
} as const;

const PRIORITY_WORDS: Readonly<Record<Priority, string>> = {
  normal: '普通',
  green: '绿色通道',
  major: '大项目直通车',
  appointment: '预约',
};
const PROFILE_WORDS: Readonly<Record<WorkProfile, string>> = { ordered: '按服务顺序', longest_wait: '等候最久优先' };
const ROLE_WORDS: Readonly<Record<StaffRole, string>> = { clerk: '窗口人员', manager: '大厅管理员', admin: '系统管理员' };

const codeOf = <T extends string>(words: Readonly<Record<T, string>>, cell: string): T | string =>
  (Object.keys(words) as T[]).find((k) => words[k] === cell || k === cell) ?? cell;
/** A list cell: items separated by 、 , ， ; or spaces. */
const listOf = (cell: string): string[] => cell.split(/[、,，;；\s]+/).filter((s) => s !== '');
/** A number cell, or the cell itself (for the schema to refuse) when it is not one. */
const numberOf = (cell: string): number | string => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell);
/** Times as typed ("8:30") or as a spreadsheet stores them (a fraction of a day). */
function timeOf(cell: string): string | null {
  if (cell === '') return null;
  const fraction = /^0?\.\d+$/.test(cell) ? Math.round(Number(cell) * 1440) : null;
  if (fraction !== null) return `${String(Math.floor(fraction / 60)).padStart(2, '0')}:${String(fraction % 60).padStart(2, '0')}`;
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(cell);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : cell;
}

type Kind = keyof typeof SETUP_COLUMNS;
type Cells = readonly (readonly string[])[];

export function sheetFromWorkbook(book: Readonly<Record<string, Cells>>): { sheet: HallSetupSheet | null; problems: SetupProblem[] } {
  const problems: SetupProblem[] = [];
  /** Each row of a sheet as a record by column key, with its row number; missing columns reported once. */
  function rowsOf<K extends Kind>(kind: K): { row: number; cell: (c: keyof (typeof SETUP_COLUMNS)[K]) => string }[] {
    const cells = book[SETUP_SHEETS[kind]];
    if (!cells) return [];
    const columns = SETUP_COLUMNS[kind] as Record<string, string>;
    const header = (cells[0] ?? []).map((c) => c.trim());
    const missing = Object.values(columns).filter((h) => !header.includes(h));
    if (missing.length > 0) {
      const columns = missing.join('、');
      problems.push(sheetProblem({ sheet: SETUP_SHEETS[kind], row: 1, column: columns }, sheetRefusals.missingColumns, { columns }));
      return [];
    }
    return cells
      .slice(1)
      .map((r, i) => ({ r, row: i + 2 }))
      .filter(({ r }) => r.some((c) => c.trim() !== ''))
      .map(({ r, row }) => ({ row, cell: (c) => (r[header.indexOf(columns[c as string]!)] ?? '').trim() }));
  }
  const hallRows = rowsOf('hall');
  const zones = rowsOf('zones');
  const departments = rowsOf('departments');
  const services = rowsOf('services');
  const counters = rowsOf('counters');
  const staff = rowsOf('staff');
  const hall = hallRows[0];
  const draft = {
    hall: hall ? { name: hall.cell('name'), code: hall.cell('code'), utcOffsetMinutes: Number(hall.cell('utcOffset') || 8) * 60 } : null,
    zones: zones.map((z) => z.cell('name')),
    departments: departments.map((d) => d.cell('name')),
    services: services.map((s) => ({
      prefix: s.cell('prefix'),
      name: s.cell('name'),
      department: s.cell('department'),
      dailyCap: s.cell('dailyCap') === '' ? null : numberOf(s.cell('dailyCap')),
      ticketFrom: timeOf(s.cell('ticketFrom')),
      ticketUntil: timeOf(s.cell('ticketUntil')),
      maxWaitMin: numberOf(s.cell('maxWaitMin') || '30'),
      maxServiceMin: numberOf(s.cell('maxServiceMin') || '20'),
      priorities: s.cell('priorities') === '' ? ['normal'] : listOf(s.cell('priorities')).map((w) => codeOf(PRIORITY_WORDS, w)),
    })),
    counters: counters.map((c) => ({
      number: numberOf(c.cell('number')),
      name: c.cell('name') || `${c.cell('number')}号窗口`,
      zone: c.cell('zone'),
      profile: c.cell('profile') === '' ? 'ordered' : codeOf(PROFILE_WORDS, c.cell('profile')),
      services: listOf(c.cell('services')),
    })),
    staff: staff.map((s) => ({
      login: s.cell('login'),
      name: s.cell('name'),
      role: codeOf(ROLE_WORDS, s.cell('role') || '窗口人员'),
      department: s.cell('department') || null,
      displayName: s.cell('displayName') || s.cell('name'),
      // An empty cell (or no such column) keeps the number the hall has; a sheet never clears it.
      staffNo: s.cell('staffNo') || undefined,
    })),
  };
  const rowNumbers: Record<string, { row: number }[]> = { hall: hallRows, zones, departments, services, counters, staff };
  const parsed = HallSetupSheet.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [kind, index, field] = issue.path as [Kind, number | string | undefined, string | undefined];
      const row = typeof index === 'number' ? (rowNumbers[kind]?.[index]?.row ?? 0) : kind === 'hall' ? 2 : 0;
      const column = field ?? (typeof index === 'string' ? index : undefined);
      const header = column ? (SETUP_COLUMNS[kind] as Record<string, string>)[column] : undefined;
      problems.push(issueProblem({ sheet: SETUP_SHEETS[kind], row, column: header ?? '' }, issue));
    }
  }
  return problems.length > 0 || !parsed.success ? { sheet: null, problems } : { sheet: parsed.data, problems };
}
