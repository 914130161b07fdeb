// The caseload queries written against IndexedDB directly: a baseline that tells the data layer's own cost
// apart from what IndexedDB itself needs to read and clone the rows.
import type { VisitNote } from '../../../src/model/visitNote';

// Chromium 141+ takes getAll({ query, count, direction }), which is what Dexie 4 uses there as well.
const hasGetAllOptions = typeof IDBObjectStore !== 'undefined' && 'getAllRecords' in IDBObjectStore.prototype;

function readAll(source: IDBIndex, range: IDBKeyRange, count: number, direction: IDBCursorDirection): Promise<VisitNote[]> {
  return new Promise((resolve, reject) => {
    if (hasGetAllOptions) {
      const req = (source.getAll as unknown as (o: object) => IDBRequest<VisitNote[]>)({ query: range, count, direction });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      return;
    }
    // Older browsers: a cursor, as Dexie falls back to.
    const out: VisitNote[] = [];
    const req = source.openCursor(range, direction);
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || out.length >= count) return resolve(out);
      out.push(cursor.value as VisitNote);
      cursor.continue();
    };
    req.onerror = () => reject(req.error);
  });
}

export function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name); // no version: join the app's database as it is, never upgrade it
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Same range as latestNotesOfCase: [caseId, Dexie.minKey] … [caseId, Dexie.maxKey], newest first. */
export function rawLatest(idb: IDBDatabase, caseId: string, limit: number): Promise<VisitNote[]> {
  const index = idb.transaction('notes', 'readonly').objectStore('notes').index('[caseId+date]');
  return readAll(index, IDBKeyRange.bound([caseId, -Infinity], [caseId, [[]]]), limit, 'prev');
}

/** Same as notesInRange: visit days in [from, to], oldest first. */
export function rawRange(idb: IDBDatabase, from: string, to: string, limit: number): Promise<VisitNote[]> {
  const index = idb.transaction('notes', 'readonly').objectStore('notes').index('date');
  return readAll(index, IDBKeyRange.bound(from, to), limit, 'next');
}
