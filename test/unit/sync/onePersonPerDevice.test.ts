import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/connection';
import { setMeta } from '../../../src/db/meta';
import { getCase } from '../../../src/db/cases';
import { signIn } from '../../../src/sync/engine';
import { aCase, freshDb } from '../db/freshDb';

beforeEach(freshDb);
afterEach(() => vi.unstubAllGlobals());

const person = (id: string, displayName: string) => ({ id, displayName, role: 'worker', organisationId: 'org-a', teamIds: ['team-a'] });
const an = person('user-an', 'An (fictief)');
const bart = person('user-bart', 'Bart (fictief)');

/** A server that signs in `who`; every request is logged as "METHOD path". */
function server(who: typeof an, dataKey?: string) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const path = new URL(url, 'http://device.invalid').pathname;
    asked.push(`${init.method ?? 'GET'} ${path}`);
    if (path === '/api/auth/login') return new Response(JSON.stringify({ accessToken: 't', expiresIn: 900, user: who, teams: [{ id: 'team-a', name: 'Onthaal' }], ...(dataKey ? { dataKey } : {}) }), { status: 200 });
    if (path === '/api/auth/logout') return new Response(null, { status: 204 });
    return new Response('{}', { status: 503 });
  });
  return asked;
}

async function signedInAs(user: typeof an) {
  await setMeta('sessionUser', { ...user, teams: [{ id: 'team-a', name: 'Onthaal' }] });
  return aCase('Gezin Eerste (fictief)', 'team-a');
}

it('refuses a second person over the first one’s data, ends the new session again, and leaves the data as it was', async () => {
  const before = await signedInAs(an);
  const asked = server(bart);
  const result = await signIn('bart@example.invalid', 'wachtwoord-fictief');
  expect(result).toEqual({ state: 'otherPerson', name: 'An (fictief)' });
  expect(asked.slice(0, 2)).toEqual(['POST /api/auth/login', 'POST /api/auth/logout']);
  expect((await db().meta.get('sessionUser'))?.value).toMatchObject({ id: 'user-an' });
  expect(await getCase(before.id)).toEqual(before);
  expect(await db().outbox.count()).toBe(1);
});

it('lets the same person sign in again, with their data and unsent change kept', async () => {
  const before = await signedInAs(an);
  server(an);
  const result = await signIn('an@example.invalid', 'wachtwoord-fictief');
  expect(result.state).toBe('signedIn');
  expect(await getCase(before.id)).toEqual(before);
  expect(await db().outbox.count()).toBe(1);
});

it('keeps the data key the sign-in answer brings only wrapped under the password', async () => {
  const key = Buffer.alloc(32, 5).toString('base64');
  server(an, key);
  expect((await signIn('an@example.invalid', 'wachtwoord-fictief')).state).toBe('signedIn');
  const stored = (await db().meta.get('dataKey'))?.value as { wrapped: Uint8Array; iterations: number };
  expect(stored.iterations).toBeGreaterThanOrEqual(600_000);
  expect(Buffer.from(stored.wrapped).includes(Buffer.alloc(32, 5))).toBe(false);
  expect(JSON.stringify(await db().meta.toArray())).not.toContain(key);
});
