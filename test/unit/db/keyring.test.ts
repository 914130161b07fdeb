import { beforeEach, describe, expect, it } from 'vitest';
import { forgetKey, keyAtSignIn, unlockedKey, unlockWithPassword } from '../../../src/db/keyring';
import { getMeta } from '../../../src/db/meta';
import { open, seal } from '../../../src/crypto/seal';
import { freshDb } from './freshDb';

beforeEach(() => {
  freshDb();
  forgetKey();
});

const FAST = { iterations: 1000, testOnlyAllowFewIterations: true } as const;
const serverKey = (fill: number) => new Uint8Array(32).fill(fill);
const codeOf = (p: Promise<unknown>) => p.then(() => 'opened', (e: { code?: string }) => e.code ?? String(e));

describe('the device data key', () => {
  it('is wrapped at the first sign-in, kept at the next, and opens offline with the password only', async () => {
    const given = serverKey(7);
    expect(await keyAtSignIn(given, 'wachtwoord-een', FAST)).toBe('new');
    expect([...given].every((b) => b === 0)).toBe(true); // the raw bytes do not stay in memory
    const sealed = await seal(unlockedKey()!, { label: 'Gezin Sleutel (fictief)' }, 'cases/c1');
    const record = await getMeta<Record<string, unknown>>('dataKey');
    expect(JSON.stringify(Object.keys(record!))).toContain('wrapped');
    forgetKey();
    expect(unlockedKey()).toBeNull();
    expect(await codeOf(unlockWithPassword('fout', FAST))).toBe('wrongPassword');
    await unlockWithPassword('wachtwoord-een', FAST);
    expect(await open(unlockedKey()!, sealed, 'cases/c1')).toEqual({ label: 'Gezin Sleutel (fictief)' });
    // The same person signs in again: the device keeps its own key.
    expect(await keyAtSignIn(serverKey(7), 'wachtwoord-een', FAST)).toBe('kept');
    await expect(crypto.subtle.exportKey('raw', unlockedKey()!)).rejects.toThrow();
  });

  it('after a password reset, the server’s key recovers what the device holds, under the new password', async () => {
    await keyAtSignIn(serverKey(9), 'vergeten-wachtwoord', FAST);
    const sealed = await seal(unlockedKey()!, 'nog niet verstuurd (fictief)', 'outbox/1');
    forgetKey();
    expect(await keyAtSignIn(serverKey(9), 'nieuw-wachtwoord', FAST)).toBe('recovered');
    expect(await open(unlockedKey()!, sealed, 'outbox/1')).toBe('nog niet verstuurd (fictief)');
    forgetKey();
    expect(await codeOf(unlockWithPassword('vergeten-wachtwoord', FAST))).toBe('wrongPassword');
    await unlockWithPassword('nieuw-wachtwoord', FAST);
    expect(await open(unlockedKey()!, sealed, 'outbox/1')).toBe('nog niet verstuurd (fictief)');
  });
});
