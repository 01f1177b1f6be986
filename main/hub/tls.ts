import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../db/durableFile';

export interface HubTls {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, as terminals pin it. */
  fingerprint: string;
}

/**
 * The hub's TLS identity: a self-signed certificate made on the first start with TLS and kept in
 * the data dir (the key readable by the owner only). Terminals pin it when they enroll, so no
 * certificate authority is involved and a replaced certificate is refused until they enroll again.
 */
export async function loadOrCreateTls(dataDir: string, now: number): Promise<HubTls> {
  const keyFile = path.join(dataDir, 'tls-key.pem');
  const certFile = path.join(dataDir, 'tls-cert.pem');
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    const notAfter = new Date(now);
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + 20);
    // Loaded only to make a certificate: its X.509 stack is large and a hub without TLS never needs it.
    const { generate } = await import('selfsigned');
    const pems = await generate([{ name: 'commonName', value: 'ServiceHall hall hub' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(now - 86_400_000),
      notAfterDate: notAfter,
    });
    // The key first: a certificate without its key would be unusable after a crash between the two.
    writeFileDurably(keyFile, pems.private, 0o600);
    writeFileDurably(certFile, pems.cert, 0o644);
  }
  const cert = readFileSync(certFile, 'utf8');
  return { key: readFileSync(keyFile, 'utf8'), cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}
