import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurably } from '../../db/durableFile';
import { ownerOnlyDir } from '../../db/open';
import { DataDirLock } from '../lock';
import { readArchive, type ArchiveHeader } from './archive';
import { checkCopy } from './backup';

export interface RestoreDone {
  header: ArchiveHeader;
  /** Where the replaced files were put aside (null when the data dir held no hall). */
  setAside: string | null;
  epoch: string;
}

/** What a hall's data dir holds that a restore replaces; the rest (the lock, the control key) is the running program's. */
const REPLACED = ['hall.db', 'hall.db-wal', 'hall.db-shm', 'audit.key', 'audit.head', 'tls-key.pem', 'tls-cert.pem', 'demo-terminals.json'];

/**
 * Restores a backup file into `dataDir`, which no hub may hold (HUB_ALREADY_RUNNING otherwise). The
 * file is read through and checked first, unpacked into a folder inside the data dir: every chunk's
 * tag or file's hash, the database's integrity, a schema not newer than `maxSchema`, and its audit
 * chain up to the head recorded at backup. Only then are the data dir's files moved aside, into
 * DATA/replaced-<time>/, and the backup's moved in, with a new epoch: a terminal that synced with the
 * replaced hall sees another epoch and takes a fresh snapshot. A check that fails changes nothing.
 */
export async function restoreBackup(
  dataDir: string,
  file: string,
  key: Buffer | null,
  maxSchema: number,
  now: number,
): Promise<RestoreDone> {
  ownerOnlyDir(dataDir);
  const lock = DataDirLock.acquire(dataDir);
  const work = await mkdtemp(path.join(dataDir, '.restore-'));
  try {
    const header = await readArchive(file, key, work);
    const auditKey = Buffer.from(readFileSync(path.join(work, 'audit.key'), 'utf8').trim(), 'hex');
    checkCopy(path.join(work, 'hall.db'), auditKey, header.auditHead, maxSchema);

    const epoch = randomUUID();
    const db = new Database(path.join(work, 'hall.db'));
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('epoch', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(epoch);
      // One file, whole: the copy's WAL, if any, folded in before it moves.
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    if (header.auditHead) writeFileDurably(path.join(work, 'audit.head'), `${JSON.stringify(header.auditHead)}\n`, 0o600);

    const present = REPLACED.filter((name) => existsSync(path.join(dataDir, name)));
    let setAside: string | null = null;
    if (present.length > 0) {
      setAside = path.join(
        dataDir,
        `replaced-${new Date(now)
          .toISOString()
          .replace(/[-:]/g, '')
          .replace(/\.\d{3}Z$/, 'Z')}`,
      );
      mkdirSync(setAside, { mode: 0o700 });
      for (const name of present) renameSync(path.join(dataDir, name), path.join(setAside, name));
    }
    for (const name of [...header.files.map((f) => f.name), ...(header.auditHead ? ['audit.head'] : [])])
      renameSync(path.join(work, name), path.join(dataDir, name));
    return { header, setAside, epoch };
  } finally {
    await rm(work, { recursive: true, force: true });
    lock.release();
  }
}
