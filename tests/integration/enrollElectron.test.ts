import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/app/config';
import { enrollTerminal } from '../../main/app/enroll';
import { loadToken, type SecretBox } from '../../main/app/tokenStore';
import { TerminalAgent } from '../../main/terminal/agent';
import { defaultTerminalConfig } from '../../shared/terminals/config';
import { callerOf, demoHub, onCleanup, opId, tempDir, terminal, until } from '../support/hub';

/** A stand-in for safeStorage: "encrypts" reversibly, so the file is not the token in the clear. */
const box = (available: boolean): SecretBox => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
});

async function codeFor(hub: Awaited<ReturnType<typeof demoHub>>) {
  const a = hub.execute(callerOf(terminal(hub, 'manager')), {
    opId: opId(),
    type: 'terminal.create',
    payload: { role: 'kiosk', name: '二楼取号机', counterId: null, zone: '' },
  });
  if (!a.ok) throw new Error(a.error.message);
  return (a.result as { code: string }).code;
}

describe('enrolling an Electron terminal', () => {
  it('exchanges the code, seals the token, switches the configuration, and the token connects', async () => {
    const hub = await demoHub();
    const dir = tempDir();
    const code = await codeFor(hub);
    const r = await enrollTerminal(dir, defaultTerminalConfig, hub.url, code, box(true));
    expect(r).toEqual({ ok: true, role: 'kiosk', hallName: '示范市政务服务中心', storage: 'sealed', fingerprint: null });
    expect(loadConfig(dir).config).toMatchObject({ mode: 'terminal', role: 'kiosk', hubUrl: hub.url, token: '' });
    const token = loadToken(dir, box(true))!;
    expect(readFileSync(path.join(dir, 'token.bin')).toString()).not.toContain(token.slice(-10));
    expect(statSync(path.join(dir, 'token.bin')).mode & 0o777).toBe(0o600);
    const agent = new TerminalAgent({ hubUrl: hub.url, token, dataDir: tempDir('agent-') }).start();
    onCleanup(() => agent.close());
    await until(() => agent.connection.status === 'connected', 'enrolled kiosk connects');
    expect(agent.connection.welcome?.role).toBe('kiosk');
  });

  it('without OS encryption the token goes to an owner-only file', async () => {
    const hub = await demoHub();
    const dir = tempDir();
    expect(await enrollTerminal(dir, defaultTerminalConfig, hub.url, await codeFor(hub), box(false))).toMatchObject({
      ok: true,
      storage: 'file',
    });
    expect(statSync(path.join(dir, 'token.txt')).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(dir, 'token.bin'))).toBe(false);
  });

  it('a token that cannot be read back counts as none (the setup screen opens), not a crash', async () => {
    const { writeFileSync } = await import('node:fs');
    const dir = tempDir();
    writeFileSync(path.join(dir, 'token.bin'), 'garbage');
    const broken: SecretBox = {
      ...box(true),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(loadToken(dir, broken)).toBeNull();
    writeFileSync(path.join(dir, 'token.txt'), '\n');
    expect(loadToken(dir, box(false))).toBeNull();
  });

  it.each([
    ['a used code', 'used', 'ENROLLMENT_INVALID'],
    ['an address that is not http', 'ftp', 'VALIDATION_FAILED'],
    ['a hub that is not there', 'down', 'HUB_UNREACHABLE'],
  ] as const)('%s: a typed error, and nothing saved', async (_name, kind, code) => {
    const hub = await demoHub();
    const dir = tempDir();
    const enrollCode = await codeFor(hub);
    if (kind === 'used') await enrollTerminal(tempDir(), defaultTerminalConfig, hub.url, enrollCode, box(true));
    const url = kind === 'ftp' ? 'ftp://127.0.0.1:1' : kind === 'down' ? 'http://127.0.0.1:9' : hub.url;
    expect(await enrollTerminal(dir, defaultTerminalConfig, url, enrollCode, box(true))).toMatchObject({ ok: false, error: { code } });
    expect(loadToken(dir, box(true))).toBeNull();
    expect(loadConfig(dir).config).toEqual(defaultTerminalConfig);
  });
});

describe('optional TLS: a self-signed hub certificate, pinned at enrollment', () => {
  it('serves https and wss, keeps its certificate across restarts, and a terminal pins it when it enrolls', async () => {
    const dataDir = tempDir();
    let hub = await demoHub({ dataDir, tls: true });
    expect(hub.url).toMatch(/^https:\/\//);
    expect(statSync(path.join(dataDir, 'tls-key.pem')).mode & 0o777).toBe(0o600);
    const fingerprint = new X509Certificate(readFileSync(path.join(dataDir, 'tls-cert.pem'))).fingerprint256;
    expect(hub.health().tlsFingerprint).toBe(fingerprint);

    const dir = tempDir();
    expect(await enrollTerminal(dir, defaultTerminalConfig, hub.url, await codeFor(hub), box(true))).toMatchObject({
      ok: true,
      role: 'kiosk',
      fingerprint,
    });
    const { config } = loadConfig(dir);
    expect(new X509Certificate(config.hubCertificate!).fingerprint256).toBe(fingerprint);

    const port = hub.port;
    await hub.close();
    hub = await demoHub({ dataDir, port, tls: true }, { managerSession: false });
    expect(hub.tlsFingerprint).toBe(fingerprint); // the same certificate after a restart

    const agent = new TerminalAgent({
      hubUrl: config.hubUrl,
      token: loadToken(dir, box(true))!,
      dataDir: tempDir('agent-'),
      hubCertificate: config.hubCertificate,
    });
    onCleanup(() => agent.close());
    agent.start();
    await until(() => agent.connection.status === 'connected', 'the pinned terminal connects over wss');
    expect(hub.health().terminals.kiosk).toBe(1);
  });

  it('a terminal refuses a hub that presents another certificate (a stand-in on the LAN)', async () => {
    const realDir = tempDir();
    const real = await demoHub({ dataDir: realDir, tls: true });
    const impostor = await demoHub({ tls: true });
    const pinned = readFileSync(path.join(realDir, 'tls-cert.pem'), 'utf8');
    const agent = new TerminalAgent({
      hubUrl: impostor.url,
      token: terminal(impostor, 'kiosk').token,
      dataDir: tempDir('agent-'),
      hubCertificate: pinned,
    });
    onCleanup(() => agent.close());
    agent.start();
    await until(() => agent.connection.status === 'reconnecting', 'the handshake is refused');
    expect(impostor.health().terminals.kiosk).toBe(0);
    // Without a pin, plain TLS to a self-signed hub is refused as well: nothing trusts it by default.
    const unpinned = new TerminalAgent({ hubUrl: real.url, token: terminal(real, 'kiosk').token, dataDir: tempDir('agent-') });
    onCleanup(() => unpinned.close());
    unpinned.start();
    await until(() => unpinned.connection.status === 'reconnecting', 'refused without a pin');
    expect(real.health().terminals.kiosk).toBe(0);
  });
});
