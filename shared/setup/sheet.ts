import { z } from 'zod';
import { ruleRefusals, type SHEET_KEYS, type SHEET_THINGS, sheetProblem, sheetRefusals, type SheetProblem } from '../kernel/sheetProblem';
import { StaffRole } from '../kernel/roles';
import { text } from '../kernel/zod';
import { serviceLimits } from '../queue/commands';
import { PRIORITIES, Priority, WorkProfile } from '../queue/enums';
import { QueueSettingsSchema } from '../queue/settings';

/**
 * The hall's setup as one document: what the first-start wizard and the board build row by row,
 * and what a hall fills in as a workbook (one sheet per kind) and imports at once. Rows name each
 * other by their natural keys (department and zone by name, service by ticket prefix, counter by
 * number, staff by login), so a sheet reads like the hall's own lists; importing updates the rows
 * whose key exists and adds the rest. The demo hall is seeded from such a sheet.
 */

const prefix = z.string().regex(/^[A-Z]{1,2}$/, ruleRefusals.prefix.zh);
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, ruleRefusals.timeOfDay.zh);
export const staffLogin = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, ruleRefusals.login.zh);

/**
 * The 工号 applicants see on the window's evaluator: the hall's public staff number, never the
 * login (a login shown in public would let anyone lock its clerk out at the kiosk's staff
 * confirmation). Empty: the card shows none.
 */
export const StaffNo = z.string().trim().max(16);

export const HallIdentity = z.strictObject({
  name: text(60),
  code: z.string().regex(/^[A-Z0-9]{2,12}$/, ruleRefusals.hallCode.zh),
  utcOffsetMinutes: QueueSettingsSchema.shape.utcOffsetMinutes,
});
export type HallIdentity = z.infer<typeof HallIdentity>;

/** A service's own fields, whether a sheet row or the board's form defines it. */
export const serviceFields = {
  prefix,
  name: text(40),
  dailyCap: serviceLimits.dailyCap,
  maxWaitMin: serviceLimits.maxWaitMin,
  maxServiceMin: serviceLimits.maxServiceMin,
  ticketFrom: TimeOfDay.nullable(),
  ticketUntil: TimeOfDay.nullable(),
  priorities: z
    .array(Priority)
    .min(1, ruleRefusals.classes.zh)
    .refine((p) => new Set(p).size === p.length, ruleRefusals.repeated.zh),
};
export const hoursInOrder: [
  (s: { ticketFrom: string | null; ticketUntil: string | null }) => boolean,
  { message: string; path: string[] },
] = [
  (s) => s.ticketFrom === null || s.ticketUntil === null || s.ticketFrom < s.ticketUntil,
  { message: ruleRefusals.hoursOrder.zh, path: ['ticketUntil'] },
];

export const SheetService = z.strictObject({ ...serviceFields, department: text(40) }).refine(...hoursInOrder);
export type SheetService = z.infer<typeof SheetService>;

/** A counter's own fields, whether a sheet row or the board's form defines it. */
export const counterFields = {
  number: z.number().int().min(1).max(999),
  name: text(20),
  /** The zone's name, or '' for none. */
  zone: z.string().trim().max(20),
  profile: WorkProfile,
};

export const SheetCounter = z.strictObject({
  ...counterFields,
  services: z.array(prefix).min(1, ruleRefusals.counterServices.zh).max(30),
});
export type SheetCounter = z.infer<typeof SheetCounter>;

export const SheetStaff = z.strictObject({
  login: staffLogin,
  name: text(40),
  role: StaffRole,
  department: text(40).nullable(),
  displayName: text(40),
  /** The public 工号 (column 公示工号), empty when the sheet gives none. */
  staffNo: StaffNo.optional(),
});
export type SheetStaff = z.infer<typeof SheetStaff>;

export const HallSetupSheet = z.strictObject({
  hall: HallIdentity.nullable(),
  zones: z.array(text(20)).max(50),
  departments: z.array(text(40)).max(200),
  services: z.array(SheetService).max(200),
  counters: z.array(SheetCounter).max(500),
  staff: z.array(SheetStaff).max(2000),
});
export type HallSetupSheet = z.infer<typeof HallSetupSheet>;

/** What the hall already has, by natural key: rows a sheet may name without listing them. */
export interface SetupKnown {
  zones: ReadonlySet<string>;
  departments: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
}

/** A problem of the setup workbook (kernel/sheetProblem), with its sheet. */
export type SetupProblem = SheetProblem;

/** The workbook's sheet names: a hall's own vocabulary (they fill it in Chinese), not screen labels. */
export const SETUP_SHEETS = {
  hall: '大厅',
  zones: '区域',
  departments: '部门',
  services: '服务',
  counters: '窗口',
  staff: '人员',
} as const;

/**
 * Problems a valid-shaped sheet has across its rows: duplicate keys, and names of zones,
 * departments or services that neither the sheet nor the hall has. Empty when it can be imported.
 */
export function setupProblems(sheet: HallSetupSheet, known: SetupKnown): SetupProblem[] {
  const problems: SetupProblem[] = [];
  const unknown = (kind: keyof typeof SETUP_SHEETS, i: number, what: keyof typeof SHEET_THINGS, value: string) =>
    sheetProblem({ sheet: SETUP_SHEETS[kind], row: i + 2, column: '' }, sheetRefusals.unknown, { what, value });
  const zones = new Set([...known.zones, ...sheet.zones]);
  const departments = new Set([...known.departments, ...sheet.departments]);
  const prefixes = new Set([...known.prefixes, ...sheet.services.map((s) => s.prefix)]);
  const duplicates = <T>(
    kind: keyof typeof SETUP_SHEETS,
    rows: readonly T[],
    key: (r: T) => string | number,
    what: keyof typeof SHEET_KEYS,
  ) => {
    const first = new Map<string | number, number>();
    rows.forEach((r, i) => {
      const k = key(r);
      const seen = first.get(k);
      if (seen !== undefined)
        problems.push(
          sheetProblem({ sheet: SETUP_SHEETS[kind], row: i + 2, column: '' }, sheetRefusals.duplicate, { what, value: k, row: seen + 2 }),
        );
      else first.set(k, i);
    });
  };
  duplicates('zones', sheet.zones, (z) => z, 'zone');
  duplicates('departments', sheet.departments, (d) => d, 'department');
  duplicates('services', sheet.services, (s) => s.prefix, 'prefix');
  duplicates('counters', sheet.counters, (c) => c.number, 'counter');
  duplicates('staff', sheet.staff, (s) => s.login, 'login');
  sheet.services.forEach((s, i) => {
    if (!departments.has(s.department)) problems.push(unknown('services', i, 'department', s.department));
  });
  sheet.counters.forEach((c, i) => {
    if (c.zone !== '' && !zones.has(c.zone)) problems.push(unknown('counters', i, 'zone', c.zone));
    for (const p of c.services) if (!prefixes.has(p)) problems.push(unknown('counters', i, 'prefix', p));
    if (new Set(c.services).size !== c.services.length)
      problems.push(sheetProblem({ sheet: SETUP_SHEETS.counters, row: i + 2, column: '' }, ruleRefusals.repeated));
  });
  sheet.staff.forEach((s, i) => {
    if (s.department !== null && !departments.has(s.department)) problems.push(unknown('staff', i, 'department', s.department));
  });
  return problems;
}

/** Every priority class: what a new service takes unless the sheet says otherwise. */
export const ALL_PRIORITIES: readonly Priority[] = PRIORITIES;
