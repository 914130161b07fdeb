import { AppError } from '../model/appError';
import { isBytes } from './bytes';

/**
 * ⚠ PERSISTED: these describe wrapped keys already stored on devices. Changing one makes those keys
 * unreadable (the person then needs an online sign-in to get the key back). Add a new version `v` instead.
 */
export const KEY_RECORD_VERSION = 1;
export const KEY_RECORD_KDF = 'PBKDF2-SHA256';
/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256, and issue 13's: a stolen tablet's password is costly to guess. */
export const MIN_ITERATIONS = 600_000;
/** A corrupt count must not freeze the unlock screen for minutes. */
export const MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const WRAP_IV_BYTES = 12;
/** 32 key bytes and AES-GCM's 16-byte tag. */
export const WRAPPED_BYTES = 48;

/** The data key wrapped under the person's password: plain and structured-clonable, binary kept as bytes. */
export interface WrappedDataKey {
  readonly v: typeof KEY_RECORD_VERSION;
  readonly kdf: typeof KEY_RECORD_KDF;
  readonly iterations: number;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly wrapped: Uint8Array<ArrayBuffer>;
}

export interface IterationOptions {
  /** TEST ONLY: accepts fewer than MIN_ITERATIONS so unit tests stay fast. The app never sets it. */
  readonly testOnlyAllowFewIterations?: boolean;
}

export function iterationsAllowed(iterations: unknown, options: IterationOptions = {}): iterations is number {
  const min = options.testOnlyAllowFewIterations === true ? 1 : MIN_ITERATIONS;
  return Number.isSafeInteger(iterations) && (iterations as number) >= min && (iterations as number) <= MAX_ITERATIONS;
}

/** The record as read from storage, checked field by field; anything else is 'keyRecordCorrupt'. */
export function parseWrappedDataKey(x: unknown, options: IterationOptions = {}): WrappedDataKey {
  const r = (typeof x === 'object' && x !== null ? x : {}) as Record<string, unknown>;
  const ok =
    r.v === KEY_RECORD_VERSION &&
    r.kdf === KEY_RECORD_KDF &&
    iterationsAllowed(r.iterations, options) &&
    isBytes(r.salt, SALT_BYTES) &&
    isBytes(r.iv, WRAP_IV_BYTES) &&
    isBytes(r.wrapped, WRAPPED_BYTES);
  if (!ok) throw new AppError('keyRecordCorrupt');
  return r as unknown as WrappedDataKey;
}
