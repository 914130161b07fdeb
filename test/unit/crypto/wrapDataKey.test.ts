import { describe, expect, it } from 'vitest';
import { generateDataKey, importRawDataKey } from '../../../src/crypto/dataKey';
import { MIN_ITERATIONS, type WrappedDataKey } from '../../../src/crypto/keyRecord';
import { open, seal } from '../../../src/crypto/seal';
import { rewrapDataKey, unwrapDataKey, wrapDataKey } from '../../../src/crypto/wrapDataKey';
import { errorCode, flipped } from './errorCode';

/** Fast PBKDF2 for tests; the real 600,000 runs once below. */
const FAST = { iterations: 1_000, testOnlyAllowFewIterations: true } as const;
const PASSWORD = 'Kaai-7 regen op de Schelde';

describe('wrapping the data key under a password', () => {
  it('gives a plain record with binary fields as bytes, and unwraps to the same key', async () => {
    const key = await generateDataKey();
    const record = await wrapDataKey(key, PASSWORD, FAST);
    expect(record).toMatchObject({ v: 1, kdf: 'PBKDF2-SHA256', iterations: 1_000 });
    expect([record.salt, record.iv, record.wrapped].map((b) => [b instanceof Uint8Array, b.byteLength])).toEqual([
      [true, 16],
      [true, 12],
      [true, 48],
    ]);
    // As IndexedDB would store and return it.
    const unwrapped = await unwrapDataKey(structuredClone(record), PASSWORD, FAST);
    const sealed = await seal(key, { name: 'Mevrouw Peeters' }, 'cases/1');
    expect(await open(unwrapped, sealed, 'cases/1')).toEqual({ name: 'Mevrouw Peeters' });
  });

  it('unwraps to a non-extractable key: its bytes cannot be exported', async () => {
    const key = await unwrapDataKey(await wrapDataKey(await generateDataKey(), PASSWORD, FAST), PASSWORD, FAST);
    expect(key.extractable).toBe(false);
    expect(await errorCode(crypto.subtle.exportKey('raw', key))).not.toBe('resolved');
  });

  it('wraps the raw key the server hands back, and imports it non-extractable', async () => {
    const raw = crypto.getRandomValues(new Uint8Array(32));
    const record = await wrapDataKey(raw, PASSWORD, FAST);
    const imported = await importRawDataKey(raw);
    expect(imported.extractable).toBe(false);
    const sealed = await seal(imported, 'vóór de middag', 'notes/9');
    expect(await open(await unwrapDataKey(record, PASSWORD, FAST), sealed, 'notes/9')).toBe('vóór de middag');
  });

  it('refuses a raw key of the wrong length as a corrupt key', async () => {
    expect(await errorCode(importRawDataKey(new Uint8Array(16)))).toBe('keyRecordCorrupt');
    expect(await errorCode(wrapDataKey(new Uint8Array(31), PASSWORD, FAST))).toBe('keyRecordCorrupt');
  });

  it('refuses a key it could not wrap, and an empty password', async () => {
    const inUse = await importRawDataKey(crypto.getRandomValues(new Uint8Array(32)));
    expect(await errorCode(wrapDataKey(inUse, PASSWORD, FAST))).toBe('TypeError');
    expect(await errorCode(wrapDataKey(await generateDataKey(), '', FAST))).toBe('TypeError');
  });

  it('uses a fresh salt and IV each time', async () => {
    const key = await generateDataKey();
    const [a, b] = [await wrapDataKey(key, PASSWORD, FAST), await wrapDataKey(key, PASSWORD, FAST)];
    expect(a.salt).not.toEqual(b.salt);
    expect(a.iv).not.toEqual(b.iv);
    expect(a.wrapped).not.toEqual(b.wrapped);
  });

  it.each([
    ['another password', 'Kaai-8 regen op de Schelde'],
    ['other capitals', 'kaai-7 regen op de schelde'],
    ['an empty password', ''],
  ])('refuses %s as wrongPassword', async (_name, password) => {
    const record = await wrapDataKey(await generateDataKey(), PASSWORD, FAST);
    expect(await errorCode(unwrapDataKey(record, password, FAST))).toBe('wrongPassword');
  });

  it('accepts the same password typed in another Unicode form (é composed or e + accent)', async () => {
    const record = await wrapDataKey(await generateDataKey(), 'caf\u00e9 zes', FAST);
    expect(await errorCode(unwrapDataKey(record, 'cafe\u0301 zes', FAST))).toBe('resolved');
  });

  it('refuses an altered salt or wrapped key (indistinguishable from a wrong password)', async () => {
    const record = await wrapDataKey(await generateDataKey(), PASSWORD, FAST);
    expect(await errorCode(unwrapDataKey({ ...record, salt: flipped(record.salt, 0) }, PASSWORD, FAST))).toBe('wrongPassword');
    expect(await errorCode(unwrapDataKey({ ...record, wrapped: flipped(record.wrapped, 47) }, PASSWORD, FAST))).toBe('wrongPassword');
  });
});

describe('a corrupt record', () => {
  const broken: [string, (r: WrappedDataKey) => unknown][] = [
    ['no record at all', () => undefined],
    ['a string', () => 'record'],
    ['version 2', (r) => ({ ...r, v: 2 })],
    ['version missing', ({ v: _v, ...r }) => r],
    ['another kdf', (r) => ({ ...r, kdf: 'PBKDF2-SHA1' })],
    ['zero iterations', (r) => ({ ...r, iterations: 0 })],
    ['fractional iterations', (r) => ({ ...r, iterations: 1000.5 })],
    ['iterations as text', (r) => ({ ...r, iterations: '1000' })],
    ['a billion iterations', (r) => ({ ...r, iterations: 1e9 })],
    ['a 15-byte salt', (r) => ({ ...r, salt: r.salt.slice(1) })],
    ['a salt as an array of numbers', (r) => ({ ...r, salt: [...r.salt] })],
    ['a salt as base64', (r) => ({ ...r, salt: btoa(String.fromCharCode(...r.salt)) })],
    ['a 16-byte iv', (r) => ({ ...r, iv: new Uint8Array(16) })],
    ['no iv', ({ iv: _iv, ...r }) => r],
    ['a wrapped key one byte short', (r) => ({ ...r, wrapped: r.wrapped.slice(1) })],
    ['a wrapped key as an ArrayBuffer', (r) => ({ ...r, wrapped: r.wrapped.buffer })],
    ['a wrapped key as 16-bit words', (r) => ({ ...r, wrapped: new Uint16Array(24) })],
  ];

  it.each(broken)('%s → keyRecordCorrupt', async (_name, breakIt) => {
    const record = await wrapDataKey(await generateDataKey(), PASSWORD, FAST);
    expect(await errorCode(unwrapDataKey(breakIt(record), PASSWORD, FAST))).toBe('keyRecordCorrupt');
  });
});

describe('PBKDF2 iterations', () => {
  it('refuses to wrap with fewer than 600,000 without the test-only option', async () => {
    const key = await generateDataKey();
    expect(await errorCode(wrapDataKey(key, PASSWORD, { iterations: MIN_ITERATIONS - 1 }))).toBe('RangeError');
    expect(await errorCode(wrapDataKey(key, PASSWORD, { iterations: 1_000 }))).toBe('RangeError');
  });

  it('refuses to unwrap a record with fewer than 600,000 without the test-only option', async () => {
    const record = await wrapDataKey(await generateDataKey(), PASSWORD, FAST);
    expect(await errorCode(unwrapDataKey(record, PASSWORD))).toBe('keyRecordCorrupt');
  });

  it('wraps and unwraps with the real 600,000 by default', { timeout: 60_000 }, async () => {
    const key = await generateDataKey();
    const record = await wrapDataKey(key, PASSWORD);
    expect(record.iterations).toBe(600_000);
    const sealed = await seal(key, 'echt', 'notes/1');
    expect(await open(await unwrapDataKey(record, PASSWORD), sealed, 'notes/1')).toBe('echt');
  });
});

describe('changing the password', () => {
  it('the old password fails afterwards, the new one opens what was sealed before', async () => {
    const record = await wrapDataKey(await generateDataKey(), PASSWORD, FAST);
    const sealed = await seal(await unwrapDataKey(record, PASSWORD, FAST), ['notitie', { dag: '2024-03-01' }], 'notes/3');
    const changed = await rewrapDataKey(record, PASSWORD, 'Nieuw wachtwoord 2024', FAST);
    expect(changed.salt).not.toEqual(record.salt);
    expect(changed.iv).not.toEqual(record.iv);
    expect(await errorCode(unwrapDataKey(changed, PASSWORD, FAST))).toBe('wrongPassword');
    const key = await unwrapDataKey(changed, 'Nieuw wachtwoord 2024', FAST);
    expect(key.extractable).toBe(false);
    expect(await open(key, sealed, 'notes/3')).toEqual(['notitie', { dag: '2024-03-01' }]);
  });

  it('refuses a wrong old password, and leaves the record as it was', async () => {
    const record = await wrapDataKey(await generateDataKey(), PASSWORD, FAST);
    expect(await errorCode(rewrapDataKey(record, 'geraden', 'Nieuw wachtwoord 2024', FAST))).toBe('wrongPassword');
    expect(await errorCode(unwrapDataKey(record, PASSWORD, FAST))).toBe('resolved');
  });
});
