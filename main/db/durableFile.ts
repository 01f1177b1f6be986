import * as nodeFs from 'node:fs';
import path from 'node:path';

/** The parts of node:fs a durable write uses (injected in tests to check the order of the steps). */
export type DurableFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

/**
 * Writes a file the hub cannot lose (the audit key, the TLS key, terminal tokens) so that after a
 * power cut it is either the old file or the whole new one, never empty or half written: the data
 * goes to a temporary file beside it, which is flushed to disk, renamed over the target, and the
 * directory flushed so that the rename itself survives.
 */
export function writeFileDurably(file: string, data: string | Uint8Array, mode: number, fs: DurableFs = nodeFs): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = fs.openSync(tmp, 'w', mode);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  // Windows cannot open a directory to flush it; there NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}
