import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser, setUserDisabled } from '../../src/server/accounts/users';
import { REUSE_GRACE_SECONDS } from '../../src/server/auth/refreshTokens';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, errorShape, login, me, refresh, refreshTokenOf, startApp } from './support/testServer';

describeEachDatabase('auth', (store) => {
  let app: FastifyInstance;
  let offset = 0;
  beforeAll(async () => {
    // A generous limit here: rate limiting has its own suite.
    app = await startApp(store().db, { now: () => Date.now() + offset, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } });
  });
  afterAll(() => app.close());

  it('logs in with the right password and answers the session shape', async () => {
    const { user, password, organisationId, teamId } = await createMember(store().db);
    const res = await login(app, user.email, password);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresIn: 600,
      user: { id: user.id, displayName: user.displayName, role: 'worker', organisationId, teamIds: [teamId] },
      colleagues: [{ id: user.id, displayName: user.displayName }],
      settings: { screenLockMinutes: 5, fullLockMinutes: 30, noteRetentionYears: 10, sessionMaxDays: 30 },
      organisationName: expect.stringMatching(/^Testgemeente /),
      teams: [{ id: teamId, name: 'Onthaal' }],
      serverEpoch: expect.stringMatching(/^[0-9a-f-]{36}$/),
      // The person's device data key, 32 bytes (see dataKeys.test.ts).
      dataKey: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
    });
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = res.cookies.find((c) => c.name === 'vw_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth', maxAge: 30 * 24 * 3600 });
    const mine = await me(app, res.json().accessToken);
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toEqual({ user: res.json().user });
  });

  it('names the people of the user’s own organisation only, at login and at every refresh', async () => {
    const { user, password, organisationId } = await createMember(store().db);
    const colleague = await createUser(store().db, { organisationId, email: `colleague-${user.id}@test.example`, displayName: 'Aa Collega (fictief)', role: 'coordinator', password, teamIds: [] });
    await createMember(store().db); // someone of another organisation
    const res = await login(app, user.email, password);
    const expected = [{ id: colleague.id, displayName: 'Aa Collega (fictief)' }, { id: user.id, displayName: user.displayName }];
    expect(res.json().colleagues).toEqual(expected);
    expect((await refresh(app, refreshTokenOf(res)!)).json().colleagues).toEqual(expected);
  });

  it('gives a wrong password and an unknown address the very same answer', async () => {
    const { user } = await createMember(store().db);
    const wrong = await login(app, user.email, 'not the password');
    const unknown = await login(app, 'nobody-here@test.example', 'not the password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(errorShape('invalidCredentials'));
    expect(unknown.body).toBe(wrong.body);
    expect(refreshTokenOf(wrong)).toBeUndefined();
  });

  it('refuses a disabled user, and only tells them so when the password is right', async () => {
    const { user, password } = await createMember(store().db);
    await setUserDisabled(store().db, user.id, true);
    const right = await login(app, user.email, password);
    expect(right.statusCode).toBe(403);
    expect(right.json()).toEqual(errorShape('accountDisabled'));
    expect(refreshTokenOf(right)).toBeUndefined();
    expect((await login(app, user.email, 'wrong password')).json()).toEqual(errorShape('invalidCredentials'));
  });

  it('rotates the refresh token: each one works once and yields a new one', async () => {
    const { user, password } = await createMember(store().db);
    const first = refreshTokenOf(await login(app, user.email, password))!;
    const res = await refresh(app, first);
    expect(res.statusCode).toBe(200);
    const second = refreshTokenOf(res)!;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(res.json().user.id).toBe(user.id);
    expect((await me(app, res.json().accessToken)).statusCode).toBe(200);
    const used = await store().db.selectFrom('refresh_tokens').select(['used_at', 'family_id']).where('id', '=', first.split('.')[0]!).executeTakeFirstOrThrow();
    expect(used.used_at).not.toBeNull();
    expect((await refresh(app, second)).statusCode).toBe(200);
  });

  it('treats reuse of a used refresh token as theft and ends the whole family', async () => {
    const { user, password } = await createMember(store().db);
    const first = refreshTokenOf(await login(app, user.email, password))!;
    const second = refreshTokenOf(await refresh(app, first))!;
    offset += (REUSE_GRACE_SECONDS + 1) * 1000;
    const reuse = await refresh(app, first);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toEqual(errorShape('invalidRefreshToken'));
    // The newest token, which the thief may hold, stops working too.
    expect((await refresh(app, second)).statusCode).toBe(401);
    const audit = await store().db.selectFrom('audit_log').select('action').where('user_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toContain('refresh.reuse');
    offset = 0;
  });

  it('takes a just-used token again when its answer was lost, and the successor that never arrived stops working', async () => {
    const { user, password } = await createMember(store().db);
    const first = refreshTokenOf(await login(app, user.email, password))!;
    const lost = refreshTokenOf(await refresh(app, first))!;
    // The page navigated away mid-refresh: the browser still holds the first token. Twice, as after two reloads.
    const again = await refresh(app, first);
    expect(again.statusCode).toBe(200);
    const third = refreshTokenOf(await refresh(app, first))!;
    expect(third).toBeTruthy();
    expect((await refresh(app, third)).statusCode).toBe(200);
    // The superseded successor turning up later is a copy someone kept: the family ends.
    const copy = await refresh(app, lost);
    expect(copy.statusCode).toBe(401);
    const audit = await store().db.selectFrom('audit_log').select('action').where('user_id', '=', user.id).execute();
    expect(audit.map((a) => a.action)).toContain('refresh.reuse');
  });

  it('refuses refresh without a cookie or with a forged one', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/auth/refresh' })).json()).toEqual(errorShape('noRefreshToken'));
    expect((await refresh(app, 'forged.token')).statusCode).toBe(401);
    const { user, password } = await createMember(store().db);
    const real = refreshTokenOf(await login(app, user.email, password))!;
    expect((await refresh(app, `${real.split('.')[0]}.${'A'.repeat(43)}`)).statusCode).toBe(401);
    // A guessed secret is not a reuse: the genuine token still works.
    expect((await refresh(app, real)).statusCode).toBe(200);
  });

  it('logs out: the family is revoked, the cookie cleared, and both are audited', async () => {
    const { user, password } = await createMember(store().db);
    const token = refreshTokenOf(await login(app, user.email, password))!;
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: { vw_refresh: token } });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'vw_refresh');
    expect(cleared).toMatchObject({ value: '', path: '/api/auth', httpOnly: true, sameSite: 'Strict' });
    expect((await refresh(app, token)).statusCode).toBe(401);
    const audit = await store().db.selectFrom('audit_log').select('action').where('user_id', '=', user.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['login', 'logout']);
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
  });

  it('refuses an expired access token with the error shape', async () => {
    const { user, password } = await createMember(store().db);
    const { accessToken } = (await login(app, user.email, password)).json();
    offset = 601_000;
    try {
      const res = await me(app, accessToken);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(errorShape('invalidToken'));
    } finally {
      offset = 0;
    }
    expect((await me(app, accessToken)).statusCode).toBe(200);
  });

  it('refuses tampered, foreign and missing access tokens with the error shape', async () => {
    const { user, password } = await createMember(store().db);
    const { accessToken } = (await login(app, user.email, password)).json() as { accessToken: string };
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'admin', teams: ['someone-elses-team'] })).toString('base64url');
    const foreignKid = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'no-such-key' })).toString('base64url');
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BB' : 'AA');
    for (const token of [`${header}.${promoted}.${signature}`, `${header}.${payload}.${flipped}`, `${foreignKid}.${payload}.${signature}`, 'not-a-token', `${header}.${payload}`]) {
      const res = await me(app, token);
      expect(res.statusCode, token).toBe(401);
      expect(res.json()).toEqual(errorShape('invalidToken'));
    }
    const none = await app.inject({ method: 'GET', url: '/api/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual(errorShape('unauthenticated'));
    const basic = await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Basic abc' } });
    expect(basic.json()).toEqual(errorShape('unauthenticated'));
  });

  it('stops /api/me for a user disabled after login', async () => {
    const { user, password } = await createMember(store().db);
    const { accessToken } = (await login(app, user.email, password)).json();
    await setUserDisabled(store().db, user.id, true);
    expect((await me(app, accessToken)).statusCode).toBe(401);
  });

  it.each([
    ['not JSON', '{"email": ', 'application/json', 400],
    ['no body', undefined, undefined, 400],
    ['an array', '[]', 'application/json', 400],
    ['a missing password', '{"email":"a@test.example"}', 'application/json', 400],
    ['a number as e-mail', '{"email":1,"password":"x"}', 'application/json', 400],
    ['an empty password', '{"email":"a@test.example","password":""}', 'application/json', 400],
    ['a form instead of JSON', 'email=a&password=b', 'application/x-www-form-urlencoded', 415],
  ])('answers a login with %s in the error shape', async (_what, payload, contentType, status) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', ...(payload === undefined ? {} : { payload }), headers: contentType ? { 'content-type': contentType } : {} });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('refuses an oversized login body with 413 before reading it', async () => {
    const res = await login(app, 'a@test.example', 'x'.repeat(20_000));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual(errorShape('payloadTooLarge'));
  });
});
