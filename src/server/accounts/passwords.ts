import { randomInt } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * ⚠ Argon2id at the OWASP baseline (19 MiB, 2 passes, 1 lane). Raising these later is safe: verify() reads
 * the parameters from each stored hash. `2` is Algorithm.Argon2id; the enum is a const enum that
 * isolatedModules cannot inline, so the value is spelled out here and typed against it.
 */
const ARGON2ID: Algorithm = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a hash that cannot be read; never throws on bad input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Made once, ahead of the first login, so even the first unknown address costs one verification, not a hash too. */
export function prepareDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('no account has this password, it only costs time');
  return dummyHash;
}

/**
 * Spends the same time as a real check, for an unknown e-mail address: the answer and its timing must not
 * tell an attacker which addresses have an account.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(await prepareDummyHash(), password);
  return false;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A password to hand over once: 4 groups of 4 from an alphabet without look-alikes (about 79 bits). */
export function generatePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}
