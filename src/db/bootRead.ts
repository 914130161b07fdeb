import type { CaseFile } from '../model/caseFile';
import { brusselsToday, type DueRow } from '../model/caseNext';
import type { CaseView, MetaEntry } from './schema';
import { IDB_VERSION } from './schemaVersion';

/**
 * The first screen's data, read straight from IndexedDB by a tiny script (src/boot.ts) that runs while the
 * app's own code is still loading, instead of after it: on a cold start the database read and the script work
 * then overlap. Deliberately without Dexie (it is part of what is still loading) and therefore narrow: one
 * read-only transaction, the same rows `listCaseload` and the device marker read, and nothing at all unless the
 * database already exists at exactly the schema this build knows. Whatever goes wrong, the answer is null and
 * the app reads the usual way.
 */
export interface BootRead {
  openCases: CaseFile[];
  views: CaseView[];
  clientId: string | undefined;
  /** The open follow-ups due by `today` (plaintext dates): the first frame is already in the order of attention. */
  due: DueRow[];
  today: string;
}

/**
 * What the start-up read found: the caseload's rows; 'locked' for a signed-in device (it holds a wrapped data
 * key), which shows its unlock screen first and whose rows are not read at all; or null (nothing to use).
 */
export type BootResult = BootRead | 'locked' | null;

declare global {
  interface Window {
    __veldwerkBoot?: Promise<BootResult>;
  }
}

/** The one screen whose rows the start-up read fetches: the caseload, where the home-screen icon lands. */
export function readsAtStart(pathname: string): boolean {
  return pathname === '/';
}

/**
 * Opens the database (which wakes the browser's IndexedDB backend early), says whether the device is locked,
 * and, if `readRows` and it is not, reads the caseload.
 */
export function bootRead(factory: IDBFactory, name: string, readRows = true): Promise<BootResult> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      // No version: join the database as it is. Never create it: a first visit is Dexie's to set up.
      request = factory.open(name);
    } catch {
      return resolve(null);
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onsuccess = () => {
      const idb = request.result;
      // Never stand in the way of an upgrade in another tab.
      idb.onversionchange = () => idb.close();
      const done = (value: BootResult) => {
        idb.close();
        resolve(value);
      };
      // An older or newer schema: its rows may have another shape. Dexie will upgrade it (or refuse) first.
      if (idb.version !== IDB_VERSION) return done(null);
      try {
        const tx = idb.transaction(readRows ? ['cases', 'caseViews', 'followUps', 'meta'] : ['meta'], 'readonly');
        // A signed-in device (it holds a wrapped data key) shows nothing before its password: read no rows at all,
        // and say so at once, so the unlock screen's code loads while the app's own still does.
        let locked = false;
        const key = tx.objectStore('meta').get('dataKey');
        key.onsuccess = () => {
          if (key.result !== undefined) {
            locked = true;
            return tx.abort();
          }
          if (!readRows) {
            tx.oncomplete = () => done(null);
            return;
          }
          const cases = tx.objectStore('cases').index('status').getAll('open');
          const views = tx.objectStore('caseViews').getAll();
          const marker = tx.objectStore('meta').get('clientId');
          const today = brusselsToday(new Date());
          const due = tx.objectStore('followUps').index('[status+dueDate]').getAll(IDBKeyRange.bound(['open', ''], ['open', today]));
          tx.oncomplete = () =>
            done({
              openCases: cases.result as CaseFile[],
              views: views.result as CaseView[],
              clientId: (marker.result as MetaEntry | undefined)?.value as string | undefined,
              due: (due.result as DueRow[]).map(({ caseId, dueDate }) => ({ caseId, dueDate })),
              today,
            });
        };
        tx.onabort = () => done(locked ? 'locked' : null);
      } catch {
        done(null);
      }
    };
  });
}

/** What src/boot.ts started, taken once; null when it did not run or found nothing to use. */
export function takeBootRead(): Promise<BootResult> {
  const started = typeof window === 'undefined' ? undefined : window.__veldwerkBoot;
  if (typeof window !== 'undefined') window.__veldwerkBoot = undefined;
  return (started ?? Promise.resolve(null)).catch(() => null);
}
