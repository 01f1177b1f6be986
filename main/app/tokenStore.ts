import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileDurably } from '../db/durableFile';

/** The part of Electron's safeStorage used here (injected, so it is testable without Electron). */
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const SEALED = 'token.bin';
const PLAIN = 'token.txt';

/**
 * The terminal's token at rest: sealed by the OS keychain through safeStorage where it works,
 * otherwise in a file only the owner can read. Saving one way removes the other.
 */
export function saveToken(dir: string, token: string, box: SecretBox): 'sealed' | 'file' {
  if (box.isEncryptionAvailable()) {
    writeFileDurably(path.join(dir, SEALED), box.encryptString(token), 0o600);
    rmSync(path.join(dir, PLAIN), { force: true });
    return 'sealed';
  }
  writeFileDurably(path.join(dir, PLAIN), token, 0o600);
  rmSync(path.join(dir, SEALED), { force: true });
  return 'file';
}

/** The stored token, or null when there is none or it cannot be read back (the setup screen opens then). */
export function loadToken(dir: string, box: SecretBox): string | null {
  const sealed = path.join(dir, SEALED);
  const plain = path.join(dir, PLAIN);
  try {
    if (existsSync(sealed) && box.isEncryptionAvailable()) return box.decryptString(readFileSync(sealed)) || null;
    return existsSync(plain) ? readFileSync(plain, 'utf8').trim() || null : null;
  } catch {
    return null; // damaged, or sealed by another OS user or keychain
  }
}
