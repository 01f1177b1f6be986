import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import type { PeerCertificate, TLSSocket } from 'node:tls';

/**
 * TLS to a hub whose certificate this terminal pinned at enrollment: the chain must be exactly
 * that certificate (it is the only trusted root), and its fingerprint must match. Host names do
 * not matter: the hub is reached by whatever LAN address it has.
 */
export function pinnedTls(certPem: string) {
  const fingerprint = new X509Certificate(certPem).fingerprint256;
  return {
    ca: certPem,
    rejectUnauthorized: true,
    checkServerIdentity: (_host: string, cert: PeerCertificate) =>
      cert.fingerprint256 === fingerprint ? undefined : new Error('TLS_PIN_MISMATCH: the hub presented another certificate'),
  };
}

const toPem = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;

/**
 * POSTs JSON to an https hub not yet pinned (trust on first use, at enrollment, protected by the
 * one-time code) and answers with the certificate it presented, to be pinned from then on.
 */
export function postAndPin(url: URL, body: unknown, timeoutMs: number): Promise<{ status: number; body: unknown; certPem: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json' }, timeout: timeoutMs },
      (res) => {
        const cert = (res.socket as TLSSocket).getPeerCertificate(false);
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          let parsed: unknown = null;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* answered below as a malformed reply */
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, certPem: toPem(cert.raw) });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
