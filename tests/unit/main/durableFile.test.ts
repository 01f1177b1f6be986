import * as fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurably, type DurableFs } from '../../../main/db/durableFile';
import { tempDir } from '../../support/hub';

/** Node's fs, recording each step (and the path or descriptor it touched). */
function recordingFs(fail?: 'write') {
  const steps: string[] = [];
  const names = new Map<number, string>();
  const rec: DurableFs = {
    openSync: ((p: fs.PathLike, flags: string, mode?: number) => {
      const fd = fs.openSync(p, flags, mode);
      names.set(fd, path.basename(String(p)));
      steps.push(`open ${path.basename(String(p))}`);
      return fd;
    }) as DurableFs['openSync'],
    writeSync: ((fd: number, data: Uint8Array, offset: number) => {
      if (fail === 'write') throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      steps.push(`write ${names.get(fd)}`);
      return fs.writeSync(fd, data, offset);
    }) as DurableFs['writeSync'],
    fsyncSync: (fd) => (steps.push(`fsync ${names.get(fd as number)}`), fs.fsyncSync(fd)),
    closeSync: (fd) => (steps.push(`close ${names.get(fd as number)}`), fs.closeSync(fd)),
    renameSync: (a, b) => (steps.push(`rename ${path.basename(String(a))} → ${path.basename(String(b))}`), fs.renameSync(a, b)),
    rmSync: (p, o) => (steps.push(`rm ${path.basename(String(p))}`), fs.rmSync(p, o)),
  };
  return { rec, steps };
}

describe('durable file writes', () => {
  it('flushes the data, renames it into place, then flushes the directory', () => {
    const dir = tempDir();
    const file = path.join(dir, 'audit.key');
    const { rec, steps } = recordingFs();
    writeFileDurably(file, 'secret', 0o600, rec);
    expect(fs.readFileSync(file, 'utf8')).toBe('secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const tmp = steps[0]!.slice('open '.length);
    expect(steps).toEqual([
      `open ${tmp}`,
      `write ${tmp}`,
      `fsync ${tmp}`,
      `close ${tmp}`,
      `rename ${tmp} → audit.key`,
      `open ${path.basename(dir)}`,
      `fsync ${path.basename(dir)}`,
      `close ${path.basename(dir)}`,
    ]);
    expect(fs.readdirSync(dir)).toEqual(['audit.key']);
  });

  it('a failed write (disk full) leaves the old file whole and no temporary file behind', () => {
    const dir = tempDir();
    const file = path.join(dir, 'tls-key.pem');
    fs.writeFileSync(file, 'old key');
    expect(() => writeFileDurably(file, 'new key', 0o600, recordingFs('write').rec)).toThrow(/ENOSPC/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old key');
    expect(fs.readdirSync(dir)).toEqual(['tls-key.pem']);
  });
});
