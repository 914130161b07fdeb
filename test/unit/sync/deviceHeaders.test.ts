import { describe, expect, it } from 'vitest';
import { SyncApi, type FetchLike } from '../../../src/sync/api';
import { PROTOCOL_VERSION } from '../../../src/sync/protocol';

const session = { accessToken: 'a.b.c', expiresIn: 600, user: { id: 'u', displayName: 'U', role: 'worker', organisationId: 'o', teamIds: ['t'] }, colleagues: [] };

function recorder(): { fetchFn: FetchLike; calls: Array<{ url: string; headers: Record<string, string> }> } {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetchFn: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    const body = url.startsWith('/api/auth/') ? session : url.startsWith('/api/sync/push') ? { protocol: PROTOCOL_VERSION, results: [] } : { protocol: PROTOCOL_VERSION, scopeId: 't', rows: [], cursor: 0, more: false };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetchFn, calls };
}

describe('the device tells the server who it is', () => {
  it('sends its install id and app version on every request, the session requests included', async () => {
    const { fetchFn, calls } = recorder();
    const api = new SyncApi(fetchFn, '', { clientId: async () => 'install-1', appVersion: '0.1.0+abc' });
    await api.login('a@b.example', 'pw');
    await api.changes('t', 0);
    await api.push({ protocol: PROTOCOL_VERSION, clientId: 'install-1', mutations: [] });
    await api.refresh();
    expect(calls.map((c) => c.url.split('?')[0])).toEqual(['/api/auth/login', '/api/sync/changes', '/api/sync/push', '/api/auth/refresh']);
    for (const call of calls) expect(call.headers).toMatchObject({ 'x-veldwerk-client': 'install-1', 'x-veldwerk-version': '0.1.0+abc' });
  });

  it('still sends the request when its id cannot be read, only without it', async () => {
    const { fetchFn, calls } = recorder();
    const api = new SyncApi(fetchFn, '', { clientId: () => Promise.reject(new Error('storage gone')), appVersion: '1' });
    await api.refresh();
    expect(calls[0]!.headers).not.toHaveProperty('x-veldwerk-client');
    expect(calls[0]!.headers['x-veldwerk-version']).toBe('1');
  });

  it('sends neither header when it was given no identity', async () => {
    const { fetchFn, calls } = recorder();
    await new SyncApi(fetchFn).refresh();
    expect(Object.keys(calls[0]!.headers).filter((h) => h.startsWith('x-veldwerk'))).toEqual([]);
  });
});
