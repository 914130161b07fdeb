/** Fresh random bytes from the platform's CSPRNG, for salts and IVs. */
export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/**
 * A Uint8Array over a plain ArrayBuffer, checked by tag rather than instanceof so a value structured-cloned
 * from IndexedDB or another realm still counts. Exact length when `length` is given, at least `min` otherwise.
 */
export function isBytes(x: unknown, length?: number, min = 0): x is Uint8Array<ArrayBuffer> {
  if (Object.prototype.toString.call(x) !== '[object Uint8Array]') return false;
  const bytes = x as Uint8Array;
  if (Object.prototype.toString.call(bytes.buffer) !== '[object ArrayBuffer]') return false;
  return length === undefined ? bytes.byteLength >= min : bytes.byteLength === length;
}

/** Compares in time that depends only on the lengths, so a check leaks nothing about where bytes differ. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
