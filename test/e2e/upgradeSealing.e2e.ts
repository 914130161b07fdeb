import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from './pages/App';
import { openProfile, type Profile } from './support/browser';
import { PREVIOUS_BUILD_DIR } from './support/globalSetup';
import { startServer, type RunningServer } from './support/server';
import { signedInTablet } from './support/tablet';
import { createdId as idIn, shownPassword as passwordIn } from './support/organisation';

/**
 * Issue 13, point 5: a tablet that was in use before client data was sealed. The previous build (built from the
 * repository's history by globalSetup) makes the data, as a real organisation's worker; today's build then opens
 * the same device and must seal every row and queued change in place at the first unlock, losing nothing.
 */
let server: RunningServer;
const profiles: Profile[] = [];
const people: Record<'an' | 'bart', { email: string; password: string }> = {} as never;

beforeAll(async () => {
  server = await startServer({ demo: false, loginsPerMinute: 30 });
  const org = idIn(await server.admin('init', '--org', 'Gemeente Oudstad (fictief)', '--admin-email', 'beheer@oudstad.example', '--admin-name', 'Beheer Oudstad (fictief)'));
  const onthaal = idIn(await server.admin('create-team', '--org', org, '--name', 'Onthaal'));
  await server.admin('create-team', '--org', org, '--name', 'Schuldhulp');
  for (const [key, name] of [['an', 'An Oudstad (fictief)'], ['bart', 'Bart Oudstad (fictief)']] as const) {
    const email = `${key}@oudstad.example`;
    people[key] = { email, password: passwordIn(await server.admin('create-user', '--org', org, '--email', email, '--name', name, '--role', 'worker', '--team', onthaal)) };
  }
});
afterAll(async () => {
  for (const profile of profiles) await profile.close();
  await server.stop();
});

/** Serves the previous build's files at the server's own origin (the API stays the server's). */
async function runPreviousBuild(profile: Profile): Promise<() => Promise<void>> {
  const dir = resolve(PREVIOUS_BUILD_DIR);
  const isApp = (url: URL) => url.origin === new URL(server.url).origin && !url.pathname.startsWith('/api/');
  const handler = async (route: import('playwright-core').Route) => {
    const path = new URL(route.request().url()).pathname;
    const file = join(dir, path);
    // A request caught by the switch to today's build may already be answered: nothing to do then.
    await route.fulfill({ path: path !== '/' && existsSync(file) ? file : join(dir, 'index.html') }).catch(() => {});
  };
  await profile.context.route(isApp, handler);
  return () => profile.context.unroute(isApp, handler);
}

describe('a tablet in use before client data was sealed', () => {
  it('has every row and queued change sealed in place at its first unlock after the update, and nothing lost', async () => {
    // No service worker: the two builds come straight from the routes above and the server.
    const profile = await openProfile({ serviceWorkers: 'block' });
    profiles.push(profile);
    const stopPrevious = await runPreviousBuild(profile);
    const an = new App(await profile.context.newPage(), server.url);
    await an.signIn(people.an.email, people.an.password);
    await an.synced();
    await an.createCase('Gezin Oudversie-Kwartel (fictief)');
    await an.startVisitNote();
    await an.facts().fill('Oudversie-notitie over de keuken (fictief)');
    await an.page.getByRole('button', { name: 'Notitie bewaren' }).click();
    await an.page.getByRole('heading', { level: 1, name: 'Gezin Oudversie-Kwartel (fictief)' }).waitFor();
    await an.syncNow();
    // A change that waits: the sync is unreachable while the next case is made.
    await profile.context.route('**/api/sync/**', (route) => route.abort());
    await an.createCase('Gezin Oudversie-Wachtend (fictief)');
    const before = await an.rawStorage();
    // The previous build kept these in plaintext: what the update must seal.
    for (const marker of ['Oudversie-Kwartel', 'Oudversie-notitie', 'Oudversie-Wachtend']) expect(before).toContain(marker);

    // The update: today's build from the server, the sync reachable again.
    await stopPrevious();
    await profile.context.unroute('**/api/sync/**');
    await an.page.reload();
    await an.page.getByRole('heading', { level: 1, name: 'Veldwerk is vergrendeld' }).waitFor();
    await an.unlockIfAsked();
    await expect
      .poll(async () => {
        const raw = await an.rawStorage();
        return ['Oudversie-Kwartel', 'Oudversie-notitie', 'Oudversie-Wachtend'].filter((marker) => raw.includes(marker));
      }, { timeout: 20_000 })
      .toEqual([]);

    // Nothing lost: both cases and the note read back, and the change that waited reaches the colleague.
    await an.open('/');
    expect(await an.caseloadLabels()).toEqual(expect.arrayContaining(['Gezin Oudversie-Kwartel (fictief)', 'Gezin Oudversie-Wachtend (fictief)']));
    await an.openCase('Gezin Oudversie-Kwartel (fictief)');
    await an.page.getByTestId('timeline').getByRole('link').first().click();
    await an.page.getByText('Oudversie-notitie over de keuken (fictief)').waitFor();
    await an.syncNow();
    const bart = await signedInTablet(server.url, people.bart, profiles);
    await bart.page.getByRole('link', { name: 'Gezin Oudversie-Wachtend (fictief)' }).waitFor();
  });
});
