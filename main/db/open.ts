import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

export interface OpenOptions {
  migrations: readonly string[];
  /** FULL on the hub (government records survive power loss); NORMAL is enough for a replica. */
  synchronous: 'FULL' | 'NORMAL';
  /**
   * Overwrite deleted content instead of leaving it in free pages: a terminal's replica deletes
   * outbox rows that held personal data, which must not stay readable in the file's bytes.
   */
  secureDelete?: boolean;
  /**
   * A folder where a copy of an existing database is put before a migration runs on it (the hub's
   * DATA/pre-migration): an upgrade that goes wrong can be undone with the copy.
   */
  backupBeforeMigrating?: string;
  /** Called on an existing database when migrations are about to run on it, with its version. */
  beforeMigrating?: (db: Db, version: number) => void;
  /** This connection's page cache in KiB (SQLITE_CACHE_KIB); better-sqlite3's build default, 16 MB, when absent. */
  cacheKib?: number;
}

/**
 * SQLite's own default page cache, 2 MB, for the hub's own connection. better-sqlite3 builds SQLite
 * with 16 MB (SQLITE_DEFAULT_CACHE_SIZE=-16000), which 20,000 changes read back by a catching-up
 * terminal fill, for pages the operating system's file cache holds too; a command touches a few
 * B-tree pages. The query worker keeps the 16 MB: a report reads the same pages again and again.
 */
export const SQLITE_CACHE_KIB = 2000;

/**
 * A data directory that only its owner can enter: it holds personal data, the audit key and
 * tokens. Made so when missing and put right when an older version left it open.
 */
export function ownerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/**
 * Opens (creating if needed) a WAL database, readable and writable by its owner only, and brings
 * it to the newest migration. SQLite gives the -wal and -shm files the database file's permissions.
 */
export function openDatabase(file: string, opts: OpenOptions): Db {
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
  const db = new Database(file);
  if (opts.secureDelete) db.pragma('secure_delete = ON');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${opts.synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 0');
  if (opts.cacheKib !== undefined) db.pragma(`cache_size = -${opts.cacheKib}`);
  const current = db.pragma('user_version', { simple: true }) as number;
  if (opts.backupBeforeMigrating && current > 0 && current < opts.migrations.length) {
    ownerOnlyDir(opts.backupBeforeMigrating);
    const copy = path.join(opts.backupBeforeMigrating, `hall-schema${current}-${new Date().toISOString().replace(/[-:.]/g, '')}.db`);
    // SQLite's own consistent copy (VACUUM INTO), whole in one file, before anything changes.
    db.prepare('VACUUM INTO ?').run(copy);
    chmodSync(copy, 0o600);
  }
  if (current > 0 && current < opts.migrations.length) opts.beforeMigrating?.(db, current);
  migrate(db, opts.migrations);
  return db;
}

/**
 * Brings `db` from its PRAGMA user_version (the number of migrations applied) to version `to`, the
 * newest unless a test stops earlier. Each migration runs in its own transaction with the version it
 * reaches, so a failing one leaves the database at the version before it.
 */
export function migrate(db: Db, migrations: readonly string[], to = migrations.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database schema ${current} is newer than this program (${migrations.length}); update ServiceHall`);
  }
  for (let v = current; v < to; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
