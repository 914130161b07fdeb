import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/connection';
import { demoSnapshot } from '../../../src/server/demo/demoSnapshot';
import { signIn } from '../../../src/sync/engine';
import { seedDemoIfFresh } from '../../../src/sync/seedDemo';
import { freshDb } from '../db/freshDb';

beforeEach(freshDb);
afterEach(() => vi.unstubAllGlobals());

const login = {
  accessToken: 'token-fictief',
  expiresIn: 900,
  user: { id: 'user-fictief', displayName: 'Hilde (fictief)', role: 'coordinator', organisationId: 'org-a', teamIds: ['team-a'] },
  teams: [{ id: 'team-a', name: 'Onthaal' }],
};

/** A server whose demo snapshot answers only when `release` is called, and whose login answers at once (calling onLogin). */
function serverWithSlowDemo(onLogin: () => void): { release: () => void } {
  let release = () => {};
  const demoAnswered = new Promise<void>((resolve) => (release = resolve));
  vi.stubGlobal('fetch', async (url: string) => {
    if (url.endsWith('/api/demo-snapshot')) {
      await demoAnswered;
      return new Response(JSON.stringify(demoSnapshot(new Date())), { status: 200 });
    }
    if (url.endsWith('/api/auth/login')) {
      onLogin();
      return new Response(JSON.stringify(login), { status: 200 });
    }
    return new Response('{}', { status: 503 });
  });
  return { release };
}

it.each(Array.from({ length: 16 }, (_, k) => k))(
  'a sign-in while the demo is on its way (demo answered %i ticks after the login) never ends signed in among demo rows',
  async (ticks) => {
    const server = serverWithSlowDemo(() => {
      let left = ticks;
      const next = () => (left-- > 0 ? setTimeout(next, 0) : server.release());
      next();
    });
    const seeded = seedDemoIfFresh();
    const result = await signIn('hilde@example.invalid', 'wachtwoord-fictief');
    await seeded;
    const signedIn = (await db().meta.get('sessionUser')) !== undefined;
    const demoCases = await db().cases.count();
    expect(result.state === 'signedIn' ? signedIn && demoCases === 0 : !signedIn && demoCases > 0).toBe(true);
  },
);
