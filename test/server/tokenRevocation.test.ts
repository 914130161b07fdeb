import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { addMembership, removeMembership } from '../../src/server/accounts/memberships';
import { createTeam } from '../../src/server/accounts/organisations';
import { createUser } from '../../src/server/accounts/users';
import { updatePerson } from '../../src/server/accounts/people';
import { resetPassword, revokeSessions, setUserDisabled } from '../../src/server/accounts/users';
import { adminCall } from './support/adminWorld';
import { REUSE_GRACE_SECONDS } from '../../src/server/auth/refreshTokens';
import { STAMP_CACHE_MS } from '../../src/server/auth/tokenRevocation';
import { getChanges } from './support/syncClient';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, errorShape, login, refresh, refreshTokenOf, startApp, type Member } from './support/testServer';

/** The organisation scope: readable with any valid token of its people, so the answer depends on the token only. */
const read = (app: FastifyInstance, member: Member, token: string) => getChanges(app, token, member.organisationId, 0);

describeEachDatabase(
  'access-token revocation',
  (store) => {
    let offset = 0;
    const clock = () => Date.now() + offset;
    const at = () => new Date(clock());
    let a: FastifyInstance;
    let b: FastifyInstance;
    beforeAll(async () => {
      const auth = { now: clock, loginRateLimit: { max: 10_000, timeWindowMs: 60_000 } };
      a = await startApp(store().db, auth);
      // A second instance with its own connection: it learns of a revocation only through the database.
      b = await startApp(store().connectAgain(), auth);
    });
    afterEach(() => {
      offset = 0;
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    async function signedIn(): Promise<Member & { token: string; refreshToken: string }> {
      const member = await createMember(store().db);
      const res = await login(a, member.user.email, member.password);
      expect(res.statusCode).toBe(200);
      const token = res.json().accessToken as string;
      // Both instances have now read (and cached) the person's stamp.
      expect((await read(a, member, token)).statusCode).toBe(200);
      expect((await read(b, member, token)).statusCode).toBe(200);
      return { ...member, token, refreshToken: refreshTokenOf(res)! };
    }

    /** After the cache's lifetime neither instance accepts the token any more. */
    async function expectRevokedEverywhere(member: Member, token: string): Promise<void> {
      offset += STAMP_CACHE_MS + 1_000;
      for (const app of [a, b]) {
        const res = await read(app, member, token);
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual(errorShape('invalidToken'));
      }
    }

    const events: Array<[string, (m: Member & { token: string; refreshToken: string }) => Promise<unknown>]> = [
      ['logout', (m) => a.inject({ method: 'POST', url: '/api/auth/logout', cookies: { vw_refresh: m.refreshToken } })],
      ['disable', (m) => setUserDisabled(store().db, m.user.id, true, at())],
      ['reset-password', (m) => resetPassword(store().db, m.user.email, 'a new long password', at())],
      ['revoke-sessions', (m) => revokeSessions(store().db, m.user.id, at())],
      ['role change', (m) => updatePerson(store().db, { userId: null, organisationId: m.organisationId }, m.user.id, { role: 'coordinator' }, at())],
      ['membership added', async (m) => addMembership(store().db, m.user.id, (await createTeam(store().db, { organisationId: m.organisationId, name: 'Nieuw' })).id, at())],
      ['membership removed', (m) => removeMembership(store().db, m.user.id, m.teamId, at())],
      [
        'refresh-token reuse',
        async (m) => {
          expect((await refresh(a, m.refreshToken)).statusCode).toBe(200);
          // Past the grace for a lost answer (see refreshTokens.ts): a copy of a used token.
          offset += (REUSE_GRACE_SECONDS + 1) * 1000;
          expect((await refresh(b, m.refreshToken)).statusCode).toBe(401);
        },
      ],
    ];

    it.each(events)('ends every access token of a person within the cache time after %s, on both instances', async (_event, happen) => {
      const member = await signedIn();
      await happen(member);
      await expectRevokedEverywhere(member, member.token);
    });

    it('keeps accepting the token on another instance only while its cache lasts', async () => {
      const member = await signedIn();
      await revokeSessions(store().db, member.user.id, at());
      expect((await read(b, member, member.token)).statusCode).toBe(200);
      offset += STAMP_CACHE_MS - 1_000;
      expect((await read(b, member, member.token)).statusCode).toBe(200);
      offset += 2_000;
      expect((await read(b, member, member.token)).statusCode).toBe(401);
    });

    it('refuses at once on the instance that made the change itself (logout)', async () => {
      const member = await signedIn();
      await a.inject({ method: 'POST', url: '/api/auth/logout', cookies: { vw_refresh: member.refreshToken } });
      expect((await read(a, member, member.token)).statusCode).toBe(401);
    });

    it('lets tokens issued after a change work at once: a role change takes effect at the next refresh', async () => {
      const member = await signedIn();
      await updatePerson(store().db, { userId: null, organisationId: member.organisationId }, member.user.id, { role: 'coordinator' }, at());
      offset += STAMP_CACHE_MS + 1_000;
      const renewed = await refresh(b, member.refreshToken);
      expect(renewed.statusCode).toBe(200);
      expect(renewed.json().user.role).toBe('coordinator');
      const fresh = renewed.json().accessToken as string;
      for (const app of [a, b]) expect((await read(app, member, fresh)).statusCode).toBe(200);
      expect((await read(a, member, member.token)).statusCode).toBe(401);
    });

    it('leaves other people’s tokens alone', async () => {
      const member = await signedIn();
      const other = await signedIn();
      await revokeSessions(store().db, member.user.id, at());
      offset += STAMP_CACHE_MS + 1_000;
      expect((await read(b, other, other.token)).statusCode).toBe(200);
    });

    it('carries an admin’s change through the admin API on one instance to the other', async () => {
      const member = await signedIn();
      const password = 'admin password of the test';
      const admin = await createUser(store().db, { organisationId: member.organisationId, email: `admin-${member.user.id}@test.example`, displayName: 'Admin', role: 'admin', password });
      const adminToken = (await login(a, admin.email, password)).json().accessToken as string;
      const res = await adminCall(a, adminToken, 'PATCH', `/api/admin/people/${member.user.id}`, { disabled: true });
      expect(res.statusCode).toBe(200);
      // The instance that made the change refuses at once; the other within its cache time.
      expect((await read(a, member, member.token)).statusCode).toBe(401);
      await expectRevokedEverywhere(member, member.token);
      expect((await refresh(b, member.refreshToken)).json()).toEqual(errorShape('accountDisabled'));
    });

    it('answers refresh and login of a disabled person with 403 accountDisabled, on both instances', async () => {
      const member = await signedIn();
      await setUserDisabled(store().db, member.user.id, true, at());
      for (const app of [a, b]) {
        const res = await refresh(app, member.refreshToken);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toEqual(errorShape('accountDisabled'));
        expect(refreshTokenOf(res)).toBeUndefined();
        expect((await login(app, member.user.email, member.password)).json()).toEqual(errorShape('accountDisabled'));
      }
      // Enabled again: a fresh login works, the old refresh token stays dead.
      await setUserDisabled(store().db, member.user.id, false, at());
      expect((await refresh(a, member.refreshToken)).statusCode).toBe(401);
      expect((await login(a, member.user.email, member.password)).statusCode).toBe(200);
    });
  },
  { onDisk: true },
);
