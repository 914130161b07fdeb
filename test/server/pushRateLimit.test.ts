import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PerPersonLimiter } from '../../src/server/sync/pushRateLimit';
import { accessToken, Device, pushRaw } from './support/syncClient';
import { caseRow } from './support/syncFixtures';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, errorShape, SIGN_IN_FREELY, startApp } from './support/testServer';

describe('the per-person push counter', () => {
  it('allows max per window, then says how long to wait, and starts again with the next window', () => {
    let now = 0;
    const limiter = new PerPersonLimiter({ max: 2, timeWindowMs: 60_000 }, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([undefined, undefined, undefined]);
    now = 15_000;
    expect(limiter.take('a')).toBe(45);
    now = 60_000;
    expect(limiter.take('a')).toBeUndefined();
  });
});

describeEachDatabase('push rate limit per person', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY, { pushRateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  afterAll(() => app.close());

  it('answers the 4th push in a minute from one person 429 with Retry-After, before reading the body, and stores nothing', async () => {
    const member = await createMember(store().db);
    const device = new Device(app, await accessToken(app, member));
    for (let i = 0; i < 3; i++) await device.push([device.entry({ type: 'case.create', row: caseRow(member.teamId) })]);
    const refused = await device.send([device.entry({ type: 'case.create', row: caseRow(member.teamId) })]);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual(errorShape('tooManyRequests'));
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    const stored = await store().db.selectFrom('records').select('id').where('scope_id', '=', member.teamId).execute();
    expect(stored).toHaveLength(3);
    // Refused before the body is parsed: even a body that is not a push at all gets the 429, not a 400.
    expect((await pushRaw(app, device.token, { nonsense: true })).statusCode).toBe(429);
  });

  it('counts per person, not per address: a colleague on the same address still pushes', async () => {
    const busy = await createMember(store().db);
    const colleague = await createMember(store().db);
    const busyToken = await accessToken(app, busy);
    for (let i = 0; i < 3; i++) await pushRaw(app, busyToken, { nonsense: true });
    expect((await pushRaw(app, busyToken, { nonsense: true })).statusCode).toBe(429);
    const other = new Device(app, await accessToken(app, colleague));
    const res = await other.send([other.entry({ type: 'case.create', row: caseRow(colleague.teamId) })]);
    expect(res.statusCode).toBe(200);
  });

  it('counts the person, whichever device or token they push with', async () => {
    const member = await createMember(store().db);
    const first = await accessToken(app, member);
    const second = await accessToken(app, member);
    for (let i = 0; i < 3; i++) await pushRaw(app, i % 2 ? first : second, { nonsense: true });
    expect((await pushRaw(app, second, { nonsense: true })).statusCode).toBe(429);
  });
});
