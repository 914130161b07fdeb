import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminCall, adminWorld, type AdminCaller, type AdminWorld } from './support/adminWorld';
import { describeEachDatabase } from './support/testDatabases';
import { errorShape, SIGN_IN_FREELY, startApp } from './support/testServer';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Route {
  method: Method;
  url: (w: AdminWorld) => string;
  body?: () => unknown;
  /** Expected status per caller; `anonymous` is always 401. */
  expect: Record<AdminCaller, number>;
}

const unique = () => randomBytes(4).toString('hex');
const settings = { screenLockMinutes: 10, fullLockMinutes: 60, noteRetentionYears: 7 };

/**
 * Every admin route × role. The subject (a worker of team A2) and team A2 belong to organisation A: its admin
 * may act on them, a worker or coordinator may not (403), the admin of organisation B never finds them (404).
 * Listing and creating need no target, so B's admin gets 200 there, about B.
 */
const ROUTES: Record<string, Route> = {
  'GET people': { method: 'GET', url: () => '/api/admin/people', expect: { worker: 403, coordinator: 200, admin: 200, otherAdmin: 200 } },
  'POST people': {
    method: 'POST',
    url: () => '/api/admin/people',
    body: () => ({ email: `new-${unique()}@test.example`, displayName: 'Nieuw (fictief)', role: 'worker', teamIds: [] }),
    expect: { worker: 403, coordinator: 403, admin: 200, otherAdmin: 200 },
  },
  'PATCH people/:id': { method: 'PATCH', url: (w) => `/api/admin/people/${w.subject.userId}`, body: () => ({ displayName: `Naam ${unique()}` }), expect: { worker: 403, coordinator: 403, admin: 200, otherAdmin: 404 } },
  'POST people/:id/password': { method: 'POST', url: (w) => `/api/admin/people/${w.subject.userId}/password`, body: () => ({}), expect: { worker: 403, coordinator: 403, admin: 200, otherAdmin: 404 } },
  'POST people/:id/revoke-sessions': { method: 'POST', url: (w) => `/api/admin/people/${w.subject.userId}/revoke-sessions`, body: () => ({}), expect: { worker: 403, coordinator: 403, admin: 204, otherAdmin: 404 } },
  'GET teams': { method: 'GET', url: () => '/api/admin/teams', expect: { worker: 403, coordinator: 200, admin: 200, otherAdmin: 200 } },
  'POST teams': { method: 'POST', url: () => '/api/admin/teams', body: () => ({ name: `Team ${unique()}` }), expect: { worker: 403, coordinator: 403, admin: 200, otherAdmin: 200 } },
  'PATCH teams/:id': { method: 'PATCH', url: (w) => `/api/admin/teams/${w.teamA2}`, body: () => ({ name: `A2 ${unique()}` }), expect: { worker: 403, coordinator: 403, admin: 200, otherAdmin: 404 } },
  'PUT teams/:id/members/:userId': { method: 'PUT', url: (w) => `/api/admin/teams/${w.teamA1}/members/${w.subject.userId}`, expect: { worker: 403, coordinator: 403, admin: 204, otherAdmin: 404 } },
  'DELETE teams/:id/members/:userId': { method: 'DELETE', url: (w) => `/api/admin/teams/${w.teamA1}/members/${w.subject.userId}`, expect: { worker: 403, coordinator: 403, admin: 204, otherAdmin: 404 } },
  'GET settings': { method: 'GET', url: () => '/api/admin/settings', expect: { worker: 403, coordinator: 403, admin: 200, otherAdmin: 200 } },
  'PUT settings': { method: 'PUT', url: () => '/api/admin/settings', body: () => settings, expect: { worker: 403, coordinator: 403, admin: 200, otherAdmin: 200 } },
};

const CALLERS: Array<AdminCaller | 'anonymous'> = ['anonymous', 'worker', 'coordinator', 'admin', 'otherAdmin'];
const CELLS = Object.entries(ROUTES).flatMap(([name, route]) =>
  CALLERS.map((caller) => [name, caller, caller === 'anonymous' ? 401 : route.expect[caller]] as const),
);

describeEachDatabase('admin routes × roles', (store) => {
  let app: FastifyInstance;
  let world: AdminWorld;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
    world = await adminWorld(store().db, app);
  });
  afterAll(() => app.close());

  it.each(CELLS)('%s as %s answers %i', async (name, caller, status) => {
    const route = ROUTES[name]!;
    const token = caller === 'anonymous' ? null : world.callers[caller].token;
    const res = await adminCall(app, token, route.method, route.url(world), route.body?.());
    expect(res.statusCode, res.body).toBe(status);
    const codes: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'notFound' };
    if (codes[status]) expect(res.json()).toEqual(errorShape(codes[status]!));
  });

  it('names only routes the server has', () => {
    const pattern = (url: string) => url.replace(`/${world.subject.userId}`, url.includes('/members/') ? '/:userId' : '/:id').replace(world.teamA1, ':id').replace(world.teamA2, ':id');
    for (const route of Object.values(ROUTES)) expect(app.hasRoute({ method: route.method, url: pattern(route.url(world)) }), route.url(world)).toBe(true);
  });
});
