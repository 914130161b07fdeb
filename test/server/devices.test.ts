import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/model/ids';
import { PROTOCOL_VERSION } from '../../src/sync/protocol';
import { adminGet, adminPost, colleague, deviceHeaders, organisationWithAdmin } from './support/opsFixtures';
import { accessToken, Device } from './support/syncClient';
import { caseRow } from './support/syncFixtures';
import { describeEachDatabase } from './support/testDatabases';
import { errorShape, login, refreshTokenOf, SIGN_IN_FREELY, startApp } from './support/testServer';

describeEachDatabase('devices', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
  });
  afterAll(() => app.close());

  const pull = (token: string, scope: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: '/api/sync/changes', query: { scope, since: '0' }, headers: { authorization: `Bearer ${token}`, ...headers } });
  const snapshot = (token: string, scope: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: '/api/sync/snapshot', query: { scope }, headers: { authorization: `Bearer ${token}`, ...headers } });
  const push = (token: string, clientId: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${token}`, ...headers }, payload: { protocol: PROTOCOL_VERSION, clientId, mutations: [] } });
  const refreshFrom = (token: string, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { vw_refresh: token }, headers });
  const devicesOf = (adminToken: string, userId: string) => adminGet(app, adminToken, `/api/admin/people/${userId}/devices`);
  const stored = (clientId: string) => store().db.selectFrom('sync_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();

  it('records a device at its first sync request with its app version, and lists it for the admin', async () => {
    const { worker, admin, workerToken, adminToken } = await organisationWithAdmin(app, store().db);
    const clientId = newId();
    const before = new Date().toISOString();
    expect((await pull(workerToken, worker.teamId, deviceHeaders(clientId, '0.1.0+abc'))).statusCode).toBe(200);
    const res = await devicesOf(adminToken, worker.user.id);
    expect(res.statusCode).toBe(200);
    const { devices } = res.json();
    expect(devices).toEqual([{ clientId, firstSeenAt: expect.any(String), lastSeenAt: expect.any(String), appVersion: '0.1.0+abc', revokedAt: null }]);
    expect(devices[0].firstSeenAt >= before).toBe(true);
    expect((await devicesOf(adminToken, admin.user.id)).json()).toEqual({ devices: [] });
  });

  it('binds a device to the user who first shows it, and never re-binds it to another', async () => {
    const { worker, workerToken } = await organisationWithAdmin(app, store().db);
    const other = await colleague(store().db, worker, 'worker');
    const otherToken = await accessToken(app, other);
    const clientId = newId();
    expect((await snapshot(workerToken, worker.teamId, deviceHeaders(clientId, '1'))).statusCode).toBe(200);
    // Presented by someone else: a pull answers as before (it does not look at the client), a push refuses.
    expect((await pull(otherToken, worker.teamId, deviceHeaders(clientId, '2'))).statusCode).toBe(200);
    const pushed = await push(otherToken, clientId, deviceHeaders(clientId, '2'));
    expect(pushed.statusCode).toBe(403);
    expect(pushed.json()).toEqual(errorShape('forbidden'));
    expect(await stored(clientId)).toMatchObject({ user_id: worker.user.id, app_version: '1' });
  });

  it('keeps the last contact and app version of refreshes and pushes (a push without headers too)', async () => {
    const { worker, workerToken } = await organisationWithAdmin(app, store().db);
    const clientId = newId();
    const signedIn = await login(app, worker.user.email, worker.password);
    const refreshed = await refreshFrom(refreshTokenOf(signedIn)!, deviceHeaders(clientId, '0.2.0'));
    expect(refreshed.statusCode).toBe(200);
    expect(await stored(clientId)).toMatchObject({ user_id: worker.user.id, app_version: '0.2.0', revoked_at: null });
    await store().db.updateTable('sync_clients').set({ last_seen_at: '2025-01-01T00:00:00.000Z' }).where('client_id', '=', clientId).execute();
    expect((await push(workerToken, clientId)).statusCode).toBe(200);
    const row = await stored(clientId);
    expect(row!.last_seen_at! > '2025-01-01T00:00:00.000Z').toBe(true);
    expect(row!.app_version).toBe('0.2.0');
    // A newer app on the same install is written at once.
    expect((await pull(workerToken, worker.teamId, deviceHeaders(clientId, '0.3.0'))).statusCode).toBe(200);
    expect((await stored(clientId))!.app_version).toBe('0.3.0');
  });

  it('refuses a revoked device on every sync route and on refresh, and ends the session it refreshed', async () => {
    const { worker, admin, workerToken, adminToken } = await organisationWithAdmin(app, store().db);
    const device = new Device(app, workerToken);
    await device.push([device.entry({ type: 'case.create', row: caseRow(worker.teamId) })]);
    const signedIn = await login(app, worker.user.email, worker.password);
    const revoked = await adminPost(app, adminToken, `/api/admin/devices/${device.clientId}/revoke`);
    expect(revoked.statusCode).toBe(204);
    const headers = deviceHeaders(device.clientId);
    for (const res of [
      await pull(workerToken, worker.teamId, headers),
      await snapshot(workerToken, worker.teamId, headers),
      await push(workerToken, device.clientId, headers),
      // Without the headers, a push names its client in the body.
      await push(workerToken, device.clientId),
      // Before the token is even looked at: the device must hear it whatever its session.
      await pull('expired-or-forged', worker.teamId, headers),
      await refreshFrom(refreshTokenOf(signedIn)!, headers),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toEqual(errorShape('deviceRevoked'));
    }
    // The refresh token that revoked device presented opens nothing any more, from anywhere.
    expect((await refreshFrom(refreshTokenOf(signedIn)!)).statusCode).toBe(401);
    // Another install of the same person works on.
    expect((await pull(workerToken, worker.teamId, deviceHeaders(newId()))).statusCode).toBe(200);
    const { devices } = (await devicesOf(adminToken, worker.user.id)).json();
    expect(devices.find((d: { clientId: string }) => d.clientId === device.clientId).revokedAt).toEqual(expect.any(String));
    const audit = await store().db.selectFrom('audit_log').select(['user_id', 'target', 'client_id']).where('action', '=', 'device.revoke').where('client_id', '=', device.clientId).execute();
    expect(audit).toEqual([{ user_id: admin.user.id, target: worker.user.id, client_id: device.clientId }]);
    // Revoking again changes nothing and is not audited twice.
    expect((await adminPost(app, adminToken, `/api/admin/devices/${device.clientId}/revoke`)).statusCode).toBe(204);
    expect(await store().db.selectFrom('audit_log').select('id').where('action', '=', 'device.revoke').where('client_id', '=', device.clientId).execute()).toHaveLength(1);
  });

  it('lets only an admin of the same organisation list or revoke', async () => {
    const { worker, workerToken, adminToken } = await organisationWithAdmin(app, store().db);
    const elsewhere = await organisationWithAdmin(app, store().db);
    const clientId = newId();
    await pull(workerToken, worker.teamId, deviceHeaders(clientId));
    const coordinator = await accessToken(app, await colleague(store().db, worker, 'coordinator'));
    for (const token of [workerToken, coordinator]) {
      expect((await devicesOf(token, worker.user.id)).json()).toEqual(errorShape('forbidden'));
      const res = await adminPost(app, token, `/api/admin/devices/${clientId}/revoke`);
      expect([res.statusCode, res.json()]).toEqual([403, errorShape('forbidden')]);
    }
    for (const res of [
      await devicesOf(elsewhere.adminToken, worker.user.id),
      await adminPost(app, elsewhere.adminToken, `/api/admin/devices/${clientId}/revoke`),
      await devicesOf(adminToken, newId()),
      await adminPost(app, adminToken, `/api/admin/devices/${newId()}/revoke`),
    ]) {
      expect([res.statusCode, res.json()]).toEqual([404, errorShape('notFound')]);
    }
    expect((await stored(clientId))!.revoked_at).toBeNull();
    expect((await adminGet(app, 'nope', `/api/admin/people/${worker.user.id}/devices`)).statusCode).toBe(401);
    const tooLong = await devicesOf(adminToken, 'x'.repeat(65));
    expect([tooLong.statusCode, tooLong.json()]).toEqual([400, errorShape('invalid')]);
    const withBody = await app.inject({ method: 'POST', url: `/api/admin/devices/${clientId}/revoke`, headers: { authorization: `Bearer ${adminToken}` }, payload: [1] });
    expect([withBody.statusCode, withBody.json()]).toEqual([400, errorShape('invalid')]);
  });

  it('refuses a malformed device header', async () => {
    const { worker, workerToken } = await organisationWithAdmin(app, store().db);
    const res = await pull(workerToken, worker.teamId, { 'x-veldwerk-client': 'x'.repeat(65) });
    expect([res.statusCode, res.json()]).toEqual([400, errorShape('invalidInput')]);
  });
});
