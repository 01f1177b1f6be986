import { execFile } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports';

const run = promisify(execFile);

/** Debian's PostgreSQL binaries (the newest installed major version). */
function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const major = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  if (!major) throw new Error('PostgreSQL is not installed: apt-get install postgresql');
  return path.join(root, major, 'bin');
}

/**
 * A throwaway PostgreSQL cluster in a temp dir on a free port; `stop` stops and removes it (tests:
 * throwawayPostgres in ./pg does so after the test; the bench itself). initdb refuses root, so as
 * root the cluster belongs to the postgres user. fsync is off: a test's cluster need not survive the
 * machine, only the processes killed in it.
 */
export async function startPostgres(): Promise<{ url: string; port: number; stop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'servicehall-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout), Number(gid));
  }
  chmodSync(dir, 0o700);
  const as = (cmd: string, args: string[]) => (asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args));
  const bin = pgBin();
  await as(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  await as(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(dir, 'log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    'start',
  ]);
  const stop = async () => {
    await as(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop };
}
