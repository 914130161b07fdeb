import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkReachability } from '../../../src/sync/status';

const answer = (status: number, body: unknown) => async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('reachability reads /api/health', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['up with its database', answer(200, { ok: true, version: '1', database: 'reachable' }), 'reachable'],
    ['up while its database is not (it is there; sync retries)', answer(503, { ok: true, version: '1', database: 'unreachable' }), 'reachable'],
    ['a proxy whose server is down', answer(503, '<html>Service Unavailable</html>'), 'unreachable'],
    ['a proxy error', answer(502, { ok: true }), 'unreachable'],
    ['no answer at all', async () => Promise.reject(new TypeError('Failed to fetch')), 'unreachable'],
  ])('%s', async (_case, fetchFn, expected) => {
    vi.stubGlobal('navigator', { onLine: true });
    vi.stubGlobal('fetch', fetchFn);
    expect(await checkReachability()).toBe(expected);
  });
});
