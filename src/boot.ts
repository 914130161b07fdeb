import { bootRead } from './db/bootRead';
import { DATABASE_NAME } from './db/databaseName';

/**
 * A second, tiny entry (loaded async by index.html, ahead of the app): starts reading the caseload from
 * IndexedDB while the app's code loads, and leaves the promise for main.tsx. On any path it also wakes the
 * browser's IndexedDB backend early; only the caseload uses the rows.
 */
window.__veldwerkBoot = bootRead(indexedDB, DATABASE_NAME);
