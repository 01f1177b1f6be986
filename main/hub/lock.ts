import Database from 'better-sqlite3';
import path from 'node:path';

/**
 * One hub per data directory. The lock is an exclusive SQLite lock held for the hub's life on a
 * small file beside the database: the OS releases it when the process dies, even by SIGKILL, so
 * a crashed hub never leaves a stale lock behind, while the hall database stays readable.
 */
export class DataDirLock {
  private constructor(private readonly db: Database.Database) {}

  static acquire(dataDir: string): DataDirLock {
    const db = new Database(path.join(dataDir, 'hub.lock'), { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER)');
      db.exec('COMMIT');
    } catch (e) {
      db.close();
      if ((e as { code?: string }).code === 'SQLITE_BUSY') {
        throw new Error(`HUB_ALREADY_RUNNING: another hub is using ${dataDir}`);
      }
      throw e;
    }
    return new DataDirLock(db);
  }

  release(): void {
    if (this.db.open) this.db.close();
  }
}
