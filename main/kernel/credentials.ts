import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords (the hall's staff, the region's supervisors): scrypt with a per-password salt, parameters stored with the hash so they can
 * be raised later. Terminal tokens are long random secrets, so a plain SHA-256 is enough to keep
 * the database from holding them usable.
 */
const N = 16384,
  r = 8,
  p = 1,
  KEYLEN = 32;

/** The stored hash of a person without a password yet (added by a setup sheet): nothing matches it. */
export const NO_PASSWORD = '!';

/**
 * The hash a login's password is checked against: the person's own, or for nobody (an unknown or
 * disabled login, someone without a password yet) a hash nobody has, so that every refusal costs
 * one scrypt and its time tells nothing.
 */
export const hashToCheck = (stored: string | undefined): string =>
  stored !== undefined && stored !== NO_PASSWORD ? stored : nobodysHash();

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, KEYLEN, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** A stored hash's parts, or null when it is not one of ours (then no password matches). */
function parseHash(stored: string): { salt: Buffer; expected: Buffer; params: ScryptOptions } | null {
  const [scheme, n, rr, pp, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return null;
  return {
    salt: Buffer.from(salt, 'base64'),
    expected: Buffer.from(key, 'base64'),
    params: { N: Number(n), r: Number(rr), p: Number(pp) },
  };
}

/** Checks a password on this thread (~35 ms): for the hub's own tools and in-process callers. */
export function verifyPassword(password: string, stored: string): boolean {
  const h = parseHash(stored);
  return !!h && timingSafeEqual(scryptSync(password, h.salt, h.expected.length, h.params), h.expected);
}

/** Checks a password in libuv's thread pool: the hub's event loop serves other terminals meanwhile. */
export async function verifyPasswordOffThread(password: string, stored: string): Promise<boolean> {
  const h = parseHash(stored);
  if (!h) return false;
  const actual = await new Promise<Buffer>((resolve, reject) =>
    scrypt(password, h.salt, h.expected.length, h.params, (e, key) => (e ? reject(e) : resolve(key))),
  );
  return timingSafeEqual(actual, h.expected);
}

/**
 * A terminal token names its terminal: `<terminal id>.<secret>`. The hub stores only the hash of
 * the whole token and checks it against the named terminal, so a token is worthless under any
 * other terminal id, and a revoked terminal's token is worthless altogether.
 */
export const newToken = (terminalId: string): string => `${terminalId}.${randomBytes(24).toString('base64url')}`;
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const tokenTerminalId = (token: string): string | null => {
  const dot = token.lastIndexOf('.');
  return dot > 0 ? token.slice(0, dot) : null;
};

/** One-time enrollment codes: 12 characters without look-alikes (60 bits), shown as XXXX-XXXX-XXXX. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newEnrollmentCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % 32]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}
export const normalizeCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

let nobody: string | undefined;
/**
 * A hash no password was ever chosen for: an unknown login is checked against it, so that it takes
 * as long as a known login with a wrong password and tells a guesser nothing.
 */
export const nobodysHash = (): string => (nobody ??= hashPassword(randomBytes(16).toString('hex')));
