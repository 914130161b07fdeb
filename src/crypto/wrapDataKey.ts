import { AppError } from '../model/appError';
import { randomBytes } from './bytes';
import { DATA_KEY_ALGORITHM, DATA_KEY_BYTES, DATA_KEY_USAGES } from './dataKey';
import {
  KEY_RECORD_KDF,
  KEY_RECORD_VERSION,
  MIN_ITERATIONS,
  SALT_BYTES,
  WRAP_IV_BYTES,
  iterationsAllowed,
  parseWrappedDataKey,
  type IterationOptions,
  type WrappedDataKey,
} from './keyRecord';

export interface WrapOptions extends IterationOptions {
  /** PBKDF2 rounds; MIN_ITERATIONS (600,000) by default and at least. */
  readonly iterations?: number;
}

const encoder = new TextEncoder();

/** The key that wraps the data key, derived from the password; it can only wrap or only unwrap. */
async function passwordKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: 'wrapKey' | 'unwrapKey') {
  // NFC: the same visible password typed on another keyboard or OS must give the same bytes.
  const base = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  const params = { name: 'PBKDF2', hash: 'SHA-256', salt, iterations };
  return crypto.subtle.deriveKey(params, base, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

async function asWrappableKey(key: CryptoKey | Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (ArrayBuffer.isView(key)) {
    if (key.byteLength !== DATA_KEY_BYTES) throw new AppError('keyRecordCorrupt');
    return crypto.subtle.importKey('raw', key, DATA_KEY_ALGORITHM, true, DATA_KEY_USAGES);
  }
  const algorithm = key.algorithm as AesKeyAlgorithm;
  if (algorithm.name !== 'AES-GCM' || algorithm.length !== 256 || !key.extractable) {
    throw new TypeError('wrapDataKey needs an extractable AES-GCM-256 key (from generateDataKey) or its 32 raw bytes');
  }
  return key;
}

/**
 * The data key wrapped under a password, with a fresh salt and IV, ready to store as is.
 * Raw bytes (from the server) are accepted too; zeroing them afterwards is the caller's job.
 */
export async function wrapDataKey(key: CryptoKey | Uint8Array<ArrayBuffer>, password: string, options: WrapOptions = {}): Promise<WrappedDataKey> {
  const iterations = options.iterations ?? MIN_ITERATIONS;
  if (!iterationsAllowed(iterations, options)) throw new RangeError(`PBKDF2 needs at least ${MIN_ITERATIONS} iterations`);
  if (password === '') throw new TypeError('An empty password cannot protect the data key');
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(WRAP_IV_BYTES);
  const wrapping = await passwordKey(password, salt, iterations, 'wrapKey');
  const wrapped = await crypto.subtle.wrapKey('raw', await asWrappableKey(key), wrapping, { name: 'AES-GCM', iv });
  return { v: KEY_RECORD_VERSION, kdf: KEY_RECORD_KDF, iterations, salt, iv, wrapped: new Uint8Array(wrapped) };
}

async function unwrap(record: unknown, password: string, extractable: boolean, options: IterationOptions): Promise<CryptoKey> {
  const r = parseWrappedDataKey(record, options);
  const unwrapping = await passwordKey(password, r.salt, r.iterations, 'unwrapKey');
  try {
    return await crypto.subtle.unwrapKey('raw', r.wrapped, unwrapping, { name: 'AES-GCM', iv: r.iv }, DATA_KEY_ALGORITHM, extractable, DATA_KEY_USAGES);
  } catch (e) {
    // GCM's tag check fails: the password is wrong, or (indistinguishably) the salt or wrapped bytes were altered.
    if (e instanceof DOMException && e.name === 'OperationError') throw new AppError('wrongPassword', [], { cause: e });
    throw new AppError('unknown', [], { cause: e });
  }
}

/**
 * The data key for use: non-extractable, unwrapped inside WebCrypto so its bytes never reach JavaScript.
 * Throws AppError 'wrongPassword', or 'keyRecordCorrupt' for a record this code never wrote.
 */
export function unwrapDataKey(record: unknown, password: string, options: IterationOptions = {}): Promise<CryptoKey> {
  return unwrap(record, password, false, options);
}

/** A password change: the same data key under the new password, with a fresh salt and IV. */
export async function rewrapDataKey(record: unknown, oldPassword: string, newPassword: string, options: WrapOptions = {}): Promise<WrappedDataKey> {
  // Extractable only here, and only for as long as wrapping it again takes.
  const key = await unwrap(record, oldPassword, true, options);
  return wrapDataKey(key, newPassword, options);
}
