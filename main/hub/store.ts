import Database, { type Statement } from 'better-sqlite3';
import type { AnyRow, FeedEntry, Row, TableName } from '../../shared/protocol';
import type { Db } from '../db/open';
import { replicatedColumns, rowsWhereSql } from './readonlyDb';

/** A feed entry as stored: the full replicable row (before any role's projection). */
export type StoredEntry = FeedEntry;

/** Why the hub's writes fail, when its disk refuses them (full or failing), and since when. */
export interface StorageFault {
  message: string;
  since: number;
}

/**
 * What to tell people when SQLite says the disk is full (SQLITE_FULL) or failing (SQLITE_IOERR_*):
 * the write did not happen, the database is intact, and the same write may succeed once there is
 * room again. Null for any other error.
 */
export function storageFailure(e: unknown): string | null {
  if (!(e instanceof Database.SqliteError) || !(e.code === 'SQLITE_FULL' || e.code.startsWith('SQLITE_IOERR'))) return null;
  const what = e.code === 'SQLITE_FULL' ? '磁盘已满' : '磁盘读写出错';
  return `大厅服务器${what}，无法保存数据，操作未执行；请管理员清理或检查服务器磁盘（${e.code}）`;
}

/**
 * The hub's only way to change replicated tables. Every write goes through `upsert`/`patch`
 * inside `transaction`, which appends the change to the feed with the next seq. Because there
 * is one writer and a rolled-back transaction also rolls back its feed rows and its seq, the
 * feed stays gap-free.
 */
export class Store {
  private seq: number;
  private pending: StoredEntry[] | null = null;
  private readonly statements = new Map<string, Statement>();
  private readonly insertFeed: Statement;
  private readonly committed: ((entries: StoredEntry[]) => void)[] = [];
  private readonly sealers: ((startSeq: number, entries: StoredEntry[]) => void)[] = [];
  private fault: StorageFault | null = null;

  constructor(
    readonly db: Db,
    private readonly now: () => number,
    private readonly log: (msg: string) => void = () => {},
  ) {
    this.seq = (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM feed').get() as { s: number }).s;
    this.insertFeed = db.prepare('INSERT INTO feed (seq, at, tbl, row_id, op, data) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Calls `listener` after each commit, with its entries, whoever wrote them (a command, seeding, a tool). */
  onCommit(listener: (entries: StoredEntry[]) => void): void {
    this.committed.push(listener);
  }

  /**
   * Calls `seal` at the end of every transaction, inside it, with the seq before it and its entries:
   * what must be written with whatever the transaction wrote (the audit row vouching for it).
   */
  beforeCommit(seal: (startSeq: number, entries: StoredEntry[]) => void): void {
    this.sealers.push(seal);
  }

  get currentSeq(): number {
    return this.seq;
  }

  /** Set while the disk refuses the hub's writes (from the failed write until one succeeds). */
  get storageFault(): StorageFault | null {
    return this.fault;
  }

  /** Runs `fn` in one transaction; returns its result and the feed entries it committed. */
  transaction<R>(fn: () => R): { result: R; entries: StoredEntry[] } {
    if (this.pending) throw new Error('nested hub transaction');
    const startSeq = this.seq;
    const entries: StoredEntry[] = (this.pending = []);
    let result: R;
    try {
      result = this.write(
        this.db.transaction(() => {
          const r = fn();
          for (const seal of this.sealers) seal(startSeq, entries);
          return r;
        }),
      );
    } catch (e) {
      this.seq = startSeq;
      throw e;
    } finally {
      this.pending = null;
    }
    // Committed: what listeners do no longer decides the transaction.
    for (const listener of this.committed) listener(entries);
    return { result, entries };
  }

  /** Inserts or updates `row` (its replicated columns, plus `extra` columns that never replicate). */
  upsert<T extends TableName>(table: T, row: Row<T>, extra: Record<string, unknown> = {}): Row<T> {
    const cols = [...replicatedColumns[table], ...Object.keys(extra)];
    const values = { ...(row as Record<string, unknown>), ...extra };
    this.statement(`upsert:${table}:${cols.join(',')}`, () => {
      const updates = cols.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
      return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})
              ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`;
    }).run(values);
    this.append(table, row.id, row as AnyRow);
    return row;
  }

  /** Updates some columns of an existing row; returns the full new row. */
  patch<T extends TableName>(table: T, id: string, changes: Partial<Row<T>>): Row<T> {
    const cols = Object.keys(changes).filter((c) => c !== 'id');
    const info = this.statement(
      `patch:${table}:${cols.join(',')}`,
      () => `UPDATE ${table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
    ).run({
      ...changes,
      id,
    });
    if (info.changes !== 1) throw new Error(`${table} ${id} not found`);
    const row = this.get(table, id)!;
    this.append(table, id, row as AnyRow);
    return row;
  }

  get<T extends TableName>(table: T, id: string): Row<T> | undefined {
    return this.statement(`get:${table}`, () => `SELECT ${replicatedColumns[table].join(', ')} FROM ${table} WHERE id = ?`).get(id) as
      Row<T> | undefined;
  }

  all<T extends TableName>(table: T): Row<T>[] {
    return this.statement(
      `all:${table}`,
      () => `SELECT ${replicatedColumns[table].join(', ')} FROM ${table} ORDER BY id`,
    ).all() as Row<T>[];
  }

  /** Rows matching a WHERE clause (the hub's own SQL, never the caller's). */
  where<T extends TableName>(table: T, where: string, ...params: unknown[]): Row<T>[] {
    return this.statement(`where:${table}:${where}`, () => rowsWhereSql(table, where)).all(...params) as Row<T>[];
  }

  /** Feed entries after `since`, at most `limit`, in seq order. */
  entriesAfter(since: number, limit: number): StoredEntry[] {
    const rows = this.statement('feed:after', () => 'SELECT seq, tbl, op, row_id, data FROM feed WHERE seq > ? ORDER BY seq LIMIT ?').all(
      since,
      limit,
    ) as { seq: number; tbl: TableName; op: 'upsert' | 'delete'; row_id: string; data: string | null }[];
    return rows.map((r) => ({ seq: r.seq, table: r.tbl, op: r.op, id: r.row_id, row: r.data === null ? null : JSON.parse(r.data) }));
  }

  /** The oldest seq still in the feed (retention may have pruned older ones); 0 for an empty feed. */
  oldestSeq(): number {
    return (this.db.prepare('SELECT coalesce(min(seq), 0) AS s FROM feed').get() as { s: number }).s;
  }

  /**
   * Keeps the newest `keep` entries (at least one, so that max(seq) survives a restart). On a full
   * disk the feed keeps its older entries until a later prune: nothing is lost by waiting.
   */
  pruneFeed(keep: number): void {
    this.tryWrite(() => this.db.prepare('DELETE FROM feed WHERE seq <= ?').run(this.seq - Math.max(1, keep)));
  }

  /** Tries a small write while the disk refuses them, so that the fault clears without waiting for traffic. */
  probeStorage(): void {
    if (!this.fault) return;
    this.tryWrite(() =>
      this.db
        .prepare("INSERT INTO meta (key, value) VALUES ('storage_checked_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(String(this.now())),
    );
  }

  /** Runs a write, swallowing a storage failure (recorded in `storageFault`). */
  private tryWrite(fn: () => unknown): void {
    try {
      this.write(fn);
    } catch (e) {
      if (!storageFailure(e)) throw e;
    }
  }

  /** Runs a write and keeps `storageFault` up to date: set by a write the disk refused, cleared by one it took. */
  private write<R>(fn: () => R): R {
    let result: R;
    try {
      result = fn();
    } catch (e) {
      const message = storageFailure(e);
      if (message && !this.fault) this.log(`storage: ${message}`);
      if (message) this.fault = { message, since: this.fault?.since ?? this.now() };
      throw e;
    }
    if (this.fault) this.log('storage: writable again');
    this.fault = null;
    return result;
  }

  /**
   * Deletes a row. Records end by state (a ticket is finished, a person disabled); only what never
   * took part in the hall's work is deleted: a setup row entered by mistake, a service's counter link.
   */
  remove(table: TableName, id: string): void {
    const info = this.statement(`remove:${table}`, () => `DELETE FROM ${table} WHERE id = ?`).run(id);
    if (info.changes !== 1) throw new Error(`${table} ${id} not found`);
    this.append(table, id, null);
  }

  private append(table: TableName, id: string, row: AnyRow | null): void {
    if (!this.pending) throw new Error('hub writes must run inside Store.transaction');
    const seq = ++this.seq;
    const data = row && pick(row, replicatedColumns[table]);
    this.insertFeed.run(seq, this.now(), table, id, data ? 'upsert' : 'delete', data && JSON.stringify(data));
    this.pending.push({ seq, table, op: data ? 'upsert' : 'delete', id, row: data });
  }

  private statement(key: string, sql: () => string): Statement {
    let s = this.statements.get(key);
    if (!s) {
      s = this.db.prepare(sql());
      this.statements.set(key, s);
    }
    return s;
  }
}

function pick(row: AnyRow, cols: string[]): AnyRow {
  const out: AnyRow = { id: row.id };
  for (const c of cols) out[c] = row[c] ?? null;
  return out;
}
