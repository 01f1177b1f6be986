import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CommandError, ErrorCode } from '../../../shared/kernel/errors';

/**
 * A backup file: one file holding the hall's database copy and the data dir's files a hall cannot
 * be restored without (the audit key, without which its chain cannot be checked; the TLS key and
 * certificate the terminals pinned). Laid out as
 *
 *   SERVICEHALL-BACKUP/1\n
 *   {header JSON}\n
 *   body: the files' bytes one after the other, in the header's order
 *
 * With an administrator's key, the body is AES-256-GCM in chunks of at most CHUNK bytes, each
 * `[u32 length][ciphertext][16-byte tag]`, under the nonce `header nonce ‖ u32 chunk index` and
 * the additional data `SHA-256(header line) ‖ last-chunk flag`: a changed header, a reordered,
 * altered or dropped chunk, or a file cut short fails a tag. Unencrypted, each file's SHA-256 in the
 * header catches damage. Either way nothing is written out before its check passed.
 */
const MAGIC = 'SERVICEHALL-BACKUP/1\n';
const CHUNK = 1 << 20;
const TAG = 16;
/** The header is a few hundred bytes; a longer first line is not a backup of ours. */
const MAX_HEADER = 64 * 1024;

/**
 * The only names a backup carries, so that restoring one writes nowhere else. A demo hall's
 * terminal tokens go too: without them its restart would issue new ones, and its terminals'
 * tokens would stop working.
 */
export const ARCHIVED_FILES = ['hall.db', 'audit.key', 'tls-key.pem', 'tls-cert.pem', 'demo-terminals.json'] as const;
export type ArchivedFile = (typeof ARCHIVED_FILES)[number];

const hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));

export const ArchiveHeader = z.strictObject({
  hallId: z.string().max(80),
  hallName: z.string().max(120),
  takenAt: z.number().int(),
  /** The copy's PRAGMA user_version: a program with fewer migrations cannot open it. */
  schema: z.number().int().min(0),
  /** The copy's last audit row: the restored hall's audit.head. */
  auditHead: z.strictObject({ id: z.number().int(), hash: hex(64), at: z.number().int() }).nullable(),
  files: z.array(z.strictObject({ name: z.enum(ARCHIVED_FILES), size: z.number().int().min(0), sha256: hex(64) })).min(1),
  cipher: z
    .strictObject({
      alg: z.literal('aes-256-gcm'),
      nonce: hex(16),
      /** HMAC of a fixed text under the key: a wrong key is told apart from a damaged file. */
      keyCheck: hex(64),
    })
    .nullable(),
});
export type ArchiveHeader = z.infer<typeof ArchiveHeader>;

const invalid = (message: string) => new CommandError(ErrorCode.BACKUP_INVALID, message);

/** An administrator's backup key: a file holding 64 hex digits (32 random bytes), kept away from the hub PC. */
export function parseBackupKey(text: string, where: string): Buffer {
  const m = /^\s*([0-9a-fA-F]{64})\s*$/.exec(text);
  if (!m)
    throw new CommandError(ErrorCode.VALIDATION_FAILED, `${where}: a backup key is 64 hex digits (make one with: openssl rand -hex 32)`);
  return Buffer.from(m[1]!, 'hex');
}

/** The key in `file`; VALIDATION_FAILED when it cannot be read or is not a key. */
export function readBackupKey(file: string): Buffer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CommandError(ErrorCode.VALIDATION_FAILED, `cannot read the backup key ${file}: ${(e as Error).message}`);
  }
  return parseBackupKey(text, file);
}

const keyCheckOf = (key: Buffer) => createHmac('sha256', key).update('servicehall backup key check').digest('hex');

function nonceOf(prefix: Buffer, index: number): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, 8);
  return nonce;
}

const aadOf = (headerDigest: Buffer, last: boolean) => Buffer.concat([headerDigest, Buffer.from([last ? 1 : 0])]);

async function digestOf(file: string): Promise<{ size: number; sha256: string }> {
  const fh = await open(file, 'r');
  try {
    const hash = createHash('sha256');
    const buf = Buffer.alloc(CHUNK);
    let size = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, size);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { size, sha256: hash.digest('hex') };
  } finally {
    await fh.close();
  }
}

async function writeAll(fh: FileHandle, bytes: Buffer): Promise<void> {
  for (let done = 0; done < bytes.length;) done += (await fh.write(bytes, done)).bytesWritten;
}

/**
 * Writes the backup file `out` (created 0600; it must not exist) from `files` in the given order,
 * encrypted under `key` when given. Calls `progress` with the share written so far.
 */
export async function writeArchive(
  out: string,
  meta: Omit<ArchiveHeader, 'files' | 'cipher'>,
  files: { name: ArchivedFile; path: string }[],
  key: Buffer | null,
  progress: (share: number) => void = () => {},
): Promise<void> {
  const listed = [];
  for (const f of files) listed.push({ name: f.name, ...(await digestOf(f.path)) });
  const nonce = randomBytes(8);
  const header: ArchiveHeader = {
    ...meta,
    files: listed,
    cipher: key ? { alg: 'aes-256-gcm', nonce: nonce.toString('hex'), keyCheck: keyCheckOf(key) } : null,
  };
  const headerLine = `${JSON.stringify(header)}\n`;
  const headerDigest = createHash('sha256').update(headerLine).digest();
  const total = listed.reduce((n, f) => n + f.size, 0);
  const fh = await open(out, 'wx', 0o600);
  try {
    await writeAll(fh, Buffer.from(MAGIC + headerLine));
    let index = 0;
    let written = 0;
    // A chunk is sealed once the next one is known to exist: only the last carries the last flag.
    let pending: Buffer | null = null;
    const seal = async (plain: Buffer, last: boolean) => {
      if (!key) return writeAll(fh, plain);
      const cipher = createCipheriv('aes-256-gcm', key, nonceOf(nonce, index++));
      cipher.setAAD(aadOf(headerDigest, last));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(plain.length);
      await writeAll(fh, Buffer.concat([len, body, cipher.getAuthTag()]));
    };
    for (const f of files) {
      const src = await open(f.path, 'r');
      try {
        for (let pos = 0; ;) {
          const buf = Buffer.alloc(CHUNK);
          const { bytesRead } = await src.read(buf, 0, CHUNK, pos);
          if (bytesRead === 0) break;
          pos += bytesRead;
          if (pending) await seal(pending, false);
          pending = buf.subarray(0, bytesRead);
          written += bytesRead;
          progress(total === 0 ? 1 : written / total);
        }
      } finally {
        await src.close();
      }
    }
    await seal(pending ?? Buffer.alloc(0), true);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Reads exactly `n` bytes at `pos`, or fewer at the end of the file. */
async function readAt(fh: FileHandle, pos: number, n: number): Promise<Buffer> {
  const buf = Buffer.alloc(n);
  let got = 0;
  while (got < n) {
    const { bytesRead } = await fh.read(buf, got, n - got, pos + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

/** The header of a backup file, read without a key (what hall, when, which schema). */
export async function readArchiveHeader(file: string): Promise<{ header: ArchiveHeader; headerLine: string; bodyAt: number }> {
  let fh: FileHandle;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    throw invalid(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    const start = await readAt(fh, 0, MAGIC.length + MAX_HEADER);
    if (start.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw invalid(`${file} is not a ServiceHall backup`);
    const end = start.indexOf(0x0a, MAGIC.length);
    if (end < 0) throw invalid(`${file}: the backup's header is cut off or damaged`);
    const headerLine = start.subarray(MAGIC.length, end + 1).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(headerLine);
    } catch {
      throw invalid(`${file}: the backup's header is damaged`);
    }
    const header = ArchiveHeader.safeParse(parsed);
    if (!header.success) throw invalid(`${file}: the backup's header is damaged`);
    return { header: header.data, headerLine, bodyAt: end + 1 };
  } finally {
    await fh.close();
  }
}

/**
 * Reads a backup file through, checking every chunk's tag (encrypted) or every file's SHA-256 (not):
 * BACKUP_INVALID when the file is damaged, cut short, tampered with, or the key is wrong or missing.
 * With `outDir`, the files are written there (0600) as they are read; a caller uses them only once
 * this resolved.
 */
export async function readArchive(file: string, key: Buffer | null, outDir?: string): Promise<ArchiveHeader> {
  const { header, headerLine, bodyAt } = await readArchiveHeader(file);
  if (header.cipher && !key) throw invalid(`${file} is encrypted: give the administrator's backup key (--key FILE)`);
  if (header.cipher && !timingSafeEqual(Buffer.from(keyCheckOf(key!), 'hex'), Buffer.from(header.cipher.keyCheck, 'hex')))
    throw invalid(`${file}: this is not the key the backup was made with`);
  const headerDigest = createHash('sha256').update(headerLine).digest();
  const fh = await open(file, 'r');
  const size = (await fh.stat()).size;
  let pos = bodyAt;
  let index = 0;
  /** The next plaintext piece of the body. */
  const nextPiece = async (): Promise<Buffer | null> => {
    if (pos >= size) return null;
    if (!header.cipher) {
      const piece = await readAt(fh, pos, CHUNK);
      pos += piece.length;
      return piece;
    }
    const len = await readAt(fh, pos, 4);
    if (len.length < 4) throw invalid(`${file} is cut short`);
    const n = len.readUInt32BE(0);
    if (n > CHUNK) throw invalid(`${file}: damaged (a chunk of ${n} bytes)`);
    const sealed = await readAt(fh, pos + 4, n + TAG);
    if (sealed.length < n + TAG) throw invalid(`${file} is cut short`);
    pos += 4 + n + TAG;
    const decipher = createDecipheriv('aes-256-gcm', key!, nonceOf(Buffer.from(header.cipher.nonce, 'hex'), index++));
    decipher.setAAD(aadOf(headerDigest, pos >= size));
    decipher.setAuthTag(sealed.subarray(n));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(0, n)), decipher.final()]);
    } catch {
      throw invalid(`${file} has been altered or damaged (chunk ${index - 1} fails its check)`);
    }
  };
  try {
    let carry: Buffer = Buffer.alloc(0);
    for (const entry of header.files) {
      const out = outDir ? await open(path.join(outDir, entry.name), 'wx', 0o600) : null;
      try {
        const hash = createHash('sha256');
        let left = entry.size;
        while (left > 0) {
          if (carry.length === 0) {
            const piece = await nextPiece();
            if (!piece) throw invalid(`${file} is cut short`);
            carry = piece;
          }
          const part = carry.subarray(0, Math.min(left, carry.length));
          carry = carry.subarray(part.length);
          left -= part.length;
          hash.update(part);
          if (out) await writeAll(out, part);
        }
        if (hash.digest('hex') !== entry.sha256) throw invalid(`${file}: ${entry.name} in it is damaged`);
        await out?.sync();
      } finally {
        await out?.close();
      }
    }
    // An encrypted body's last chunk may be empty (it carries the last flag); anything else is extra.
    while (carry.length === 0 && pos < size) carry = (await nextPiece()) ?? Buffer.alloc(0);
    if (carry.length > 0 || pos < size) throw invalid(`${file} has bytes after its end`);
    if (header.cipher && index === 0) throw invalid(`${file} is cut short`);
  } finally {
    await fh.close();
  }
  return header;
}
