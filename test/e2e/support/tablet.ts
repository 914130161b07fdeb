import { App } from '../pages/App';
import { openProfile, type Profile } from './browser';

/**
 * A worker's tablet: a browser profile of its own (kept in `profiles`, for the suite to close), signed in,
 * synced, and with the service worker in control, so it can work offline from here on.
 */
export async function signedInTablet(serverUrl: string, person: { email: string; password: string }, profiles: Profile[]): Promise<App> {
  const profile = await openProfile();
  profiles.push(profile);
  const app = new App(await profile.context.newPage(), serverUrl);
  await app.signIn(person.email, person.password);
  await app.synced();
  await app.untilControlled();
  return app;
}
