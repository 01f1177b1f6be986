import { get } from 'node:https';
import { connect as tcpConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/hub';
import { freePort, spawnHub } from '../support/process';

/** The health check's status over https, accepting the hall's self-signed certificate. */
const httpsStatus = (url: string) =>
  new Promise<number>((resolve, reject) =>
    get(url, { rejectUnauthorized: false }, (res) => resolve(res.statusCode ?? 0)).on('error', reject),
  );

/**
 * An unauthenticated client that starts a POST /enroll and hangs up halfway through its body,
 * once the hub has begun reading it.
 */
async function cutOffEnrollment(open: () => Socket, ready: string): Promise<void> {
  const s = open();
  await new Promise((resolve, reject) => s.once(ready, resolve).once('error', reject));
  s.write('POST /enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"code": "ABCD-');
  await new Promise((r) => setTimeout(r, 150));
  s.destroy();
}

describe('a request cut off mid-body', () => {
  it('over http and over https: the hub keeps serving', async () => {
    const port = await freePort();
    const hub = await spawnHub(tempDir(), port);
    for (let i = 0; i < 3; i++) await cutOffEnrollment(() => tcpConnect(port, '127.0.0.1'), 'connect');
    expect((await fetch(`${hub.url}/health`)).status).toBe(200);
    expect(hub.child.exitCode).toBeNull();

    const tlsPort = await freePort();
    const tlsHub = await spawnHub(tempDir(), tlsPort, ['--tls']);
    for (let i = 0; i < 3; i++) {
      await cutOffEnrollment(() => tlsConnect({ port: tlsPort, host: '127.0.0.1', rejectUnauthorized: false }), 'secureConnect');
    }
    expect(await httpsStatus(`https://127.0.0.1:${tlsPort}/health`)).toBe(200);
    expect(tlsHub.child.exitCode).toBeNull();
    // Caught where it happened, not by the process's last resort.
    expect(hub.output() + tlsHub.output()).not.toMatch(/uncaught|unhandled/);
  });
});
