import { describe, expect, it } from 'vitest';
import { generateDataKey } from '../../../src/crypto/dataKey';
import { isSealed, open, reseal, seal, type Sealed } from '../../../src/crypto/seal';
import { errorCode, flipped } from './errorCode';

const AAD = 'notes/0190a1b2-0000-7000-8000-000000000001';

describe('sealing a value', () => {
  it.each([
    ['a string with emoji', 'Bezoek bij 👵🏽 en 🐕: alles oké ✅'],
    ['an empty string', ''],
    ['a nested object', { body: { text: 'Huur achter', tags: ['wonen', 'schulden'], visit: { day: '2024-05-02', minutes: 45 } } }],
    ['an array', [1, 'twee', null, { drie: true }]],
    ['a number', 0],
    ['false', false],
    ['null', null],
  ])('%s comes back as it was', async (_name, value) => {
    const key = await generateDataKey();
    expect(await open(key, await seal(key, value, AAD), AAD)).toEqual(value);
  });

  it('leaves no readable trace of the value in the ciphertext', async () => {
    const marker = 'MARKER-Janssens-4471';
    const sealed = await seal(await generateDataKey(), { name: marker }, AAD);
    expect(new TextDecoder().decode(sealed.ct)).not.toContain(marker);
  });

  it('uses a fresh IV each time, so the same value never gives the same ciphertext', async () => {
    const key = await generateDataKey();
    const [a, b] = [await seal(key, 'zelfde', AAD), await seal(key, 'zelfde', AAD)];
    expect(a.iv).not.toEqual(b.iv);
    expect(a.ct).not.toEqual(b.ct);
  });

  it.each([
    ['undefined', undefined],
    ['a function', () => 1],
  ])('refuses %s, which JSON cannot hold', async (_name, value) => {
    expect(await errorCode(seal(await generateDataKey(), value, AAD))).toBe('TypeError');
  });

  it('refuses an empty aad, which would bind the value to no row', async () => {
    const key = await generateDataKey();
    expect(await errorCode(seal(key, 'x', ''))).toBe('TypeError');
    expect(await errorCode(open(key, await seal(key, 'x', AAD), ''))).toBe('TypeError');
  });
});

describe('opening refuses anything but the untouched value', () => {
  const cases: [string, (s: Sealed) => unknown, string?][] = [
    ['one byte of the ciphertext flipped', (s) => ({ ...s, ct: flipped(s.ct, 0) })],
    ['one byte of the tag flipped', (s) => ({ ...s, ct: flipped(s.ct, s.ct.byteLength - 1) })],
    ['one byte of the iv flipped', (s) => ({ ...s, iv: flipped(s.iv, 5) })],
    ['the ciphertext cut short', (s) => ({ ...s, ct: s.ct.slice(0, -1) })],
    ['moved to another row', (s) => s, 'notes/0190a1b2-0000-7000-8000-000000000002'],
    ['moved to another table', (s) => s, 'cases/0190a1b2-0000-7000-8000-000000000001'],
    ['not sealed at all', () => ({ text: 'platte tekst' })],
    ['no iv', (s) => ({ ct: s.ct })],
    ['a base64 ciphertext', (s) => ({ ...s, ct: btoa(String.fromCharCode(...s.ct)) })],
  ];

  it.each(cases)('%s → cannotDecrypt', async (_name, change, aad = AAD) => {
    const key = await generateDataKey();
    const sealed = await seal(key, { text: 'Gesprek over de huur' }, AAD);
    expect(await errorCode(open(key, change(sealed), aad))).toBe('cannotDecrypt');
  });

  it('another key → cannotDecrypt', async () => {
    const sealed = await seal(await generateDataKey(), 'geheim', AAD);
    expect(await errorCode(open(await generateDataKey(), sealed, AAD))).toBe('cannotDecrypt');
  });
});

describe('isSealed', () => {
  const bytes = (n: number) => new Uint8Array(n);
  it.each([
    [{ iv: bytes(12), ct: bytes(16) }, true],
    [{ iv: bytes(12), ct: bytes(200) }, true],
    [{ iv: bytes(11), ct: bytes(16) }, false],
    [{ iv: bytes(12), ct: bytes(15) }, false],
    [{ iv: [...bytes(12)], ct: bytes(16) }, false],
    [{ ct: bytes(16) }, false],
    [{ text: 'platte tekst' }, false],
    ['tekst', false],
    [null, false],
  ])('%o → %s', (x, expected) => {
    expect(isSealed(x)).toBe(expected);
  });
});

describe('rotating the key', () => {
  it('reseals under the new key: the new key opens it, the old key no longer does', async () => {
    const [oldKey, newKey] = [await generateDataKey(), await generateDataKey()];
    const sealed = await seal(oldKey, { text: 'Opvolging dinsdag' }, AAD);
    const resealed = await reseal(oldKey, newKey, sealed, AAD);
    expect(resealed.iv).not.toEqual(sealed.iv);
    expect(await open(newKey, resealed, AAD)).toEqual({ text: 'Opvolging dinsdag' });
    expect(await errorCode(open(oldKey, resealed, AAD))).toBe('cannotDecrypt');
  });

  it('refuses to reseal what the old key cannot open', async () => {
    const sealed = await seal(await generateDataKey(), 'x', AAD);
    expect(await errorCode(reseal(await generateDataKey(), await generateDataKey(), sealed, AAD))).toBe('cannotDecrypt');
  });
});
