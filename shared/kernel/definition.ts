/**
 * A figure or a signal defined once, in the two languages it is computed in: TypeScript on a row in
 * memory (a replica, a screen) and SQL on a table's columns (the hub's reports, over years of rows).
 * Both are written side by side here, and a parity test evaluates the SQL in SQLite against the
 * TypeScript on generated rows; nothing else computes the figure. The SQL builder does no I/O: it
 * returns an expression to put in a query.
 */
export interface Definition<R, A extends readonly unknown[], Out> {
  ts: (row: R, ...args: A) => Out;
  /**
   * The same as a SQL expression. `col` names a field as the query sees it (`c.status`, or plain
   * `status`); each argument is a SQL expression, usually a bound parameter (`@today`).
   */
  sql: (col: ColumnRef<keyof R & string>, ...args: { [K in keyof A]: string }) => string;
}

/** How a query names a row's fields. */
export type ColumnRef<F extends string> = (field: F) => string;

/** Fields as columns of the table aliased `alias` in the query, or unqualified. */
export const columns =
  <F extends string>(alias?: string): ColumnRef<F> =>
  (field) =>
    alias ? `${alias}.${field}` : field;
