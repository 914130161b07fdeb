import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REUSE_GRACE_SECONDS } from '../../src/server/auth/refreshTokens';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, login, me, refresh, refreshTokenOf, startApp } from './support/testServer';

// Two server processes share nothing but the database: each instance here has its own connection pool.
describeEachDatabase(
  'two server instances on one database',
  (store) => {
    let a: FastifyInstance;
    let b: FastifyInstance;
    let offset = 0;
    beforeAll(async () => {
      const auth = { now: () => Date.now() + offset };
      a = await startApp(store().db, auth);
      b = await startApp(store().connectAgain(), auth);
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('accept each other’s access tokens', async () => {
      const { user, password } = await createMember(store().db);
      const fromA = (await login(a, user.email, password)).json().accessToken;
      const fromB = (await login(b, user.email, password)).json().accessToken;
      expect((await me(b, fromA)).json().user.id).toBe(user.id);
      expect((await me(a, fromB)).json().user.id).toBe(user.id);
    });

    it('share refresh rotation: a token rotated on A cannot be reused on B', async () => {
      const { user, password } = await createMember(store().db);
      const first = refreshTokenOf(await login(a, user.email, password))!;
      const rotated = await refresh(a, first);
      expect(rotated.statusCode).toBe(200);
      const second = refreshTokenOf(rotated)!;
      // Past the grace for a lost answer (see refreshTokens.ts).
      offset += (REUSE_GRACE_SECONDS + 1) * 1000;
      expect((await refresh(b, first)).statusCode).toBe(401);
      // B saw the reuse and revoked the family; A must refuse its newest token as well.
      expect((await refresh(a, second)).statusCode).toBe(401);
    });

    it('continue a session across instances', async () => {
      const { user, password } = await createMember(store().db);
      const first = refreshTokenOf(await login(a, user.email, password))!;
      const onB = await refresh(b, first);
      expect(onB.statusCode).toBe(200);
      expect((await refresh(a, refreshTokenOf(onB)!)).statusCode).toBe(200);
    });
  },
  { onDisk: true },
);
