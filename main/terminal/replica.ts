import type { Statement } from 'better-sqlite3';
import type { AnyRow, FeedBatch, ReplicaSink, Row, Snapshot, TableName } from '../../shared/protocol';
import type { Db } from '../db/open';

/**
 * The terminal's local copy of its role's projection, as JSON rows by table. Each batch or
 * snapshot is applied with its cursor in one transaction, so after a crash the replica is
 * exactly at some seq and resumes from there.
 */
export class SqliteReplica implements ReplicaSink {
  private readonly put: Statement;
  private readonly del: Statement;
  private readonly setMeta: Statement;
  private readonly getRow: Statement;
  private seq: number;
  private epoch: string | null;

  constructor(private readonly db: Db) {
    this.put = db.prepare('INSERT OR REPLACE INTO rows (tbl, id, data) VALUES (?, ?, ?)');
    this.del = db.prepare('DELETE FROM rows WHERE tbl = ? AND id = ?');
    this.getRow = db.prepare('SELECT data FROM rows WHERE tbl = ? AND id = ?');
    this.setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    const meta = new Map(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
    );
    this.seq = Number(meta.get('seq') ?? 0);
    this.epoch = meta.get('epoch') ?? null;
  }

  cursor() {
    return { seq: this.seq, epoch: this.epoch };
  }

  reset(epoch: string): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM rows');
      this.setMeta.run('seq', '0');
      this.setMeta.run('epoch', epoch);
    })();
    this.seq = 0;
    this.epoch = epoch;
  }

  applySnapshot(s: Snapshot): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM rows');
      for (const [table, rows] of Object.entries(s.tables)) {
        for (const row of rows as AnyRow[]) this.put.run(table, row.id, JSON.stringify(row));
      }
      this.setMeta.run('seq', String(s.seq));
    })();
    this.seq = s.seq;
  }

  applyBatch(b: FeedBatch): boolean {
    if (b.from > this.seq + 1) return false;
    if (b.to <= this.seq) return true;
    this.db.transaction(() => {
      for (const e of b.entries) {
        if (e.seq <= this.seq) continue;
        if (e.op === 'delete' || e.row === null) this.del.run(e.table, e.id);
        else this.put.run(e.table, e.id, JSON.stringify(e.row));
      }
      this.setMeta.run('seq', String(b.to));
    })();
    this.seq = b.to;
    return true;
  }

  row<T extends TableName>(table: T, id: string): Row<T> | undefined {
    const r = this.getRow.get(table, id) as { data: string } | undefined;
    return r && (JSON.parse(r.data) as Row<T>);
  }

  /** The whole replica, for a renderer that starts watching. */
  snapshot(): Snapshot {
    const tables: Record<string, AnyRow[]> = {};
    for (const r of this.db.prepare('SELECT tbl, data FROM rows ORDER BY tbl, id').all() as { tbl: TableName; data: string }[]) {
      (tables[r.tbl] ??= []).push(JSON.parse(r.data) as AnyRow);
    }
    return { seq: this.seq, tables };
  }
}
