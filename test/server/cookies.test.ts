import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, type Member, startApp } from './support/testServer';

describeEachDatabase('refresh cookie', (store) => {
  let auto: FastifyInstance;
  let always: FastifyInstance;
  let member: Member;
  beforeAll(async () => {
    auto = await startApp(store().db);
    always = await startApp(store().db, { secureCookie: true });
    member = await createMember(store().db);
  });
  afterAll(async () => {
    await auto.close();
    await always.close();
  });

  const cookieAfterLogin = async (app: FastifyInstance, host: string, proto?: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { host, ...(proto ? { 'x-forwarded-proto': proto } : {}) }, payload: { email: member.user.email, password: member.password } });
    expect(res.statusCode).toBe(200);
    return res.cookies.find((c) => c.name === 'vw_refresh')!;
  };

  it.each(['localhost:3000', '127.0.0.1:3000', '[::1]:3000'])('is not Secure on plain http to %s, so npm start works', async (host) => {
    const cookie = await cookieAfterLogin(auto, host);
    expect(cookie.secure).toBeUndefined();
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
  });

  it('is Secure for any other host, also over plain http behind a proxy', async () => {
    expect((await cookieAfterLogin(auto, 'veldwerk.voorbeeldstad.example')).secure).toBe(true);
  });

  it('is always Secure when the option says so, even on localhost', async () => {
    expect((await cookieAfterLogin(always, 'localhost:3000')).secure).toBe(true);
  });

  it('is cleared with the same flags on logout', async () => {
    const res = await always.inject({ method: 'POST', url: '/api/auth/logout', cookies: { vw_refresh: 'whatever.value' } });
    expect(res.cookies.find((c) => c.name === 'vw_refresh')).toMatchObject({ value: '', secure: true, httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
  });
});
