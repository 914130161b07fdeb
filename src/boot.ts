import { bootRead, readsAtStart } from './db/bootRead';
import { DATABASE_NAME } from './db/databaseName';
import { hintedLocked, hintLocked } from './db/lockHint';
import { storedLanguage } from './i18n/languageKey';
import { showStaticUnlock } from './shell/staticUnlock';

/**
 * The start-up read, inlined into index.html by vite.config.ts so it runs while the page is parsed: starts
 * reading the caseload from IndexedDB while the app's code loads, and leaves the promise for main.tsx. On other
 * paths it only opens the database, which wakes the browser's IndexedDB backend early.
 *
 * A signed-in device opens with its unlock screen: index.html's copy of it (shell/staticUnlock.ts) shows at once
 * when the device's hint says so, or as soon as the database says so, before any of the app's code has run.
 */
const language = storedLanguage();
if (hintedLocked()) showStaticUnlock(language);
window.__veldwerkBoot = bootRead(indexedDB, DATABASE_NAME, readsAtStart(location.pathname)).then((found) => {
  if (found === 'locked') {
    hintLocked(true);
    showStaticUnlock(language);
  }
  return found;
});
