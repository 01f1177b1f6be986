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
