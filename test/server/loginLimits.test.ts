import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountKey, lockMs, waitMs } from '../../src/server/auth/loginLimits';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, errorShape, startApp, type Member } from './support/testServer';

const attempt = (app: FastifyInstance, email: string, password: string, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> =>
  app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

describe('the login back-off', () => {
  it('waits nothing below the free failures, then 30 s doubling up to 15 min', () => {
    const at = (n: number) => lockMs(n, 5, 30_000, 15 * 60_000);
    expect([0, 4].map(at)).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 100].map(at)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
  });

  // A parallel sign-in of the same person records its attempt while this one is checked: its failure can be
  // stamped a few milliseconds after this check's clock. Found on PostgreSQL: the right password got a 429.
  it.each([
    ['no failure', 0, null, 0],
    ['one failure stamped 9 ms after the check', 1, '2026-12-04T10:00:00.009Z', 0],
    ['four failures, the last one in the future', 4, '2026-12-04T10:00:05.000Z', 0],
    ['five failures, the last 10 s ago', 5, '2026-12-04T09:59:50.000Z', 20_000],
    ['five failures, the last stamped 9 ms after the check', 5, '2026-12-04T10:00:00.009Z', 30_009],
    ['six failures, the last a minute ago', 6, '2026-12-04T09:59:00.000Z', 0],
  ] as const)('waits the right time: %s', (_what, count, last, expected) => {
    expect(waitMs({ count, last }, 5, 30_000, 15 * 60_000, Date.parse('2026-12-04T10:00:00.000Z'))).toBe(expected);
  });
});

// Two instances on one database, each with its own connection, and one clock the tests move.
describeEachDatabase(
  'login limits',
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
    const later = (seconds: number) => {
      offset += seconds * 1000;
    };

    const expectLocked = (res: LightMyRequestResponse, seconds?: number) => {
      expect(res.statusCode).toBe(429);
      expect(res.json()).toEqual(errorShape('tooManyRequests'));
      const retryAfter = Number(res.headers['retry-after']);
      if (seconds === undefined) expect(retryAfter).toBeGreaterThan(0);
      else expect(retryAfter).toBe(seconds);
      return retryAfter;
    };

    it('locks an account after 5 wrong passwords, counted on every instance, even for the right password', async () => {
      const { user, password } = await createMember(store().db);
      for (let i = 0; i < 5; i++) expect((await attempt(i % 2 ? a : b, user.email, 'wrong', `203.0.113.${i + 1}`)).statusCode).toBe(401);
      // A sixth address and the other instance change nothing: the lock is per account, in the database.
      expectLocked(await attempt(a, user.email, password, '198.51.100.200'), 30);
      expectLocked(await attempt(b, user.email, 'another guess', '198.51.100.201'), 30);
    });

    it('lets the person in once the wait is over; then the account starts with a clean slate', async () => {
      const { user, password } = await createMember(store().db);
      for (let i = 0; i < 5; i++) expect((await attempt(a, user.email, 'wrong')).statusCode).toBe(401);
      expectLocked(await attempt(b, user.email, password), 30);
      later(31);
      expect((await attempt(b, user.email, password)).statusCode).toBe(200);
      // The failures were forgiven: four more mistakes are still only "wrong password".
      for (let i = 0; i < 4; i++) expect((await attempt(a, user.email, 'wrong')).statusCode).toBe(401);
      expect((await attempt(a, user.email, password)).statusCode).toBe(200);
    });

    it('doubles the wait with every further failure, up to 15 minutes', async () => {
      const { user } = await createMember(store().db);
      for (let i = 0; i < 5; i++) await attempt(a, user.email, 'wrong');
      const waits: number[] = [];
      for (let round = 0; round < 7; round++) {
        const wait = expectLocked(await attempt(a, user.email, 'wrong'));
        waits.push(wait);
        later(wait + 1);
        expect((await attempt(b, user.email, 'wrong')).statusCode).toBe(401);
      }
      expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
    });

    it('locks an unknown e-mail address exactly like a known one, so a lock tells nobody which accounts exist', async () => {
      const nobody = `nobody-${Date.now()}@test.example`;
      for (let i = 0; i < 5; i++) expect((await attempt(a, nobody, 'wrong')).statusCode).toBe(401);
      expectLocked(await attempt(b, nobody, 'wrong'), 30);
    });

    it('lets a whole office behind one address mistype without locking anyone out who has the right password', async () => {
      const office = '192.0.2.10';
      const colleagues: Member[] = [];
      for (let i = 0; i < 12; i++) colleagues.push(await createMember(store().db));
      // 48 mistakes from one address: four per person, none of them locked.
      for (const colleague of colleagues) for (let i = 0; i < 4; i++) expect((await attempt(a, colleague.user.email, 'wrong', office)).statusCode).toBe(401);
      for (const colleague of colleagues) expect((await attempt(b, colleague.user.email, colleague.password, office)).statusCode).toBe(200);
    });

    it('holds back password spraying from one address, but not the people who sign in from there, nor other addresses', async () => {
      const office = '192.0.2.20';
      const colleague = await createMember(store().db);
      const newcomer = await createMember(store().db);
      expect((await attempt(a, colleague.user.email, colleague.password, office)).statusCode).toBe(200);
      // One password tried on 50 accounts from one address: no single account reaches its own limit.
      for (let i = 0; i < 50; i++) expect((await attempt(i % 2 ? a : b, `sprayed-${i}-${Date.now()}@test.example`, 'Welkom123!', office)).statusCode).toBe(401);
      expectLocked(await attempt(a, `sprayed-next-${Date.now()}@test.example`, 'Welkom123!', office), 30);
      // The newcomer has never signed in from there: held back like the sprayer (at most 15 minutes).
      expectLocked(await attempt(b, newcomer.user.email, newcomer.password, office), 30);
      // Someone who signed in from this address before is not refused for what others typed.
      expect((await attempt(b, colleague.user.email, colleague.password, office)).statusCode).toBe(200);
      // And the same account from elsewhere, untouched.
      expect((await attempt(a, newcomer.user.email, newcomer.password, '198.51.100.99')).statusCode).toBe(200);
    });

    it('still locks a known account at its own office when its own password is guessed', async () => {
      const office = '192.0.2.30';
      const { user, password } = await createMember(store().db);
      expect((await attempt(a, user.email, password, office)).statusCode).toBe(200);
      for (let i = 0; i < 5; i++) expect((await attempt(b, user.email, 'wrong', office)).statusCode).toBe(401);
      expectLocked(await attempt(a, user.email, password, office), 30);
    });

    it('prunes failures no window counts any more and old successes', async () => {
      const db = store().db;
      const now = Date.now() + offset;
      const row = (id: string, hoursAgo: number, succeeded: number) => ({
        id,
        account_key: accountKey(`old-${id}@test.example`),
        address: '192.0.2.99',
        at: new Date(now - hoursAgo * 3600_000).toISOString(),
        succeeded,
      });
      await db
        .insertInto('login_attempts')
        .values([row('prune-old-failure', 25, 0), row('prune-recent-failure', 1, 0), row('prune-old-success', 31 * 24, 1), row('prune-recent-success', 24 * 20, 1)])
        .execute();
      // Pruning runs with a recorded attempt, at most once a minute per instance.
      later(61);
      await attempt(a, `trigger-${Date.now()}@test.example`, 'wrong', '198.51.100.150');
      const left = await db.selectFrom('login_attempts').select('id').where('id', 'like', 'prune-%').orderBy('id').execute();
      expect(left.map((r) => r.id)).toEqual(['prune-recent-failure', 'prune-recent-success']);
    });
  },
  { onDisk: true },
);
