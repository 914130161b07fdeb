/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

/**
 * The service worker: precaches the whole app (both languages included) and answers every navigation with
 * the app shell, offline too. It never caches API answers: /api is left to the network.
 */
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// A new version waits until the user accepts it in the app (registerType 'prompt'); never on its own.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/**
 * On a cold start the browser's IndexedDB backend for this origin has to be opened from disk, which is the
 * slowest step before the caseload can show. The page cannot start that before its HTML arrives; the worker
 * sees the navigation first, so it opens the database right away and keeps it open for a few seconds.
 * It never creates or upgrades the database, and lets go at once when the app needs a new version.
 */
const DATABASE_NAME = 'veldwerk';
const KEEP_WARM_MS = 5000;

self.addEventListener('fetch', (event) => {
  if (event.request.mode === 'navigate') warmUpDatabase();
});

function warmUpDatabase(): void {
  try {
    const request = indexedDB.open(DATABASE_NAME);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (e) => e.preventDefault();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      setTimeout(() => db.close(), KEEP_WARM_MS);
    };
  } catch {
    // No IndexedDB in this worker: nothing to warm.
  }
}
