import { AppError } from '../model/appError';

/** The one data key per person: AES-GCM with a 256-bit key seals every piece of client data on the device. */
export const DATA_KEY_ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
export const DATA_KEY_BYTES = 32;
export const DATA_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

/**
 * A fresh random data key, made inside WebCrypto. It is extractable because a new key must be wrapped under
 * the password (and handed to the server for recovery) once; keep it only for that, and hold in memory the
 * non-extractable key that unwrapDataKey or importRawDataKey gives.
 */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey(DATA_KEY_ALGORITHM, true, DATA_KEY_USAGES);
}

/**
 * The data key the server hands back after an online sign-in, as a non-extractable key for use.
 * WebCrypto copies the bytes; zeroing the caller's array afterwards (`bytes.fill(0)`) is the caller's job,
 * once it has also wrapped them under the password.
 */
export function importRawDataKey(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (bytes.byteLength !== DATA_KEY_BYTES) return Promise.reject(new AppError('keyRecordCorrupt'));
  return crypto.subtle.importKey('raw', bytes, DATA_KEY_ALGORITHM, false, DATA_KEY_USAGES);
}
