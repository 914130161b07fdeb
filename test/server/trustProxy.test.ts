import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, SIGN_IN_FREELY, startApp, type Member } from './support/testServer';

/**
 * Which address the server counts and logs, and which protocol it believes, behind a reverse proxy. The login
 * audit entry records `request.ip`: the address the login limits count too.
 */
describeEachDatabase('TRUST_PROXY', (store) => {
  let oneHop: FastifyInstance;
  let listed: FastifyInstance;
  let counting: FastifyInstance;
  let member: Member;
  beforeAll(async () => {
    oneHop = await startApp(store().db, SIGN_IN_FREELY, undefined, { trustProxy: 1 });
    listed = await startApp(store().db, SIGN_IN_FREELY, undefined, { trustProxy: ['10.0.0.1'] });
    // Behind one proxy with a low per-address limit, to see which address the limit counts.
    counting = await startApp(store().db, { loginLimits: { addressFreeFailures: 10 } }, undefined, { trustProxy: 1 });
    member = await createMember(store().db);
  });
  afterAll(async () => {
    await oneHop.close();
    await listed.close();
    await counting.close();
  });

  const failedLoginFrom = async (app: FastifyInstance, remoteAddress: string, forwardedFor?: string): Promise<string | null> => {
    const email = `nobody-${Math.random().toString(36).slice(2)}@test.example`;
    const headers = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers, payload: { email, password: 'wrong' } });
    expect(res.statusCode).toBe(401);
    // The newest failed login: unknown addresses are audited without a user, with the counted address as target.
    const row = await store().db.selectFrom('audit_log').select('target').where('action', '=', 'login.failed').orderBy('id', 'desc').executeTakeFirstOrThrow();
    return row.target;
  };

  it('with one hop, counts the address the proxy appended, whatever the client wrote before it', async () => {
    expect(await failedLoginFrom(oneHop, '127.0.0.1', '203.0.113.5')).toBe('203.0.113.5');
    expect(await failedLoginFrom(oneHop, '127.0.0.1', '198.51.100.77, 203.0.113.5')).toBe('203.0.113.5');
    expect(await failedLoginFrom(oneHop, '127.0.0.1', '1.1.1.1, 2.2.2.2, 203.0.113.5')).toBe('203.0.113.5');
  });

  it('with a list, believes X-Forwarded-For only from a listed proxy', async () => {
    expect(await failedLoginFrom(listed, '10.0.0.1', '198.51.100.77, 203.0.113.6')).toBe('203.0.113.6');
    // Straight to the server, not through the proxy: the header is the client's own and counts for nothing.
    expect(await failedLoginFrom(listed, '192.0.2.66', '203.0.113.6')).toBe('192.0.2.66');
  });

  it('counts wrong passwords from rotating forged X-Forwarded-For values against the one real address: 429', async () => {
    const real = '203.0.113.80';
    for (let i = 0; i < 10; i++) {
      const headers = { 'x-forwarded-for': `198.51.100.${i}, ${real}` };
      const res = await counting.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.0.0.1', headers, payload: { email: `spray-${i}@test.example`, password: 'guess' } });
      expect(res.statusCode).toBe(401);
    }
    const res = await counting.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': `192.0.2.200, ${real}` },
      payload: { email: 'spray-next@test.example', password: 'guess' },
    });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('30');
  });

  const cookieFrom = async (app: FastifyInstance, remoteAddress: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      // What a forger sends to get a cookie without Secure: "this was plain http to localhost".
      headers: { host: 'veldwerk.gemeente.example', 'x-forwarded-proto': 'http', 'x-forwarded-host': 'localhost' },
      payload: { email: member.user.email, password: member.password },
    });
    expect(res.statusCode).toBe(200);
    return res.cookies.find((c) => c.name === 'vw_refresh')!;
  };

  it('believes X-Forwarded-Proto and -Host only from a trusted proxy: a forged one still gets a Secure cookie', async () => {
    expect((await cookieFrom(listed, '192.0.2.66')).secure).toBe(true);
    // The same headers from the listed proxy are believed (the proxy speaks for the client).
    expect((await cookieFrom(listed, '10.0.0.1')).secure).toBeUndefined();
  });
});
