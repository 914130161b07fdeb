import { beforeEach, describe, expect, it } from 'vitest';
import { bootRead, readsAtStart, takeBootRead, type BootRead } from '../../../src/db/bootRead';
import { caseloadFrom, createCase, listCaseload, markCaseOpened, setCaseStatus } from '../../../src/db/cases';
import { connect, db, disconnect } from '../../../src/db/connection';
import { setMeta } from '../../../src/db/meta';
import { IDB_VERSION } from '../../../src/db/schemaVersion';
import { emptyCaseBody } from '../../../src/model/caseFile';
import { forgetKey } from '../../../src/db/keyring';

let n = 0;
let name = '';
beforeEach(() => {
  // The start-up read is for a device nobody signed in to: one with a key shows its unlock screen and reads nothing.
  forgetKey();
  name = `boot-${n++}`;
});

const body = (label: string) => ({ ...emptyCaseBody(), label });

function rawOpen(version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onupgradeneeded = () => request.result.createObjectStore('cases', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('bootRead (the caseload read before the app has loaded)', () => {
  it('reads what listCaseload and the device marker read, from a database at the current schema', async () => {
    connect(name);
    const a = await createCase('t', body('Gezin Boot A'), new Date('2026-11-01T10:00:00Z'));
    const b = await createCase('t', body('Gezin Boot B'), new Date('2026-11-02T10:00:00Z'));
    const closed = await createCase('t', body('Gezin Gesloten'), new Date('2026-11-03T10:00:00Z'));
    await setCaseStatus(closed.id, 'closed');
    await markCaseOpened(a.id, new Date('2026-11-04T10:00:00Z'));
    await setMeta('clientId', 'client-123');
    expect(db().verno * 10).toBe(IDB_VERSION);
    const expected = await listCaseload();
    disconnect();

    const boot = (await bootRead(indexedDB, name)) as BootRead | null;
    expect(boot?.clientId).toBe('client-123');
    expect(boot?.openCases.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(caseloadFrom(boot!.openCases, boot!.views, '', boot!.due, boot!.today)).toEqual(expected);
  });

  it('only opens the database on screens other than the caseload', async () => {
    connect(name);
    await createCase('t', body('Gezin Boot'));
    disconnect();
    expect(await bootRead(indexedDB, name, false)).toBeNull();
    expect([readsAtStart('/'), readsAtStart('/partners'), readsAtStart('/bezoek/nieuw')]).toEqual([true, false, false]);
  });

  it('says a signed-in device is locked, on every screen, without reading a single row', async () => {
    connect(name);
    await createCase('t', body('Gezin Boot'));
    await db().meta.put({ key: 'dataKey', value: { wrapped: 'fictief' } });
    disconnect();
    expect(await bootRead(indexedDB, name)).toBe('locked');
    expect(await bootRead(indexedDB, name, false)).toBe('locked');
  });

  it('never creates the database on a first visit', async () => {
    expect(await bootRead(indexedDB, name)).toBeNull();
    const databases = await indexedDB.databases();
    expect(databases.map((d) => d.name)).not.toContain(name);
  });

  it('leaves a database of another schema version alone (its rows may have another shape)', async () => {
    (await rawOpen(IDB_VERSION - 10)).close();
    expect(await bootRead(indexedDB, name)).toBeNull();
    const idb = await rawOpen();
    expect(idb.version).toBe(IDB_VERSION - 10);
    idb.close();
  });

  it('answers null instead of failing when the stores it reads are missing', async () => {
    (await rawOpen(IDB_VERSION)).close(); // the right version number, but only a cases store without indexes
    expect(await bootRead(indexedDB, name)).toBeNull();
  });

  it('closes its connection, so the app can upgrade or erase the database right after', async () => {
    connect(name);
    await createCase('t', body('Gezin Boot'));
    disconnect();
    await bootRead(indexedDB, name);
    connect(name);
    await db().delete(); // would wait for ever on a connection left open
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
  });

  it('hands the start-up read over once, and null when index.html started none', async () => {
    const read = { openCases: [], views: [], clientId: 'client-1' };
    (globalThis as { window?: unknown }).window = { __veldwerkBoot: Promise.resolve(read) };
    try {
      expect(await takeBootRead()).toBe(read);
      expect((globalThis as unknown as { window: Window }).window.__veldwerkBoot).toBeUndefined();
      expect(await takeBootRead()).toBeNull();
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });
});
