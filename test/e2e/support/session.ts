import { afterAll, beforeAll } from 'vitest';
import { App } from '../pages/App';
import { openProfile, type Profile } from './browser';
import { startServer, type RunningServer } from './server';

export interface Session {
  server: RunningServer;
  profile: Profile;
  app: App;
}

/**
 * For a test file: a real server, a fresh persistent browser profile and one app page, set up before the
 * file's tests and torn down after. Read it inside tests through the returned getter.
 */
export function useSession(options: { staticDir?: string } = {}): () => Session {
  let session: Session | null = null;
  beforeAll(async () => {
    const server = await startServer({ staticDir: options.staticDir });
    const profile = await openProfile();
    session = { server, profile, app: new App(await profile.context.newPage(), server.url) };
  });
  afterAll(async () => {
    await session?.profile.close();
    await session?.server.stop();
  });
  return () => {
    if (!session) throw new Error('useSession: the session starts in beforeAll');
    return session;
  };
}

/**
 * The field situation the offline suites start from: the app installed (the service worker controls the page),
 * the demo data on the device, and then no connection.
 */
export async function installedAndOffline(session: Session): Promise<void> {
  await session.app.open('/');
  await session.app.untilControlled();
  await session.app.caseloadLabels();
  await session.profile.context.setOffline(true);
}
