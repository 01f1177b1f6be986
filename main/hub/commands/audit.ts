import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../../db/durableFile';
import type { Db } from '../../db/open';

/**
 * The audit log is append-only and tamper-evident: each row carries an HMAC of its content and of
 * the previous row's hash. The key lives in the data dir, outside the database, so a row edited,
 * inserted or deleted with SQLite access alone breaks the chain where it happened. Each audit row
 * also belongs to one applied op, so cutting rows off the end shows too.
 */
export const GENESIS = '0'.repeat(64);

export interface AuditRow {
  id: number;
  at: number;
  terminal_id: string;
  staff_id: string | null;
  op_id: string;
  type: string;
  outcome: string;
  detail: string;
  seq_from: number | null;
  seq_to: number | null;
  prev_hash: string;
  hash: string;
}

export function loadAuditKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'audit.key');
  // Losing this key would make the whole audit chain unverifiable: written durably, once.
  if (!existsSync(file)) writeFileDurably(file, randomBytes(32).toString('hex'), 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

export function auditHash(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  const content = [
    row.id,
    row.at,
    row.terminal_id,
    row.staff_id,
    row.op_id,
    row.type,
    row.outcome,
    row.detail,
    row.seq_from,
    row.seq_to,
    row.prev_hash,
  ];
  return createHmac('sha256', key).update(JSON.stringify(content)).digest('hex');
}

/** Appends one row, chained to the last; call inside the command's transaction. */
export function appendAudit(db: Db, key: Buffer, row: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): void {
  const last = db.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const full = { ...row, id: (last?.id ?? 0) + 1, prev_hash: last?.hash ?? GENESIS };
  db.prepare(
    `INSERT INTO audit (id, at, terminal_id, staff_id, op_id, type, outcome, detail, seq_from, seq_to, prev_hash, hash)
     VALUES (@id, @at, @terminal_id, @staff_id, @op_id, @type, @outcome, @detail, @seq_from, @seq_to, @prev_hash, @hash)`,
  ).run({ ...full, hash: auditHash(key, full) });
}

export interface AuditProblem {
  kind: 'edited' | 'inserted' | 'deleted';
  /** The audit row id where the chain breaks (for 'deleted': the first row after the gap). */
  at: number;
  message: string;
}

export interface AuditReport {
  ok: boolean;
  rows: number;
  problems: AuditProblem[];
}

export function verifyAudit(db: Db, key: Buffer): AuditReport {
  const problems: AuditProblem[] = [];
  const rows = db.prepare('SELECT * FROM audit ORDER BY id').all() as AuditRow[];
  const executed = db.prepare('SELECT 1 FROM applied_ops WHERE op_id = ?');
  let prev: AuditRow | undefined;
  for (const row of rows) {
    const expectedPrev = prev?.hash ?? GENESIS;
    const intact = auditHash(key, row) === row.hash;
    const gap = row.id !== (prev?.id ?? 0) + 1;
    if (gap && row.prev_hash !== expectedPrev) {
      problems.push({ kind: 'deleted', at: row.id, message: `第 ${(prev?.id ?? 0) + 1}–${row.id - 1} 条审计记录被删除` });
    } else if (!executed.get(row.op_id)) {
      problems.push({ kind: 'inserted', at: row.id, message: `第 ${row.id} 条审计记录不属于审计链（插入或伪造）` });
    } else if (!intact && row.prev_hash === expectedPrev) {
      problems.push({ kind: 'edited', at: row.id, message: `第 ${row.id} 条审计记录被修改` });
    } else if (!intact || row.prev_hash !== expectedPrev) {
      problems.push({ kind: 'inserted', at: row.id, message: `第 ${row.id} 条审计记录不属于审计链（插入或伪造）` });
    }
    prev = row;
  }
  const orphans = db.prepare('SELECT op_id FROM applied_ops WHERE op_id NOT IN (SELECT op_id FROM audit) LIMIT 5').all() as {
    op_id: string;
  }[];
  if (orphans.length > 0) {
    problems.push({
      kind: 'deleted',
      at: (prev?.id ?? 0) + 1,
      message: `${orphans.length} 个已执行命令缺少审计记录（如 ${orphans[0]!.op_id}）`,
    });
  }
  return { ok: problems.length === 0, rows: rows.length, problems };
}
