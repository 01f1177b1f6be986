import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, until } from '../support/hub';
import { freePort, spawnHub } from '../support/process';

/** `npm run hub -- --data DIR <args>`, from the sources. */
const cli = (dataDir: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'main/hub/cli.ts', '--data', dataDir, ...args], { encoding: 'utf8' });

describe('backup and restore from the command line', () => {
  it('backs up through the running hub, and restores on the stopped one; a damaged file changes nothing', async () => {
    const dataDir = tempDir();
    const folder = path.join(tempDir(), 'usb');
    const keyFile = path.join(tempDir(), 'backup.key');
    writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    const hub = await spawnHub(dataDir, await freePort());

    const backup = cli(dataDir, ['backup', '--to', folder, '--key', keyFile]);
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/^backup .*H3301-\d{8}T\d{6}Z\.shbak: \d+ bytes, schema \d+, \d+ audit rows verified, encrypted\n$/);
    // The running hub made it, not a second process (its output is read once spawnSync lets go).
    await until(() => hub.output().includes('operator backup: done'), 'the hub logs the backup');
    const [file] = readdirSync(folder);

    expect(cli(dataDir, ['restore', '--from', path.join(folder, file!), '--key', keyFile]).stderr).toContain(
      `a hub is running on ${dataDir}: stop it first`,
    );
    hub.child.kill('SIGTERM');
    expect(await hub.exited).toBe(0);

    const bad = path.join(folder, 'damaged.shbak');
    const bytes = readFileSync(path.join(folder, file!));
    bytes[bytes.length - 1000]! ^= 1;
    writeFileSync(bad, bytes);
    const before = readFileSync(path.join(dataDir, 'hall.db'));
    const refused = cli(dataDir, ['restore', '--from', bad, '--key', keyFile]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/BACKUP_INVALID: .*altered or damaged.*\(nothing was changed\)/);
    expect(readFileSync(path.join(dataDir, 'hall.db'))).toEqual(before);

    const restored = cli(dataDir, ['restore', '--from', path.join(folder, file!), '--key', keyFile]);
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/restored .* \(H3301\)[\s\S]*replaced files are kept in .*replaced-[\s\S]*new epoch/);
  });
});
