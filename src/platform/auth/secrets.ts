import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/** A new random secret (API token, session id, exchange client secret) with a readable prefix, e.g. `padu_tok_…`. */
export function newSecret(
  prefix: 'padu_tok' | 'padu_ses' | 'padu_cs' | 'padu_cit' | 'padu_csrf' | 'padu_rst',
): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens and session ids are stored only as their SHA-256; they carry 256 random bits, so no salt is needed. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * argon2id with OWASP's recommended parameters (Password Storage Cheat Sheet: 19 MiB, two
 * passes, one lane): about 20 ms of one core here, against 117 ms of four lanes with the
 * library's defaults (docs/BENCHMARKS.md). Hashes made with other parameters still verify: each
 * hash names its own.
 */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
}

export async function isPasswordCorrect(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * A hash to verify against when the account does not exist, so that the answer takes as long as
 * for a wrong password and timing does not reveal which accounts exist.
 */
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword('padu-no-such-account');
  return dummy;
}
