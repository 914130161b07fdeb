import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeOrgSettings } from '../../src/server/accounts/orgSettings';
import { DEFAULT_ORG_SETTINGS } from '../../src/model/admin';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, errorShape, login, refresh, refreshTokenOf, SIGN_IN_FREELY, startApp } from './support/testServer';

const DAY = 24 * 3600;

describeEachDatabase('absolute session lifetime', (store) => {
  let app: FastifyInstance;
  let offset = 0;
  beforeAll(async () => {
    app = await startApp(store().db, { ...SIGN_IN_FREELY, now: () => Date.now() + offset });
  });
  afterAll(() => app.close());
  const later = (seconds: number) => {
    offset += seconds * 1000;
  };
  const maxAgeOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'vw_refresh')?.maxAge;

  it('ends a session 30 days after its login by default, however often it was refreshed', async () => {
    const { user, password } = await createMember(store().db);
    const signedIn = await login(app, user.email, password);
    expect(maxAgeOf(signedIn)).toBe(30 * DAY);
    let token = refreshTokenOf(signedIn)!;
    // Used every week (days 7, 14, 21): the sliding 30 days alone would never end it.
    for (let week = 1; week <= 3; week++) {
      later(7 * DAY);
      const res = await refresh(app, token);
      expect(res.statusCode).toBe(200);
      token = refreshTokenOf(res)!;
    }
    // Day 28: two days left, and the cookie says so.
    later(7 * DAY);
    const nearEnd = await refresh(app, token);
    expect(nearEnd.statusCode).toBe(200);
    expect(maxAgeOf(nearEnd)).toBeLessThanOrEqual(2 * DAY);
    expect(maxAgeOf(nearEnd)).toBeGreaterThan(2 * DAY - 60);
    token = refreshTokenOf(nearEnd)!;
    later(2 * DAY);
    const ended = await refresh(app, token);
    expect(ended.statusCode).toBe(401);
    expect(ended.json()).toEqual(errorShape('sessionExpired'));
    expect(ended.cookies.find((c) => c.name === 'vw_refresh')?.value).toBe('');
    // The family is over: its tokens are revoked.
    const family = await store().db.selectFrom('refresh_tokens').select('revoked_at').where('user_id', '=', user.id).execute();
    expect(family.every((row) => row.revoked_at !== null)).toBe(true);
    // Typing the password starts a new session.
    expect((await login(app, user.email, password)).statusCode).toBe(200);
  });

  it('follows the organisation’s setting, also for sessions that started before it was shortened', async () => {
    const { user, password, organisationId } = await createMember(store().db);
    await writeOrgSettings(store().db, organisationId, { ...DEFAULT_ORG_SETTINGS, sessionMaxDays: 2 });
    const signedIn = await login(app, user.email, password);
    expect(signedIn.json().settings.sessionMaxDays).toBe(2);
    expect(maxAgeOf(signedIn)).toBe(2 * DAY);
    later(DAY);
    const halfway = await refresh(app, refreshTokenOf(signedIn)!);
    expect(halfway.statusCode).toBe(200);
    expect(maxAgeOf(halfway)).toBeLessThanOrEqual(DAY);
    expect(maxAgeOf(halfway)).toBeGreaterThan(DAY - 60);
    // The admin shortens it to one day: this session, a day old, ends at its next refresh.
    await writeOrgSettings(store().db, organisationId, { ...DEFAULT_ORG_SETTINGS, sessionMaxDays: 1 });
    const shortened = await refresh(app, refreshTokenOf(halfway)!);
    expect(shortened.statusCode).toBe(401);
    expect(shortened.json()).toEqual(errorShape('sessionExpired'));
  });

  it('does not hand out a successor past the end through the grace for a lost answer', async () => {
    const { user, password, organisationId } = await createMember(store().db);
    await writeOrgSettings(store().db, organisationId, { ...DEFAULT_ORG_SETTINGS, sessionMaxDays: 1 });
    const first = refreshTokenOf(await login(app, user.email, password))!;
    later(DAY - 10);
    expect((await refresh(app, first)).statusCode).toBe(200);
    // Ten seconds later the answer is said to be lost and the used token comes again, now past the end.
    later(11);
    const again = await refresh(app, first);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toEqual(errorShape('sessionExpired'));
  });
});
