import type { Page } from 'playwright-core';
import { startServer } from './server';
import type { Session } from './session';
import { E2E_DIST_NEXT } from './distDirs';

/** "Deploys" the next build at the same origin and asks the page's service worker registration to look for it. */
export async function deployNextVersion(session: Session): Promise<void> {
  const port = session.server.port;
  await session.server.stop();
  session.server = await startServer({ staticDir: E2E_DIST_NEXT, port });
  await session.app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
}

/**
 * In a new tab of the same profile, opens the app's database at a higher version, as an updated app would, and
 * resolves with the rows of `store` as JSON once the open succeeds (that is, once every old tab let go).
 */
export async function upgradeInAnotherTab(session: Session, store: string): Promise<string> {
  const other = await session.profile.context.newPage();
  await other.goto(`${session.server.url}/robots.txt`);
  return other.evaluate(
    (name) =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('veldwerk', 1000);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const get = request.result.transaction(name).objectStore(name).getAll();
          get.onsuccess = () => resolve(JSON.stringify(get.result));
        };
      }),
    store,
  );
}


type Marked = { __sameDocument?: boolean };

/** Tags the page's current document, so a test can tell later whether it was reloaded in between. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
}

/** True while the document tagged by markDocument is still the one shown. */
export function isSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as Marked).__sameDocument === true);
}

/** Waits until the tagged document has been replaced by a reload. */
export async function untilReloaded(page: Page): Promise<void> {
  await page.waitForFunction(() => !(window as unknown as Marked).__sameDocument, undefined, { timeout: 20_000 });
}
