import { z } from 'zod';
import type { TerminalRole } from './roles';

/** Row ids are text, unique across halls; times are ms since the epoch. */
export const rowId = z.string().min(1).max(64);
export const ms = z.number().int();

/**
 * Who may replicate a table. Public terminals (kiosk, display, evaluator) stand where anyone can
 * read them; staff terminals (clerk, manager) serve the hall's staff; some tables are the managers'
 * alone. The most specific audience a role belongs to decides its columns.
 */
const AUDIENCES = {
  manager: ['manager'],
  staff: ['clerk', 'manager'],
  /**
   * The window's evaluator with the managers: what the applicant is asked to rate, never who they
   * are. A table that clerks see too names `staff` as well (it comes first for them).
   */
  rater: ['evaluator', 'manager'],
  public: ['kiosk', 'display', 'evaluator', 'clerk', 'manager'],
  /**
   * The regional server, for the supervisors above the hall: the hall's work and who did it, never
   * an applicant's name, ID number, phone or papers.
   */
  region: ['region'],
} as const satisfies Record<string, readonly TerminalRole[]>;
type Audience = keyof typeof AUDIENCES;

export type Columns<O extends z.ZodObject> = 'all' | readonly (keyof z.infer<O> & string)[];
export type Visibility<O extends z.ZodObject> = { readonly [A in Audience]?: Columns<O> };

export interface TableSpec<O extends z.ZodObject = z.ZodObject> {
  row: O;
  visible: Visibility<O>;
}
/** A replicated row of the table `spec` describes. */
export type RowOf<S extends TableSpec> = z.infer<S['row']>;

export const table = <O extends z.ZodObject>(row: O, visible: Visibility<O>): TableSpec<O> => ({ row, visible });

/** Every column of `row` but those named: for an audience that sees a table without its personal data. */
export const allBut = <O extends z.ZodObject>(
  row: O,
  hidden: readonly (keyof z.infer<O> & string)[],
): readonly (keyof z.infer<O> & string)[] => Object.keys(row.shape).filter((c) => !hidden.includes(c as never)) as never;

/** The columns of `spec` that `role` may see, or null when the table is not for it at all. */
export function columnsFor(spec: TableSpec, role: TerminalRole): readonly string[] | null {
  for (const audience of Object.keys(AUDIENCES) as Audience[]) {
    const cols = spec.visible[audience];
    if (cols && (AUDIENCES[audience] as readonly TerminalRole[]).includes(role)) return cols === 'all' ? Object.keys(spec.row.shape) : cols;
  }
  return null;
}
