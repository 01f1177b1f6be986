import Database from 'better-sqlite3';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { hubMigrations } from '../../../main/db/migrations';
import { migrate } from '../../../main/db/open';
import { rowSchemas } from '../../../shared/protocol';

/**
 * An enum's `const` array in shared/ is the one list of its codes: the zod row schema is built from
 * it, and the column's CHECK in the hub's schema must allow exactly the same codes. A code added to
 * one side only (a new status the database refuses, or one it accepts that no screen knows) fails here.
 */
const db = new Database(':memory:');
migrate(db, hubMigrations);
const tableSql = (table: string) =>
  (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }).sql;

/** The codes a column's CHECK (col IN (…)) allows, or null when it has no such CHECK. */
function checkedCodes(table: string, column: string): string[] | null {
  const m = new RegExp(`\\b${column}\\b[^,]*?CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(tableSql(table));
  return m ? m[1]!.split(',').map((c) => c.trim().replace(/^'|'$/g, '')) : null;
}

/** The enum behind a column's schema (through nullable), or null for a column that is not an enum. */
function enumOptions(schema: z.ZodType): string[] | null {
  const inner = schema instanceof z.ZodNullable ? (schema.unwrap() as z.ZodType) : schema;
  return inner instanceof z.ZodEnum ? (inner.options as string[]) : null;
}

const enumColumns = Object.entries(rowSchemas).flatMap(([table, schema]) =>
  Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([column, s]) => {
    const options = enumOptions(s);
    return options ? [[`${table}.${column}`, table, column, options] as const] : [];
  }),
);

describe('enum codes and SQL CHECKs', () => {
  it('finds the enum columns', () => expect(enumColumns.length).toBeGreaterThanOrEqual(15));

  it.each(enumColumns)('%s: the CHECK allows exactly the enum’s codes', (_name, table, column, options) => {
    expect(checkedCodes(table, column)?.sort()).toEqual([...options].sort());
  });
});
