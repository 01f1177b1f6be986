import { rowSchemas, type Row, type TableName } from '../../shared/protocol';

/**
 * The part of a better-sqlite3 connection a read-only query may use: statements that read. There
 * is no run, exec, pragma or transaction here, so a query given a ReadonlyDb cannot write, by type
 * (and the query worker's connection is opened read-only besides). A full connection is one.
 */
export interface ReadonlyStatement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
export interface ReadonlyDb {
  prepare(sql: string): ReadonlyStatement;
}

const statements = new WeakMap<object, Map<string, unknown>>();

/** `text` prepared once per connection (the hub's own SQL, never a caller's). */
export function prepared<S>(db: { prepare(sql: string): S }, text: string): S {
  let byText = statements.get(db);
  if (!byText) statements.set(db, (byText = new Map()));
  let s = byText.get(text) as S | undefined;
  if (s === undefined) byText.set(text, (s = db.prepare(text)));
  return s;
}

/** Each replicated table's columns, in its row schema's order: what a row of it holds, read from the hub's database. */
export const replicatedColumns = Object.fromEntries(Object.entries(rowSchemas).map(([t, s]) => [t, Object.keys(s.shape)])) as Record<
  TableName,
  string[]
>;

/** The SQL reading `table`'s rows matching `where` (the hub's own SQL, never a caller's), in id order. */
export const rowsWhereSql = (table: TableName, where: string) =>
  `SELECT ${replicatedColumns[table].join(', ')} FROM ${table} WHERE ${where} ORDER BY id`;

/** `table`'s rows matching `where`, shaped as the Store's own reads shape them: for a query that runs what the hub would. */
export function rowsWhere<T extends TableName>(db: ReadonlyDb, table: T, where: string, ...params: unknown[]): Row<T>[] {
  return prepared(db, rowsWhereSql(table, where)).all(...params) as Row<T>[];
}
