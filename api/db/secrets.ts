import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Secrets that `npm start` makes itself, kept in the data folder (DATA_DIR) in files only their owner
 * may read (mode 0600): the embedded PostgreSQL's passwords, and the first admin's generated password.
 */

/** The embedded PostgreSQL's passwords: its superuser's and the API role's (`yibao_app`). */
export interface EmbeddedSecrets {
  superuserPassword: string;
  appPassword: string;
}

export const SECRETS_FILE = 'yibao-secrets.json';
export const ADMIN_PASSWORD_FILE = 'yibao-admin-password.txt';
/** Files of ours that may sit in DATA_DIR (initdb wants the folder empty apart from these). */
export const OWN_FILES = [SECRETS_FILE, ADMIN_PASSWORD_FILE];

/** A random password: 24 bytes, base64url (ASCII only, so no SASLprep question arises). */
export function randomPassword(): string {
  return randomBytes(24).toString('base64url');
}

export function newSecrets(): EmbeddedSecrets {
  return { superuserPassword: randomPassword(), appPassword: randomPassword() };
}

export function readSecrets(dataDir: string): EmbeddedSecrets | null {
  const path = join(dataDir, SECRETS_FILE);
  if (!existsSync(path)) return null;
  const s = JSON.parse(readFileSync(path, 'utf8')) as Partial<EmbeddedSecrets>;
  if (typeof s.superuserPassword !== 'string' || typeof s.appPassword !== 'string') throw new Error(`${path} is not a secrets file of this project`);
  return { superuserPassword: s.superuserPassword, appPassword: s.appPassword };
}

export function writeSecrets(dataDir: string, s: EmbeddedSecrets): void {
  writeSecretFile(join(dataDir, SECRETS_FILE), `${JSON.stringify(s, null, 2)}\n`);
}

/** Write a file only its owner may read: created 0600 under a temporary name, then renamed into place. */
export function writeSecretFile(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/**
 * A password as PostgreSQL stores it for SCRAM-SHA-256 (RFC 5803), so that ALTER ROLE never carries
 * the password itself (a failing statement is written to the server's log with its text).
 */
export function scramVerifier(password: string, iterations = 4096): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
