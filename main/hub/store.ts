import type { Statement } from 'better-sqlite3';
import { rowSchemas, type AnyRow, type FeedEntry, type Row, type TableName } from '../../shared/protocol';
import type { Db } from '../db/open';

/** A feed entry as stored: the full replicable row (before any role's projection). */
export type StoredEntry = FeedEntry;

const replicatedColumns = Object.fromEntries(Object.entries(rowSchemas).map(([t, s]) => [t, Object.keys(s.shape)])) as Record<
  TableName,
  string[]
>;

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

  constructor(
    readonly db: Db,
    private readonly now: () => number,
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

  /** Runs `fn` in one transaction; returns its result and the feed entries it committed. */
  transaction<R>(fn: () => R): { result: R; entries: StoredEntry[] } {
    if (this.pending) throw new Error('nested hub transaction');
    const startSeq = this.seq;
    const entries: StoredEntry[] = (this.pending = []);
    let result: R;
    try {
      result = this.db.transaction(() => {
        const r = fn();
        for (const seal of this.sealers) seal(startSeq, entries);
        return r;
      })();
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
    return this.statement(
      `where:${table}:${where}`,
      () => `SELECT ${replicatedColumns[table].join(', ')} FROM ${table} WHERE ${where} ORDER BY id`,
    ).all(...params) as Row<T>[];
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

  /** Keeps the newest `keep` entries (at least one, so that max(seq) survives a restart). */
  pruneFeed(keep: number): number {
    return this.db.prepare('DELETE FROM feed WHERE seq <= ?').run(this.seq - Math.max(1, keep)).changes;
  }

  /** The hub never deletes replicated rows (records end by state); the feed's 'delete' op is for later. */
  private append(table: TableName, id: string, row: AnyRow): void {
    if (!this.pending) throw new Error('hub writes must run inside Store.transaction');
    const seq = ++this.seq;
    const data = pick(row, replicatedColumns[table]);
    this.insertFeed.run(seq, this.now(), table, id, 'upsert', JSON.stringify(data));
    this.pending.push({ seq, table, op: 'upsert', id, row: data });
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
