import { get } from 'node:https';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/hub';
import { freePort, spawnHub } from '../support/process';

/** GET over https accepting the hub's self-signed certificate (terminals pin it; this test only needs the scheme). */
const httpsStatus = (url: string) =>
  new Promise<number>((resolve, reject) =>
    get(url, { rejectUnauthorized: false }, (res) => resolve(res.statusCode ?? 0)).on('error', reject),
  );

describe('TLS by default on the LAN', () => {
  it('a hub serving the network speaks https unless told --no-tls; one on this PC alone stays http', async () => {
    const lan = await spawnHub(tempDir(), await freePort(), ['--host', '0.0.0.0']);
    expect(lan.output()).toMatch(/listening on https:/);
    expect(await httpsStatus(`https://127.0.0.1:${new URL(lan.url).port}/health`)).toBe(200);

    const plainPort = await freePort();
    const plain = await spawnHub(tempDir(), plainPort, ['--host', '0.0.0.0', '--no-tls']);
    expect(plain.output()).toMatch(/listening on http:/);
    expect((await fetch(`http://127.0.0.1:${plainPort}/health`)).status).toBe(200);

    const local = await spawnHub(tempDir(), await freePort());
    expect(local.output()).toMatch(/listening on http:/);
  });
});
