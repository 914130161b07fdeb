import { render } from 'preact';
import { App } from './App';
import { preloadCaseload } from './features/cases/caseloadPreload';
import { connect, onVersionChange } from './db/connection';
import { DATABASE_NAME } from './db/databaseName';
import { getMeta } from './db/meta';
import { deviceDataWasRemoved } from './sync/deviceMarker';
import { startI18n } from './i18n/i18n';
import { requestPersistence } from './pwa/storage';
import { startServiceWorker } from './pwa/updates';
import { preloadScreens } from './shell/routes';
import { seedDemoIfFresh } from './sync/seedDemo';
import { watch } from './db/live';
import { countWaiting } from './db/outbox';
import { flushAll } from './ui/dirtyEditors';
import './ui/app.css';

/** Composition root, the only place with start-up side effects: i18n → db → render → background work. */

async function start(): Promise<void> {
  // Start opening the database now, while i18n starts: on a cold start both lie on the path to the caseload.
  // Queries issued before it is open simply wait for it.
  void connect(DATABASE_NAME).open().catch(() => {});
  await startI18n();
  // The caseload is read before the first render, alongside the device marker, so it arrives in the first frame.
  const caseload = location.pathname === '/' ? preloadCaseload().catch(() => {}) : undefined;
  const storageWiped = deviceDataWasRemoved(await getMeta<string>('clientId').catch(() => undefined));
  await caseload;
  const root = document.getElementById('app')!;
  // index.html paints a bare header at once; the app replaces it in the same task, so nothing flashes.
  root.textContent = '';
  const draw = (databaseClosed: boolean) => render(<App databaseClosed={databaseClosed} storageWiped={storageWiped} />, root);
  onVersionChange(async () => {
    await flushAll().catch(() => {});
    draw(true);
  });
  draw(false);
  void requestPersistence();
  // The service worker's precache download and the other screens' code wait until the first screen has its
  // data: on a first visit they would otherwise compete with it for the network and the CPU.
  void seedDemoIfFresh()
    .catch(() => {})
    .finally(() =>
      whenIdle(() => {
        startServiceWorker();
        preloadScreens();
        void import('./sync/engine').then((engine) => {
          engine.startSyncTriggers();
          syncAfterLocalWrites(engine.afterLocalWrite);
        });
      }),
    );
}

/** A few seconds after the queue grows, sync (the engine debounces and keeps one round at a time). */
function syncAfterLocalWrites(afterLocalWrite: () => void): void {
  let last = Number.POSITIVE_INFINITY;
  watch(
    countWaiting,
    (n) => {
      if (n > last) afterLocalWrite();
      last = n;
    },
    () => {},
  );
}

/** After the first screen is up, when the browser has nothing better to do. */
function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(work, { timeout: 3000 });
  else setTimeout(work, 1500);
}

void start();
