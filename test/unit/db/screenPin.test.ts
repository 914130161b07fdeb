import { beforeEach, describe, expect, it } from 'vitest';
import { isSealed } from '../../../src/crypto/seal';
import { forgetKey, keyAtSignIn } from '../../../src/db/keyring';
import { getMeta } from '../../../src/db/meta';
import { hasScreenPin, isScreenPin, removeScreenPin, setScreenPin } from '../../../src/db/screenPin';
import { freshDb } from './freshDb';

const FAST = { iterations: 1000, testOnlyAllowFewIterations: true } as const;
const codeOf = (p: Promise<unknown>) => p.then(() => 'done', (e: { code?: string }) => e.code ?? String(e));

beforeEach(async () => {
  freshDb();
  forgetKey();
  await keyAtSignIn(new Uint8Array(32).fill(3), 'wachtwoord', FAST);
});

describe('the screen lock PIN', () => {
  it('opens only with the PIN that was set, and a device without a PIN opens with none', async () => {
    expect(await hasScreenPin()).toBe(false);
    expect(await isScreenPin('123456')).toBe(false);
    await setScreenPin('482913');
    expect(await hasScreenPin()).toBe(true);
    expect(await isScreenPin('482913')).toBe(true);
    for (const wrong of ['482914', '48291', '4829130', '', 'abcdef']) expect(await isScreenPin(wrong), wrong).toBe(false);
    await setScreenPin('7777777');
    expect(await isScreenPin('482913')).toBe(false);
    expect(await isScreenPin('7777777')).toBe(true);
    await removeScreenPin();
    expect(await hasScreenPin()).toBe(false);
    expect(await isScreenPin('7777777')).toBe(false);
  });

  it('refuses a PIN of fewer than 6 digits or other characters, and keeps the one that was set', async () => {
    await setScreenPin('112233');
    for (const bad of ['12345', '12345a', ' 123456', '１２３４５６']) expect(await codeOf(setScreenPin(bad)), bad).toBe('invalidInput');
    expect(await isScreenPin('112233')).toBe(true);
  });

  it('is stored sealed under the data key: readable only while the key is in memory', async () => {
    await setScreenPin('246810');
    const stored = await getMeta<unknown>('pinCheck');
    expect(isSealed(stored)).toBe(true);
    forgetKey();
    expect(await codeOf(isScreenPin('246810'))).toBe('cannotDecrypt');
    expect(await codeOf(setScreenPin('135790'))).toBe('cannotDecrypt');
  });
});
