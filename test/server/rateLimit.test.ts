import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, errorShape, login, refresh, startApp } from './support/testServer';

describeEachDatabase('rate limits', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    // The flood guard on its own: the database-kept login limits (loginLimits.test.ts) out of the way.
    app = await startApp(store().db, { loginRateLimit: { max: 10, timeWindowMs: 60_000 }, loginLimits: { addressFreeFailures: 10_000 } });
  });
  afterAll(() => app.close());

  it('keeps a per-process flood guard on login requests from one address, answered 429 with Retry-After', async () => {
    for (let i = 0; i < 10; i++) expect((await login(app, `guess${i}@test.example`, 'guess')).statusCode).toBe(401);
    const res = await login(app, 'guess@test.example', 'guess');
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual(errorShape('tooManyRequests'));
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('counts per address: another client may still log in', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '192.0.2.7', payload: { email: 'x@test.example', password: 'guess' } });
    expect(res.statusCode).toBe(401);
  });

  it('limits refresh far more loosely: a whole office behind one address refreshes on every page load', async () => {
    const from = '198.51.100.9';
    // Well past the login limit: refreshing is not guessing.
    for (let i = 0; i < 50; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/refresh', remoteAddress: from, cookies: { vw_refresh: 'a.b' } });
      expect(res.statusCode).toBe(401);
    }
  });
});

describeEachDatabase('login flood guard by default', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db);
  });
  afterAll(() => app.close());

  it('lets 60 sign-ins a minute through from one office address (the old limit was 10)', async () => {
    const office = '192.0.2.44';
    const people = await Promise.all(Array.from({ length: 60 }, () => createMember(store().db)));
    for (const person of people) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: office, payload: { email: person.user.email, password: person.password } });
      expect(res.statusCode).toBe(200);
    }
  });
});

describeEachDatabase('rate limit on refresh', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db, { refreshRateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  afterAll(() => app.close());

  it('still stops a flood of refreshes from one address with 429', async () => {
    const from = '198.51.100.10';
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/refresh', remoteAddress: from, cookies: { vw_refresh: 'a.b' } });
      expect(res.statusCode).toBe(401);
    }
    const res = await app.inject({ method: 'POST', url: '/api/auth/refresh', remoteAddress: from, cookies: { vw_refresh: 'a.b' } });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual(errorShape('tooManyRequests'));
    // The limit applies per route and address; the loopback client was not the one refreshing.
    expect((await refresh(app, 'a.b')).statusCode).toBe(401);
  });
});
