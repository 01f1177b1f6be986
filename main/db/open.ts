import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  migrations: readonly string[];
  /** FULL on the hub (government records survive power loss); NORMAL is enough for a replica. */
  synchronous: 'FULL' | 'NORMAL';
}

/** Opens (creating if needed) a WAL database and brings it to the newest migration. */
export function openDatabase(file: string, opts: OpenOptions): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${opts.synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 0');
  migrate(db, opts.migrations);
  return db;
}

export function migrate(db: Db, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database schema ${current} is newer than this program (${migrations.length}); update ServiceHall`);
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
