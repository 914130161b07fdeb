import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetPassword } from '../../src/server/accounts/users';
import { loadDataKeySecret } from '../../src/server/auth/dataKeySecret';
import { DataKeyVault } from '../../src/server/auth/dataKeyVault';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, login, refresh, refreshTokenOf, SIGN_IN_FREELY, startApp } from './support/testServer';

const keyOf = (res: { json(): { dataKey?: string } }) => Buffer.from(res.json().dataKey ?? '', 'base64');

describeEachDatabase('device data keys kept by the server for recovery', (store) => {
  const secret = randomBytes(32);
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db, { ...SIGN_IN_FREELY, dataKeys: new DataKeyVault(secret) });
  });
  afterAll(() => app.close());

  it('hands a person the same 32-byte key at every sign-in, after a password reset too, and another person another key', async () => {
    const an = await createMember(store().db);
    const first = await login(app, an.user.email, an.password);
    expect(first.statusCode).toBe(200);
    const key = keyOf(first);
    expect(key.length).toBe(32);
    expect(keyOf(await login(app, an.user.email, an.password))).toEqual(key);
    await resetPassword(store().db, an.user.email, 'a brand new password for an');
    expect(keyOf(await login(app, an.user.email, 'a brand new password for an'))).toEqual(key);
    const bart = await createMember(store().db);
    expect(keyOf(await login(app, bart.user.email, bart.password))).not.toEqual(key);
  });

  it('never sends the key with a refresh, and stores it only wrapped', async () => {
    const an = await createMember(store().db);
    const signedIn = await login(app, an.user.email, an.password);
    const refreshed = await refresh(app, refreshTokenOf(signedIn)!);
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json()).not.toHaveProperty('dataKey');
    const rows = await store().db.selectFrom('data_keys').selectAll().where('user_id', '=', an.user.id).execute();
    expect(rows).toHaveLength(1);
    const key = keyOf(signedIn);
    for (const form of [key.toString('base64'), key.toString('hex')]) expect(JSON.stringify(rows)).not.toContain(form);
  });

  it('under another secret (lost or changed), gives a new key and says so in the audit log', async () => {
    const an = await createMember(store().db);
    const before = keyOf(await login(app, an.user.email, an.password));
    const other = await startApp(store().db, { ...SIGN_IN_FREELY, dataKeys: new DataKeyVault(randomBytes(32)) });
    try {
      const after = keyOf(await login(other, an.user.email, an.password));
      expect(after.length).toBe(32);
      expect(after).not.toEqual(before);
      expect(keyOf(await login(other, an.user.email, an.password))).toEqual(after);
    } finally {
      await other.close();
    }
    const actions = await store().db.selectFrom('audit_log').select('action').where('user_id', '=', an.user.id).where('action', 'like', 'dataKey.%').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['dataKey.replaced']);
  });

  it('two instances signing the same person in at once agree on one key', async () => {
    const an = await createMember(store().db);
    const twin = await startApp(store().db, { ...SIGN_IN_FREELY, dataKeys: new DataKeyVault(secret) });
    try {
      const [a, b] = await Promise.all([login(app, an.user.email, an.password), login(twin, an.user.email, an.password)]);
      expect([a.statusCode, b.statusCode], `${a.body}\n${b.body}`).toEqual([200, 200]);
      expect(keyOf(a)).toEqual(keyOf(b));
    } finally {
      await twin.close();
    }
  });
});

describe('the vault', () => {
  const vault = new DataKeyVault(randomBytes(32));
  const key = randomBytes(32);
  const wrapped = vault.wrap('user-an', key);
  const flip = (text: string, at: number) => {
    const bytes = Buffer.from(text.slice(3), 'base64');
    bytes[at] = bytes[at]! ^ 1;
    return `v1.${bytes.toString('base64')}`;
  };
  it.each([
    ['the right person', 'user-an', wrapped, true],
    ['another person (the key is bound to its owner)', 'user-bart', wrapped, false],
    ['a changed iv', 'user-an', flip(wrapped, 0), false],
    ['a changed ciphertext', 'user-an', flip(wrapped, 20), false],
    ['a changed tag', 'user-an', flip(wrapped, 59), false],
    ['another format', 'user-an', wrapped.replace('v1.', 'v2.'), false],
    ['a cut-off text', 'user-an', wrapped.slice(0, 40), false],
  ])('unwraps for %s: %s', (_what, userId, text, opens) => {
    const got = vault.unwrap(userId, text);
    if (opens) expect(got).toEqual(key);
    else expect(got).toBeNull();
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => new DataKeyVault(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('where the secret comes from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-secret-'));
  const good = randomBytes(32).toString('base64');

  it('takes DATA_KEY_SECRET, then DATA_KEY_SECRET_FILE, and refuses one that is too short', () => {
    expect(loadDataKeySecret({ DATA_KEY_SECRET: good }, null).secret).toEqual(Buffer.from(good, 'base64'));
    const file = join(dir, 'from-config');
    writeFileSync(file, `${good}\n`);
    expect(loadDataKeySecret({ DATA_KEY_SECRET_FILE: file }, null).secret).toEqual(Buffer.from(good, 'base64'));
    expect(() => loadDataKeySecret({ DATA_KEY_SECRET: 'c2hvcnQ=' }, null)).toThrow(/at least 32 random bytes/);
    expect(() => loadDataKeySecret({ DATA_KEY_SECRET: 'not base64 at all!' }, null)).toThrow(/DATA_KEY_SECRET/);
  });

  it('beside an SQLite database: made once, readable by its owner only, and the same at the next start', () => {
    const file = join(dir, 'data-key.secret');
    const first = loadDataKeySecret({}, file);
    expect(first.secret.length).toBe(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadDataKeySecret({}, file).secret).toEqual(first.secret);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secret.toString('base64'));
  });

  it('refuses to start PostgreSQL without a configured secret', () => {
    expect(() => loadDataKeySecret({}, null)).toThrow(/PostgreSQL.*DATA_KEY_SECRET/);
  });
});
