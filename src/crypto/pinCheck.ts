import { AppError } from '../model/appError';
import { equalBytes, randomBytes } from './bytes';

/**
 * The screen lock's PIN verifier. The PIN gates the screen, it never protects data: the verifier is stored only
 * sealed under the data key (db/screenPin.ts), readable while the key is in memory. The attempt limit belongs to
 * the lock screen.
 */
export interface PinCheck {
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iterations: number;
  readonly hash: Uint8Array<ArrayBuffer>;
}

/** Enough that a memory dump's verifier is not an instant lookup of all 10^6 six-digit PINs. */
export const PIN_ITERATIONS = 100_000;
const encoder = new TextEncoder();

/** At least 6 digits, ASCII 0-9 only. */
export function isValidPin(pin: string): boolean {
  return /^[0-9]{6,}$/.test(pin);
}

async function pinHash(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 256));
}

export async function makePinCheck(pin: string): Promise<PinCheck> {
  if (!isValidPin(pin)) throw new AppError('invalidInput', [{ path: 'pin', code: 'invalid' }]);
  const salt = randomBytes(16);
  return Object.freeze({ salt, iterations: PIN_ITERATIONS, hash: await pinHash(pin, salt, PIN_ITERATIONS) });
}

export async function checkPin(check: PinCheck, pin: string): Promise<boolean> {
  if (!isValidPin(pin)) return false;
  return equalBytes(await pinHash(pin, check.salt, check.iterations), check.hash);
}
