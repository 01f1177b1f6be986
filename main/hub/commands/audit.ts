import type { Statement } from 'better-sqlite3';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AuditReport } from '../../../shared/hall/commands';
import type { Clock } from '../../../shared/kernel/clock';
import { writeFileDurably } from '../../db/durableFile';
import type { Db } from '../../db/open';
import { prepared, type ReadonlyDb } from '../readonlyDb';
import type { Store } from '../store';

/**
 * The audit log is append-only and tamper-evident: each row carries an HMAC of its content and of
 * the previous row's hash. The key lives in the data dir, outside the database, so a row edited,
 * inserted or deleted with SQLite access alone breaks the chain where it happened. Each audit row
 * belongs to one applied op, and carries a digest of the feed rows its command wrote, so every
 * change to a replicated row is vouched for by a row of the chain (a case rewritten together with
 * its feed entries shows). What SQLite access could still do unseen is cut rows off the end, audit
 * and applied ops together: the chain's head (its last row) is therefore also kept outside the
 * database, in DATA/audit.head, and shown to managers to print, a witness no database edit reaches.
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
  /** SHA-256 of the feed rows seq_from..seq_to; null when the row changed none (or predates digests). */
  feed_digest: string | null;
  prev_hash: string;
  hash: string;
}

/** A row of the chain as a witness: the head file holds the last one, a manager may print it. */
export type AuditAnchor = NonNullable<AuditReport['head']>;

const keyFile = (dataDir: string) => path.join(dataDir, 'audit.key');
const headFile = (dataDir: string) => path.join(dataDir, 'audit.head');

/** The hall's key, made on its first start. Losing it would make the chain unverifiable: written durably, once. */
export function ensureAuditKey(dataDir: string): Buffer {
  if (!existsSync(keyFile(dataDir))) writeFileDurably(keyFile(dataDir), randomBytes(32).toString('hex'), 0o600);
  return readAuditKey(dataDir);
}

/** The key of an existing hall, only read: a verifier leaves the data dir it checks as it found it. */
export function readAuditKey(dataDir: string): Buffer {
  if (!existsSync(keyFile(dataDir))) throw new Error(`${keyFile(dataDir)} is missing: the audit chain cannot be checked without it`);
  return Buffer.from(readFileSync(keyFile(dataDir), 'utf8').trim(), 'hex');
}

/** The head as last written after a commit, or null when there is none (a hall not yet anchored). */
export function readAuditHead(dataDir: string): AuditAnchor | null {
  return existsSync(headFile(dataDir)) ? (JSON.parse(readFileSync(headFile(dataDir), 'utf8')) as AuditAnchor) : null;
}

export function auditHash(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  const content: unknown[] = [
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
  // Rows written before digests existed were hashed without one; a digest removed later breaks the hash.
  if (row.feed_digest !== null) content.push(row.feed_digest);
  return createHmac('sha256', key).update(JSON.stringify(content)).digest('hex');
}

/** What the feed holds for seqs from..to, as one hash: the same function when recording and when checking. */
export function feedDigest(db: ReadonlyDb, from: number, to: number): string {
  const rows = prepared(db, 'SELECT seq, at, tbl, row_id, op, data FROM feed WHERE seq BETWEEN ? AND ? ORDER BY seq').all(from, to);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/** One applied op and its audit row: who, from where, when, what was asked, its answer, which feed rows it wrote. */
export interface AuditedOp {
  opId: string;
  terminalId: string;
  staffId: string | null;
  type: string;
  /** The answer as stored for replays (JSON). */
  answer: string;
  outcome: string;
  at: number;
  /** What was asked, already redacted. */
  detail: string;
  seqFrom: number | null;
  seqTo: number | null;
}

/**
 * The hub's side of the chain: records ops (inside their transaction), covers every other write,
 * and keeps the head file after each commit.
 */
export class AuditLog {
  private head: AuditAnchor | null;
  private headPending: NodeJS.Immediate | null = null;

  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    private readonly dataDir: string,
    private readonly clock: Clock,
  ) {
    this.head = readAuditHead(dataDir);
  }

  /** Call inside the op's transaction. */
  record(op: AuditedOp): void {
    prepared<Statement>(this.db, 'INSERT INTO applied_ops (op_id, terminal_id, type, answer, at) VALUES (?, ?, ?, ?, ?)').run(
      op.opId,
      op.terminalId,
      op.type,
      op.answer,
      op.at,
    );
    const last = this.last();
    const row: Omit<AuditRow, 'hash'> = {
      id: (last?.id ?? 0) + 1,
      at: op.at,
      terminal_id: op.terminalId,
      staff_id: op.staffId,
      op_id: op.opId,
      type: op.type,
      outcome: op.outcome,
      detail: op.detail,
      seq_from: op.seqFrom,
      seq_to: op.seqTo,
      feed_digest: op.seqFrom === null ? null : feedDigest(this.db, op.seqFrom, op.seqTo!),
      prev_hash: last?.hash ?? GENESIS,
    };
    prepared<Statement>(
      this.db,
      `INSERT INTO audit (id, at, terminal_id, staff_id, op_id, type, outcome, detail, seq_from, seq_to, feed_digest, prev_hash, hash)
       VALUES (@id, @at, @terminal_id, @staff_id, @op_id, @type, @outcome, @detail, @seq_from, @seq_to, @feed_digest, @prev_hash, @hash)`,
    ).run({ ...row, hash: auditHash(this.key, row) });
  }

  /**
   * Every write of the store is covered by the chain: a transaction that wrote feed rows without
   * recording an op (seeding a hall, the package calendar, a tool's terminal) gets a row of its own,
   * and the head file follows the chain. It is written durably once the commits of an event-loop
   * turn have been answered, not inside each command: a synced rename costs ~0.5 ms (3× a commit),
   * which on the hot path would slow every call. The witness lags the chain by at most that turn;
   * a head that lags is allowed by the check (the rows after it still chain), and verify() and
   * close() bring it up to date first.
   * A hall whose chain predates the head (no head file yet) first gets a row covering the feed rows
   * no op vouched for (its seeding, migrations): from then on the chain vouches for all of them.
   * A hall with a head gets such a row only for the feed rows this start's migrations wrote (those
   * after `feedBeforeMigrating`, e.g. 0016 feeds the services again): rows that appeared in the
   * feed any other way while the hub was stopped stay unvouched for, and the check reports them.
   */
  attach(store: Store, log: (msg: string) => void, feedBeforeMigrating: number | null = null): void {
    const system = (type: string, from: number, to: number, detail: unknown) =>
      this.record({
        opId: `sys-${randomUUID()}`,
        terminalId: 'hub',
        staffId: null,
        type,
        answer: JSON.stringify({ ok: true, result: {}, seq: to }),
        outcome: 'ok',
        at: this.clock(),
        detail: JSON.stringify(detail),
        seqFrom: from,
        seqTo: to,
      });
    store.beforeCommit((startSeq, entries) => {
      if (entries.length > 0 && this.last()?.seq_to !== store.currentSeq)
        system('hub.write', startSeq + 1, store.currentSeq, { tables: [...new Set(entries.map((e) => e.table))] });
    });
    store.onCommit(() => {
      if (this.headPending) return;
      this.headPending = setImmediate(() => this.flushHead(log));
    });
    // A scan of the whole feed: only while the chain has no head yet, or after migrations.
    const uncovered = () => uncoveredFeed(this.db, this.db.prepare('SELECT * FROM audit ORDER BY id').all() as AuditRow[]);
    if (this.head) {
      const migrated = feedBeforeMigrating === null ? [] : uncovered().filter((r) => r.seq > feedBeforeMigrating);
      if (migrated.length > 0) {
        store.transaction(() => system('hub.migrate', migrated[0]!.seq, migrated.at(-1)!.seq, { fed: migrated.length }));
        log(`audit chain: ${migrated.length} feed rows written by migrations now covered`);
      }
      return;
    }
    const earlier = uncovered();
    if (earlier.length > 0) {
      store.transaction(() => system('audit.anchor', earlier[0]!.seq, earlier.at(-1)!.seq, { uncovered: earlier.length }));
      log(`audit chain anchored: ${earlier.length} earlier feed rows now covered, head in ${headFile(this.dataDir)}`);
    } else this.writeHead();
  }

  /**
   * Writes the head file now if commits are waiting for it. The commands have committed whatever
   * happens here: a head that cannot be written (a full disk) lags, and the next commit tries again.
   */
  flushHead(log: (msg: string) => void = () => {}): void {
    if (this.headPending) clearImmediate(this.headPending);
    this.headPending = null;
    try {
      this.writeHead();
    } catch (e) {
      log(`audit head not written: ${(e as Error).message}`);
    }
  }

  verify(): AuditReport {
    this.flushHead();
    return verifyAudit(this.db, this.key, readAuditHead(this.dataDir));
  }

  private last(): Pick<AuditRow, 'id' | 'hash' | 'at' | 'seq_to'> | undefined {
    return prepared<Statement>(this.db, 'SELECT id, hash, at, seq_to FROM audit ORDER BY id DESC LIMIT 1').get() as
      Pick<AuditRow, 'id' | 'hash' | 'at' | 'seq_to'> | undefined;
  }

  private writeHead(): void {
    const last = this.last();
    if (!last || last.id === this.head?.id) return;
    const head = { id: last.id, hash: last.hash, at: last.at };
    writeFileDurably(headFile(this.dataDir), `${JSON.stringify(head)}\n`, 0o600);
    this.head = head;
  }
}

/** `at`: the audit row id where the chain breaks (for 'deleted': the first row after the gap). */
type AuditProblem = AuditReport['problems'][number];

/** Feed rows no audit row vouches for, in seq order. */
function uncoveredFeed(db: ReadonlyDb, rows: AuditRow[]): { seq: number; before: number }[] {
  const ranges = rows.filter((r) => r.seq_from !== null).sort((a, b) => a.seq_from! - b.seq_from!);
  const out: { seq: number; before: number }[] = [];
  let i = 0,
    coveredTo = 0;
  for (const { seq } of prepared(db, 'SELECT seq FROM feed ORDER BY seq').all() as { seq: number }[]) {
    while (i < ranges.length && ranges[i]!.seq_from! <= seq) coveredTo = Math.max(coveredTo, ranges[i++]!.seq_to!);
    if (seq > coveredTo) out.push({ seq, before: ranges[i]?.id ?? (rows.at(-1)?.id ?? 0) + 1 });
  }
  return out;
}

/**
 * Checks the chain: each row's hash and link, each row against its applied op and the feed rows it
 * covers, every applied op and feed row against the chain, and the chain against its anchors: the
 * head file's row and any printed witness must still be in it, so rows cut off the end show. A
 * chain with rows and no head file (`head` null) cannot be vouched for to its end.
 * Only reads: it runs on the hub's connection or on a copy opened read-only.
 */
export function verifyAudit(
  db: ReadonlyDb,
  key: Buffer,
  head: AuditAnchor | null,
  witnesses: Pick<AuditAnchor, 'id' | 'hash'>[] = [],
): AuditReport {
  const problems: AuditProblem[] = [];
  const rows = db.prepare('SELECT * FROM audit ORDER BY id').all() as AuditRow[];
  const executed = prepared(db, 'SELECT 1 FROM applied_ops WHERE op_id = ?');
  const oldestFeed = (prepared(db, 'SELECT min(seq) AS s FROM feed').get() as { s: number | null }).s;
  let prev: AuditRow | undefined;
  for (const row of rows) {
    const expectedPrev = prev?.hash ?? GENESIS;
    const intact = auditHash(key, { ...row, feed_digest: row.feed_digest ?? null }) === row.hash;
    const gap = row.id !== (prev?.id ?? 0) + 1;
    if (gap && row.prev_hash !== expectedPrev) {
      problems.push({ kind: 'deleted', at: row.id, message: `第 ${(prev?.id ?? 0) + 1}–${row.id - 1} 条审计记录被删除` });
    } else if (!executed.get(row.op_id)) {
      problems.push({ kind: 'inserted', at: row.id, message: `第 ${row.id} 条审计记录不属于审计链（插入或伪造）` });
    } else if (!intact && row.prev_hash === expectedPrev) {
      problems.push({ kind: 'edited', at: row.id, message: `第 ${row.id} 条审计记录被修改` });
    } else if (!intact || row.prev_hash !== expectedPrev) {
      problems.push({ kind: 'inserted', at: row.id, message: `第 ${row.id} 条审计记录不属于审计链（插入或伪造）` });
    } else if (
      row.feed_digest &&
      oldestFeed !== null &&
      row.seq_from! >= oldestFeed &&
      feedDigest(db, row.seq_from!, row.seq_to!) !== row.feed_digest
    ) {
      // Rows pruned from the feed (retention) can no longer be checked; those still there must be as written.
      problems.push({
        kind: 'edited',
        at: row.id,
        message: `第 ${row.id} 条审计记录所记的数据变更（变更第 ${row.seq_from}–${row.seq_to} 号）被改动`,
      });
    }
    prev = row;
  }
  const orphans = prepared(db, 'SELECT op_id FROM applied_ops WHERE op_id NOT IN (SELECT op_id FROM audit) LIMIT 5').all() as {
    op_id: string;
  }[];
  if (orphans.length > 0) {
    problems.push({
      kind: 'deleted',
      at: (prev?.id ?? 0) + 1,
      message: `${orphans.length} 个已执行命令缺少审计记录（如 ${orphans[0]!.op_id}）`,
    });
  }
  const uncovered = uncoveredFeed(db, rows);
  if (uncovered.length > 0) {
    problems.push({
      kind: 'deleted',
      at: uncovered[0]!.before,
      message: `${uncovered.length} 条数据变更没有审计记录（自变更第 ${uncovered[0]!.seq} 号起）：审计记录被删除，或变更被伪造`,
    });
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  if (head === null && rows.length > 0) {
    problems.push({ kind: 'deleted', at: rows.at(-1)!.id + 1, message: '缺少链头文件 audit.head：无法确认末尾的审计记录未被删除' });
  }
  const anchors = [
    ...(head ? [{ ...head, source: '链头文件 audit.head' }] : []),
    ...witnesses.map((w) => ({ ...w, source: '打印的链头' })),
  ];
  for (const anchor of anchors) {
    const row = byId.get(anchor.id);
    if (!row)
      problems.push({
        kind: 'deleted',
        at: anchor.id,
        message: `${anchor.source}记为第 ${anchor.id} 条，库中已没有这一条：末尾的审计记录被删除`,
      });
    else if (row.hash !== anchor.hash)
      problems.push({ kind: 'edited', at: anchor.id, message: `第 ${anchor.id} 条审计记录与${anchor.source}不符` });
  }
  const last = rows.at(-1);
  return { ok: problems.length === 0, rows: rows.length, problems, head: last ? { id: last.id, hash: last.hash, at: last.at } : null };
}
