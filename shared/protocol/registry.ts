import { z } from 'zod';
import { archiveCommandSpecs } from '../archive/commands';
import { archiveQuerySpecs } from '../archive/queries';
import { archiveTables } from '../archive/rows';
import { bookingCommandSpecs } from '../appointments/commands';
import { bookingQuerySpecs } from '../appointments/queries';
import { bookingTables } from '../appointments/rows';
import { forecastQuerySpecs } from '../forecast/queries';
import { backupQuerySpecs } from '../backup/queries';
import { backupCommandSpecs } from '../backup/commands';
import { calendarCommandSpecs } from '../calendar/commands';
import { calendarTables } from '../calendar/rows';
import { caseCommandSpecs } from '../cases/commands';
import { caseQuerySpecs } from '../cases/queries';
import { caseTables } from '../cases/rows';
import { catalogCommandSpecs } from '../catalog/commands';
import { catalogTables } from '../catalog/rows';
import { counterCommandSpecs } from '../counter/commands';
import { counterTables } from '../counter/rows';
import { complaintCommandSpecs } from '../complaints/commands';
import { complaintTables } from '../complaints/rows';
import { followupCommandSpecs } from '../followups/commands';
import { followupTables } from '../followups/rows';
import { hallCommandSpecs } from '../hall/commands';
import { hallQuerySpecs } from '../hall/queries';
import { hallTables } from '../hall/rows';
import { inquiryCommandSpecs } from '../inquiry/commands';
import { inquiryTables } from '../inquiry/rows';
import type { CommandSpec, QuerySpec } from '../kernel/command';
import { TERMINAL_ROLES, type TerminalRole } from '../kernel/roles';
import { columnsFor, type TableSpec } from '../kernel/table';
import { queueCommandSpecs } from '../queue/commands';
import { queueTables } from '../queue/rows';
import { ratingCommandSpecs } from '../ratings/commands';
import { ratingQuerySpecs } from '../ratings/queries';
import { ratingTables } from '../ratings/rows';
import { proxyCommandSpecs } from '../proxy/commands';
import { proxyTables } from '../proxy/rows';
import { regionDocCommandSpecs } from '../regiondocs/commands';
import { regionDocTables } from '../regiondocs/rows';
import { reportCommandSpecs } from '../reports/commands';
import { reportQuerySpecs } from '../reports/queries';
import { setupCommandSpecs } from '../setup/commands';
import { staffCommandSpecs } from '../staff/commands';
import { staffTables } from '../staff/rows';
import { terminalCommandSpecs } from '../terminals/commands';
import { terminalTables } from '../terminals/rows';
import { lightCommandSpecs, lightQuerySpecs } from './specs';
import { TABLE_NAMES } from './tableNames';

/**
 * The one place the features meet: every command, query and replicated table of the hall,
 * merged from the features' own lists. A new feature adds a line to each list it contributes to.
 * Two features claiming the same name is a programming error caught at load.
 */
function merged<const P extends readonly object[]>(kind: string, parts: P): P[number] extends infer U ? UnionToIntersection<U> : never {
  const out: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (Object.hasOwn(out, name)) throw new Error(`${kind} "${name}" is defined by two features`);
      out[name] = value;
    }
  }
  return out as never;
}
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export const commandSpecs = merged('command', [
  counterCommandSpecs,
  inquiryCommandSpecs,
  queueCommandSpecs,
  terminalCommandSpecs,
  staffCommandSpecs,
  hallCommandSpecs,
  caseCommandSpecs,
  catalogCommandSpecs,
  calendarCommandSpecs,
  setupCommandSpecs,
  ratingCommandSpecs,
  followupCommandSpecs,
  complaintCommandSpecs,
  archiveCommandSpecs,
  reportCommandSpecs,
  backupCommandSpecs,
  bookingCommandSpecs,
  regionDocCommandSpecs,
  proxyCommandSpecs,
] as const) satisfies Record<string, CommandSpec>;

export const querySpecs = merged('query', [
  caseQuerySpecs,
  hallQuerySpecs,
  ratingQuerySpecs,
  archiveQuerySpecs,
  forecastQuerySpecs,
  backupQuerySpecs,
  reportQuerySpecs,
  bookingQuerySpecs,
] as const) satisfies Record<string, QuerySpec>;

export const tableSpecs = merged('table', [
  hallTables,
  counterTables,
  staffTables,
  inquiryTables,
  terminalTables,
  queueTables,
  catalogTables,
  calendarTables,
  caseTables,
  ratingTables,
  complaintTables,
  followupTables,
  archiveTables,
  bookingTables,
  regionDocTables,
  proxyTables,
] as const) satisfies Record<string, TableSpec>;

/** The replicated tables: the rows a terminal may hold in its replica, keyed by the database's snake_case columns. */
export type TableName = keyof typeof tableSpecs;
export const TableName = z.enum(Object.keys(tableSpecs) as [TableName, ...TableName[]]);

// The light lists the lobby display checks with (tableNames, specs) must say what the registry says.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const tableNamesMatch: Same<TableName, (typeof TABLE_NAMES)[number]> = true;
if (TABLE_NAMES.length !== TableName.options.length || TableName.options.some((t) => !(TABLE_NAMES as readonly string[]).includes(t)))
  throw new Error(`protocol/tableNames.ts must list exactly the registry's tables: ${TableName.options.join(', ')}`);
for (const [kind, light, all] of [
  ['command', lightCommandSpecs, commandSpecs],
  ['query', lightQuerySpecs, querySpecs],
] as const)
  for (const [name, s] of Object.entries(light))
    if ((all as Record<string, unknown>)[name] !== s) throw new Error(`protocol/specs.ts: ${kind} "${name}" is not the registry's`);
export const rowSchemas = Object.fromEntries(Object.entries(tableSpecs as Record<string, TableSpec>).map(([name, t]) => [name, t.row])) as {
  [T in TableName]: (typeof tableSpecs)[T]['row'];
};
export type Row<T extends TableName> = z.infer<(typeof tableSpecs)[T]['row']>;
export type AnyRow = { id: string } & Record<string, unknown>;

export type CommandType = keyof typeof commandSpecs;
export const CommandType = z.enum(Object.keys(commandSpecs) as [CommandType, ...CommandType[]]);
export type CommandPayload<T extends CommandType> = z.infer<(typeof commandSpecs)[T]['payload']>;
export type CommandResult<T extends CommandType = CommandType> = z.infer<(typeof commandSpecs)[T]['result']>;
export const isCommandType = (t: string): t is CommandType => Object.hasOwn(commandSpecs, t);

export type QueryName = keyof typeof querySpecs;
export type QueryParams<Q extends QueryName> = z.input<(typeof querySpecs)[Q]['params']>;
export type QueryResult<Q extends QueryName> = z.infer<(typeof querySpecs)[Q]['result']>;
export const isQueryName = (n: string): n is QueryName => Object.hasOwn(querySpecs, n);

/** Per role, the columns of each table it may see (tables it may not see are absent). */
export const projections: Readonly<Record<TerminalRole, { readonly [T in TableName]?: readonly string[] }>> = Object.fromEntries(
  TERMINAL_ROLES.map((role) => [
    role,
    Object.fromEntries(
      Object.entries(tableSpecs as Record<string, TableSpec>).flatMap(([name, spec]) => {
        const cols = columnsFor(spec, role);
        return cols ? [[name, cols]] : [];
      }),
    ),
  ]),
) as never;

/** The row as `role` may see it, or null when the role may not see the table at all. */
export function projectRow(role: TerminalRole, table: TableName, row: AnyRow): AnyRow | null {
  const columns = projections[role][table];
  if (!columns) return null;
  const out: AnyRow = { id: row.id };
  for (const c of columns) out[c] = row[c];
  return out;
}
