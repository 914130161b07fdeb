import { render } from 'preact';
import { App, type DatabaseState } from './App';
import { preloadCaseload } from './features/cases/caseloadPreload';
import { readsAtStart, takeBootRead } from './db/bootRead';
import { connectOnFirstUse, db, onVersionChange } from './db/connection';
import { DATABASE_NAME } from './db/databaseName';
import { getMeta } from './db/meta';
import { hintLocked } from './db/lockHint';
import { endStaticUnlock } from './shell/staticUnlock';
import { deviceDataWasRemoved } from './sync/deviceMarker';
import { startI18n } from './i18n/i18n';
import { requestPersistence } from './pwa/storage';
import { startServiceWorker } from './pwa/updates';
import { preloadScreens } from './shell/routes';
import { guardUnsavedForms } from './shell/unsavedGuard';
import { seedDemoIfFresh } from './sync/seedDemo';
import { watch } from './db/live';
import { countWaiting } from './db/counts';
import { anyUnsaved, flushAll, whenNoneUnsaved } from './ui/dirtyEditors';
import { afterFirstScreen } from './ui/firstScreen';
import { applyDiscreet } from './ui/discreetMode';
import './ui/app.css';

/**
 * Composition root, the only place with start-up side effects besides src/boot.ts (the read index.html starts
 * before this code has loaded): i18n → db → render → background work.
 */

async function start(): Promise<void> {
  // Before anything is drawn: in the discreet mode no client's name shows, not even for a frame.
  applyDiscreet();
  addEventListener('storage', applyDiscreet);
  // On the caseload, index.html's start-up script has been reading it since the page began (src/boot.ts).
  const boot = takeBootRead();
  // A signed-in device opens only with the password, also offline: nothing of its data is read or drawn before
  // (shell/lock.tsx). The start-up read says so early, and the unlock screen's code loads while i18n starts.
  const lockCode = boot.then((found) => (found === 'locked' ? import('./shell/lock') : null));
  const onCaseload = readsAtStart(location.pathname);
  // Dexie is set up on first use: a first frame drawn from the start-up read needs none of it.
  connectOnFirstUse(DATABASE_NAME);
  const openDatabase = () => void db().open().catch(() => {});
  // Elsewhere, open the database at once, while i18n starts.
  if (!onCaseload) openDatabase();
  await startI18n();
  const found = await boot;
  const early = onCaseload && found !== 'locked' ? found : null;
  // Without those rows (first visit, a schema upgrade pending) the caseload and the device marker are read the
  // usual way. With them, Dexie opens on the first query, after the first frame, instead of before it.
  if (onCaseload && !early) openDatabase();
  // Without a start-up read (a schema upgrade pending), whether the device is locked is read the usual way.
  const lock = (await lockCode) ?? (found === null && (await getMeta('dataKey').catch(() => undefined)) !== undefined ? await import('./shell/lock') : null);
  if (lock) await lock.unlockFirst();
  // Not (or no longer) a signed-in device: index.html's copy of the unlock screen, shown on a stale hint, goes.
  else {
    hintLocked(false);
    endStaticUnlock();
  }
  // The caseload is read before the first render, so the first frame already shows it.
  const caseload = onCaseload ? preloadCaseload(early).catch(() => {}) : undefined;
  const clientId = early ? early.clientId : await getMeta<string>('clientId').catch(() => undefined);
  const storageWiped = deviceDataWasRemoved(clientId);
  await caseload;
  const root = document.getElementById('app')!;
  // index.html paints a bare header at once; the app replaces it in the same task, so nothing flashes.
  root.textContent = '';
  const draw = (database: DatabaseState) => render(<App database={database} storageWiped={storageWiped} />, root);
  onVersionChange(async () => {
    await flushAll().catch(() => {});
    // A form without a draft cannot survive the reload: the database stays open until it is saved or cancelled.
    if (anyUnsaved()) {
      draw('closing');
      await whenNoneUnsaved();
    }
    draw('closed');
  });
  guardUnsavedForms();
  draw('open');
  void requestPersistence();
  // The service worker's precache download and the other screens' code wait until the first screen has its
  // data: on a first visit they would otherwise compete with it for the network and the CPU.
  // A device whose caseload came from the start-up read is not fresh: its demo check, which sets Dexie up, can
  // wait until the list is on screen.
  const firstFrame = early ? afterFirstScreen() : Promise.resolve();
  void firstFrame
    .then(seedDemoIfFresh)
    .catch(() => {})
    .finally(() =>
      whenIdle(() => {
        startServiceWorker();
        preloadScreens();
        void import('./shell/lock').then((lock) => lock.startAutoLock());
        void import('./sync/engine').then((engine) => {
          engine.startSyncTriggers();
          syncAfterLocalWrites(engine.afterLocalWrite);
        });
      }),
    );
}

/** A few seconds after the queue grows, sync (the engine debounces and keeps one round at a time). */
function syncAfterLocalWrites(afterLocalWrite: () => void): void {
  // From 0: changes already waiting when this starts (made while the engine was still loading) count as new.
  let last = 0;
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
