import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../../../shared/kernel/clock';
import { CommandError, ErrorCode } from '../../../shared/kernel/errors';
import { backupFileName } from '../../../shared/backup/retention';
import type { Db } from '../../db/open';
import { ownerOnlyDir } from '../../db/open';
import { readAuditKey, verifyAudit, type AuditAnchor } from '../commands/audit';
import { writeArchive, readArchive, type ArchivedFile, type ArchiveHeader } from './archive';
import { checkCopyInWorker } from './checkInWorker';

/** What a backup reports once its file is written and checked. */
export interface BackupDone {
  file: string;
  bytes: number;
  takenAt: number;
  schema: number;
  auditRows: number;
  encrypted: boolean;
}

export interface BackupSource {
  /** The hall's open connection: the hub's own, whose writes meanwhile SQLite carries into the copy. */
  db: Db;
  dataDir: string;
  hall: { id: string; name: string };
  clock: Clock;
}

/** How far a backup is: copying the database, checking the copy, writing the file. */
export type BackupProgress = { step: 'copy' | 'check' | 'write'; share: number };

const invalid = (message: string) => new CommandError(ErrorCode.BACKUP_INVALID, message);

/**
 * Checks a database copy as a restore would need it: SQLite's integrity check, a schema this program
 * knows (when `maxSchema` is given), and the audit chain under the hall's key, anchored at `head` (the
 * last audit row the copy must hold, or its own last row). Opens the copy read-only; BACKUP_INVALID
 * says what fails.
 */
export function checkCopy(
  file: string,
  auditKey: Buffer,
  head: AuditAnchor | null,
  maxSchema?: number,
): { schema: number; auditRows: number; head: AuditAnchor | null } {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw invalid(`the database in the backup cannot be opened: ${(e as Error).message}`);
  }
  try {
    let rows: { integrity_check: string }[];
    try {
      rows = db.pragma('integrity_check') as { integrity_check: string }[];
    } catch (e) {
      throw invalid(`the database in the backup is damaged: ${(e as Error).message}`);
    }
    if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok')
      throw invalid(
        `the database in the backup is damaged: ${rows
          .map((r) => r.integrity_check)
          .slice(0, 3)
          .join('; ')}`,
      );
    const schema = db.pragma('user_version', { simple: true }) as number;
    if (maxSchema !== undefined && schema > maxSchema)
      throw invalid(`the backup's schema (${schema}) is newer than this program (${maxSchema}): restore it with a newer ServiceHall`);
    const own = db.prepare('SELECT id, hash, at FROM audit ORDER BY id DESC LIMIT 1').get() as AuditAnchor | undefined;
    const report = verifyAudit(db, auditKey, head ?? own ?? null);
    if (!report.ok) throw invalid(`the audit chain in the backup does not verify: ${report.problems[0]!.message}`);
    return { schema, auditRows: report.rows, head: report.head };
  } finally {
    db.close();
  }
}

/**
 * Backs the hall up into `folder` (made owner-only): SQLite's online backup of the open connection
 * (calls go on meanwhile; the copy is the database as of one moment), checked (integrity, audit chain
 * up to at least the last row committed when the backup began), then packed with the audit key and
 * TLS files into one owner-only file named after the hall and the time, encrypted under `key` when
 * given, and read back through. A failure leaves no file behind.
 */
export async function takeBackup(
  src: BackupSource,
  folder: string,
  key: Buffer | null,
  progress: (p: BackupProgress) => void = () => {},
  /**
   * Pages copied per step: each step holds the hub's thread, so a millisecond's worth at a time
   * (256 pages, 1 MB; 2,000 held calls for up to 40 ms on a ten-year hall).
   */
  pagesPerStep = 256,
): Promise<BackupDone> {
  const takenAt = src.clock();
  ownerOnlyDir(folder);
  const target = path.join(folder, backupFileName(src.hall.id, takenAt));
  if (existsSync(target)) throw new CommandError(ErrorCode.VALIDATION_FAILED, `${target} exists already`);
  const head = (src.db.prepare('SELECT id, hash, at FROM audit ORDER BY id DESC LIMIT 1').get() as AuditAnchor | undefined) ?? null;
  const work = await mkdtemp(path.join(folder, '.partial-'));
  const partial = path.join(work, path.basename(target));
  try {
    await chmod(work, 0o700);
    const copy = path.join(work, 'hall.db');
    await src.db.backup(copy, {
      progress: ({ totalPages, remainingPages }) => {
        progress({ step: 'copy', share: totalPages === 0 ? 1 : 1 - remainingPages / totalPages });
        return pagesPerStep;
      },
    });
    await chmod(copy, 0o600);
    progress({ step: 'check', share: 0 });
    const auditKey = readAuditKey(src.dataDir);
    // On a worker thread: reading every page of a large hall's copy would otherwise hold up the calls.
    const checked = await checkCopyInWorker(copy, auditKey, head);
    const files: { name: ArchivedFile; path: string }[] = [
      { name: 'hall.db', path: copy },
      { name: 'audit.key', path: path.join(src.dataDir, 'audit.key') },
    ];
    for (const name of ['tls-key.pem', 'tls-cert.pem', 'demo-terminals.json'] as const)
      if (existsSync(path.join(src.dataDir, name))) files.push({ name, path: path.join(src.dataDir, name) });
    const meta: Omit<ArchiveHeader, 'files' | 'cipher'> = {
      hallId: src.hall.id,
      hallName: src.hall.name,
      takenAt,
      schema: checked.schema,
      auditHead: checked.head,
    };
    await writeArchive(partial, meta, files, key, (share) => progress({ step: 'write', share }));
    // Read back through before it counts: a disk that wrote something else shows now, not at restore.
    await readArchive(partial, key);
    await rename(partial, target);
    const { size } = await stat(target);
    return { file: target, bytes: size, takenAt, schema: checked.schema, auditRows: checked.auditRows, encrypted: key !== null };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
