import { hash, verify } from '@node-rs/argon2';

/**
 * OWASP's argon2id setting: 19 MiB, 2 iterations, 1 lane. Hashing runs on libuv's thread pool.
 * `algorithm: 2` is Algorithm.Argon2id (an ambient const enum that isolated modules cannot import).
 */
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the login is unknown keeps the answer time the same as for a wrong password. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('redvest-no-such-account');
  return dummyHash;
}

/** At least 10 characters with a letter and a digit. */
export function isStrongPassword(password: string): boolean {
  return password.length >= 10 && /[A-Za-z]/.test(password) && /\d/.test(password);
}
