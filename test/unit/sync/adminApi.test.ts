import { describe, expect, it } from 'vitest';
import { AdminApi, AdminError, type AdminErrorCode } from '../../../src/sync/adminApi';
import { SyncApi, type FetchLike } from '../../../src/sync/api';

const person = { id: 'u1', email: 'an@example.org', displayName: 'An', role: 'worker', disabled: false, teamIds: ['t1'], createdAt: '2026-12-01T10:00:00Z' };
const session = { accessToken: 'token-1', expiresIn: 900, user: { id: 'admin', displayName: 'Beheer', role: 'admin', organisationId: 'org', teamIds: [] } };

interface Seen {
  method: string;
  url: string;
  body: string | undefined;
  authorization: string | undefined;
}

/** A fake server: the refresh signs in, every admin request gets `reply`; every request is kept in `seen`. */
function fakeServer(reply: (call: Seen) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const call = { method: init.method ?? 'GET', url, body: init.body == null ? undefined : String(init.body), authorization: headers.authorization };
    if (url === '/api/auth/refresh') return json(200, session);
    seen.push(call);
    return reply(call);
  };
  const sync = new SyncApi(fetch);
  return { api: new AdminApi((path, init) => sync.authedText(path, init)), seen };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string) => json(status, { error: { code, message: code } });

async function codeOf(promise: Promise<unknown>): Promise<AdminErrorCode | 'none'> {
  try {
    await promise;
    return 'none';
  } catch (e) {
    expect(e).toBeInstanceOf(AdminError);
    return (e as AdminError).code;
  }
}

describe('AdminApi', () => {
  it('sends each request to its contract path with the access token, and returns the parsed answer', async () => {
    const { api, seen } = fakeServer((call) => {
      if (call.url === '/api/admin/people' && call.method === 'POST') return json(201, { person, oneTimePassword: 'eenmalig-123' });
      if (call.url === '/api/admin/teams/t%2F1/members/u1') return new Response(null, { status: 204 });
      if (call.url === '/api/admin/settings') return json(200, { settings: { screenLockMinutes: 5, fullLockMinutes: 30, noteRetentionYears: 10, sessionMaxDays: 60 } });
      return error(404, 'notFound');
    });
    const created = await api.createPerson({ email: 'an@example.org', displayName: 'An', role: 'worker', teamIds: ['t1'] });
    expect(created).toEqual({ person, oneTimePassword: 'eenmalig-123' });
    await expect(api.addMember('t/1', 'u1')).resolves.toBeUndefined();
    const settings = { screenLockMinutes: 5, fullLockMinutes: 30, noteRetentionYears: 10, sessionMaxDays: 60 };
    await expect(api.saveSettings(settings)).resolves.toEqual(settings);
    expect(seen.map((c) => [c.method, c.url, c.authorization])).toEqual([
      ['POST', '/api/admin/people', 'Bearer token-1'],
      ['PUT', '/api/admin/teams/t%2F1/members/u1', 'Bearer token-1'],
      ['PUT', '/api/admin/settings', 'Bearer token-1'],
    ]);
    expect(JSON.parse(seen[0]!.body!)).toEqual({ email: 'an@example.org', displayName: 'An', role: 'worker', teamIds: ['t1'] });
  });

  it('asks for the audit of a dossier or a person, as entries or as the server\'s CSV', async () => {
    const entry = { at: '2026-12-01T10:00:00Z', userId: 'u1', userName: 'An', action: 'sync.push', target: 'case-1', clientId: 'c1', rowCount: 2 };
    const { api, seen } = fakeServer((call) =>
      call.url.includes('format=csv') ? new Response('at,userId\r\n', { status: 200, headers: { 'content-type': 'text/csv' } }) : json(200, { entries: [entry] }),
    );
    expect(await api.audit({ caseId: 'case-1' })).toEqual([entry]);
    expect(await api.auditCsv({ userId: 'u 1' })).toBe('at,userId\r\n');
    expect(seen.map((c) => c.url)).toEqual(['/api/admin/audit?caseId=case-1', '/api/admin/audit?userId=u+1&format=csv']);
  });

  it('uses the paths of the contract for people, devices and teams', async () => {
    const { api, seen } = fakeServer(() => new Response(null, { status: 204 }));
    await api.revokeSessions('u1');
    await api.revokeDevice('client-9');
    await api.removeMember('t1', 'u1');
    expect(seen.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/admin/people/u1/revoke-sessions',
      'POST /api/admin/devices/client-9/revoke',
      'DELETE /api/admin/teams/t1/members/u1',
    ]);
  });

  it.each<[string, () => Response, AdminErrorCode]>([
    ['403 forbidden', () => error(403, 'forbidden'), 'forbidden'],
    ['404 notFound', () => error(404, 'notFound'), 'notFound'],
    ['409 emailTaken', () => error(409, 'emailTaken'), 'emailTaken'],
    ['409 cannotChangeSelf', () => error(409, 'cannotChangeSelf'), 'cannotChangeSelf'],
    ['409 with another code', () => error(409, 'somethingElse'), 'server'],
    ['400 invalid', () => error(400, 'invalid'), 'invalid'],
    ['400 invalidInput', () => error(400, 'invalidInput'), 'invalid'],
    ['500', () => error(500, 'internal'), 'server'],
    ['a 200 that does not parse', () => json(200, { people: [{ id: 1 }] }), 'server'],
    ['a 200 that is not JSON', () => new Response('<html>', { status: 200 }), 'server'],
  ])('maps %s to "%s"', async (_, reply, expected) => {
    const { api } = fakeServer(reply);
    expect(await codeOf(api.listPeople())).toBe(expected);
  });

  it('says "offline" when the request never reaches a server', async () => {
    const { api } = fakeServer(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await codeOf(api.getSettings())).toBe('offline');
  });

  it('requests side by side share one refresh: a second refresh with the same cookie would end the session', async () => {
    let refreshes = 0;
    const fetch: FetchLike = async (url) => {
      if (url === '/api/auth/refresh') {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return json(200, session);
      }
      return url.endsWith('/people') ? json(200, { people: [person] }) : json(200, { teams: [] });
    };
    const sync = new SyncApi(fetch);
    const api = new AdminApi((path, init) => sync.authedText(path, init));
    expect(await Promise.all([api.listPeople(), api.listTeams()])).toEqual([[person], []]);
    expect(refreshes).toBe(1);
  });

  it('asks to sign in again when the refresh is refused, after one refresh and one retry', async () => {
    let refreshes = 0;
    const fetch: FetchLike = async (url) => {
      if (url === '/api/auth/refresh') return ++refreshes === 1 ? json(200, session) : error(401, 'unauthorized');
      return error(401, 'unauthorized');
    };
    const sync = new SyncApi(fetch);
    const api = new AdminApi((path, init) => sync.authedText(path, init));
    expect(await codeOf(api.listTeams())).toBe('signIn');
    expect(refreshes).toBe(2);
  });
});
