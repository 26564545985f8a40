import { randomBytes, scrypt as scryptCb, timingSafeEqual, createHash } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;

// scrypt (RFC 7914) with N = 2^15, r = 8, p = 1: about 50 ms and 32 MB per hash on this machine.
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;

/** `scrypt$N$r$p$salt$hash` (salt and hash base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize('NFC'), salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, R, P, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A stored hash for nobody, made once with the same parameters as every other: a login for a
 * username that does not exist (or an inactive one) is checked against it, so that it costs the same
 * scrypt work as a wrong password for a real user and answers in the same time (no username can be
 * told from the timing).
 */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(secret()));
}

/** Check a password against a user's stored hash, or against the dummy hash when there is no user. */
export async function checkPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const ok = await verifyPassword(password, stored ?? (await dummyHash()));
  return ok && stored != null;
}

/** A random secret (token or API key body), base64url. */
export function secret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens and API keys are high-entropy: a plain sha256 is the right stored form (no salt needed). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
