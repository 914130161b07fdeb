import { bootRead, readsAtStart } from './db/bootRead';
import { DATABASE_NAME } from './db/databaseName';

/**
 * The start-up read, inlined into index.html by vite.config.ts so it runs while the page is parsed: starts
 * reading the caseload from IndexedDB while the app's code loads, and leaves the promise for main.tsx. On other
 * paths it only opens the database, which wakes the browser's IndexedDB backend early.
 */
window.__veldwerkBoot = bootRead(indexedDB, DATABASE_NAME, readsAtStart(location.pathname));
