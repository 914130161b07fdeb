// One extra, uncounted fresh-device sync with instruments, to say where the time goes: the network (request
// until the last byte, server work included), the response parsing (res.json + the valibot schemas), the
// IndexedDB transactions of applyPage; then the same pages written again with one bulkPut per table and page
// (importSnapshot's way) into another empty database, for what the writes cost without applyPage's row loop,
// and once more without the notes' field stamps.
import Dexie from 'dexie';
import { connect, db, disconnect } from '../../../src/db/connection';
import { VeldwerkDb } from '../../../src/db/schema';
import { SyncApi, type FetchLike } from '../../../src/sync/api';
import { syncOnce } from '../../../src/sync/client';
import type { SnapshotPart, SnapshotResponse } from '../../../src/sync/protocol';

import { settle } from './settle';

const now = () => performance.now();

class ProbeApi extends SyncApi {
  pages: SnapshotResponse[] = [];
  apiMs = 0;
  override async snapshot(scope: string, after: string) {
    const t = now();
    const page = await super.snapshot(scope, after);
    this.apiMs += now() - t;
    this.pages.push(page);
    return page;
  }
  // The staged first sync (src/sync/firstSync.ts) asks for its parts: every row but notes, latest, history.
  override async snapshotPart(scope: string, part: SnapshotPart, options: { after?: string; limit?: number; caseId?: string } = {}) {
    const t = now();
    const page = await super.snapshotPart(scope, part, options);
    this.apiMs += now() - t;
    this.pages.push(page);
    return page;
  }
  override async changes(scope: string, since: number) {
    const t = now();
    const page = await super.changes(scope, since);
    this.apiMs += now() - t;
    return page;
  }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

/** Sums the lifetime (creation → complete) of every readwrite transaction that writes the notes table. */
function watchWrites() {
  const original = IDBDatabase.prototype.transaction;
  const spans: number[] = [];
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = original.apply(this, args);
    const stores = [args[0]].flat();
    if (args[1] === 'readwrite' && stores.includes('notes')) {
      const started = now();
      tx.addEventListener('complete', () => spans.push(now() - started));
    }
    return tx;
  };
  return { spans, stop: () => void (IDBDatabase.prototype.transaction = original) };
}

export async function probeFreshSync(email: string, password: string) {
  let netMs = 0;
  let bytes = 0;
  let requests = 0;
  // Reads every answer to its last byte before SyncApi parses it, so network and parsing are told apart.
  const fetchFn: FetchLike = async (url, init) => {
    const t = now();
    const res = await fetch(url, init);
    const body = await res.arrayBuffer();
    netMs += now() - t;
    bytes += body.byteLength;
    requests++;
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  const api = new ProbeApi(fetchFn);
  const { user } = await api.login(email, password);
  const scopes = [...user.teamIds, user.organisationId];
  [netMs, bytes, requests] = [0, 0, 0];

  const name = 'bench-sync-probe';
  // Before opening: Dexie binds IDBDatabase.transaction once, when the database opens.
  const writes = watchWrites();
  connect(name);
  await db().open();
  await settle();
  const t0 = now();
  try {
    await syncOnce(api, scopes);
  } finally {
    writes.stop();
  }
  const totalMs = now() - t0;
  disconnect();
  await deleteDatabase(name);

  // Three rounds, median: one write of this size varies by a good part of a second on this machine.
  const bulk: number[] = [];
  for (let i = 0; i < 3; i++) bulk.push(await bulkWrite(api.pages));
  const bulkMs = [...bulk].sort((a, b) => a - b)[1]!;

  const applyMs = writes.spans.reduce((a, b) => a + b, 0);
  return { totalMs, netMs, parseMs: api.apiMs - netMs, applyMs, applyTx: writes.spans.length, bulkMs, requests, bytes, rows: api.pages.reduce((n, p) => n + p.rows.length, 0) };
}

/** The same pages, one transaction each, one bulkPut per table: no row-by-row loop, no schemas. */
async function bulkWrite(pages: SnapshotResponse[]): Promise<number> {
  const name = 'bench-sync-probe-bulk';
  const bulk = new VeldwerkDb(name); // the app's schema: the same indexes
  await bulk.open();
  await settle();
  const t = now();
  for (const page of pages) {
    await bulk.transaction('rw', ['cases', 'notes', 'partners'], async () => {
      for (const table of ['cases', 'notes', 'partners']) {
        const rows = page.rows
          .filter((r) => r.collection === table)
          .map((r) => ({ ...r.row, id: r.id, scopeId: r.scopeId, version: r.version, fields: r.fields, conflicts: r.conflicts }));
        if (rows.length) await bulk.table(table).bulkPut(rows);
      }
    });
  }
  const ms = now() - t;
  bulk.close();
  await Dexie.delete(name);
  return ms;
}
