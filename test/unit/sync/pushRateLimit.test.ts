import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCase } from '../../../src/db/cases';
import { listOutbox } from '../../../src/db/outbox';
import { emptyCaseBody } from '../../../src/model/caseFile';
import { SyncError } from '../../../src/sync/api';
import { createMember, SIGN_IN_FREELY } from '../../server/support/testServer';
import type { Db } from '../../../src/server/store/database';
import { Device, sqliteServer } from './syncHarness';

/** The server's per-person push limit (pushRateLimit.ts) as the device meets it: one push a minute here. */
let store: Db;
let app: FastifyInstance;
beforeAll(async () => {
  ({ store, app } = await sqliteServer(SIGN_IN_FREELY, { pushRateLimit: { max: 1, timeWindowMs: 60_000 } }));
});
afterAll(() => app.close());

it('a push answered 429 fails the round as "too many requests" and leaves every change waiting, none in "needs attention"', async () => {
  const member = await createMember(store);
  const device = await Device.signedIn(app, member);
  await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Eerst (fictief)' }, new Date());
  expect(await device.sync()).toMatchObject({ pushed: 1 });
  await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Daarna (fictief)' }, new Date());
  await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Nog (fictief)' }, new Date());
  const error = await device.sync().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncError);
  expect(error).toMatchObject({ code: 'tooManyRequests', status: 429 });
  expect(device.net.statuses('/api/sync/push')).toEqual([200, 429]);
  device.use();
  const outbox = await listOutbox();
  expect(outbox.map((e) => e.status)).toEqual(['pending', 'pending']);
});
