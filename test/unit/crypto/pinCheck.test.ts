import { describe, expect, it } from 'vitest';
import { equalBytes } from '../../../src/crypto/bytes';
import { checkPin, isValidPin, makePinCheck } from '../../../src/crypto/pinCheck';
import { errorCode } from './errorCode';

describe('isValidPin', () => {
  it.each([
    ['123456', true],
    ['000000', true],
    ['0123456789', true],
    ['12345', false],
    ['', false],
    ['12345a', false],
    [' 123456', false],
    ['123 456', false],
    ['123456\n', false],
    ['-123456', false],
    ['１２３４５６', false],
    ['١٢٣٤٥٦', false],
  ])('%j → %s', (pin, expected) => {
    expect(isValidPin(pin)).toBe(expected);
  });
});

describe('the screen lock PIN', () => {
  it('accepts the PIN it was made from and refuses others', async () => {
    const check = await makePinCheck('482910');
    const tries: [string, boolean][] = [
      ['482910', true],
      ['482911', false],
      ['4829100', false],
      ['048291', false],
      ['48291', false],
      ['', false],
    ];
    const results = await Promise.all(tries.map(async ([pin]) => [pin, await checkPin(check, pin)]));
    expect(results).toEqual(tries);
  });

  it('keeps no PIN, only a salted hash of at least 100,000 PBKDF2 rounds, different for the same PIN', async () => {
    const [a, b] = [await makePinCheck('482910'), await makePinCheck('482910')];
    expect(a.iterations).toBeGreaterThanOrEqual(100_000);
    expect(Object.values(a).some((v) => String(v).includes('482910'))).toBe(false);
    expect(a.salt).not.toEqual(b.salt);
    expect(a.hash).not.toEqual(b.hash);
  });

  it.each(['12345', '12a456'])('refuses to be set to %j', async (pin) => {
    expect(await errorCode(makePinCheck(pin))).toBe('invalidInput');
  });
});

describe('equalBytes', () => {
  const b = (...x: number[]) => new Uint8Array(x);
  it.each([
    [b(1, 2, 3), b(1, 2, 3), true],
    [b(), b(), true],
    [b(1, 2, 3), b(1, 2, 4), false],
    [b(9, 2, 3), b(1, 2, 3), false],
    [b(1, 2, 3), b(1, 2), false],
  ])('%o = %o → %s', (x, y, expected) => {
    expect(equalBytes(x, y)).toBe(expected);
  });
});
