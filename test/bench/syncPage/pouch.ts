// The comparison: PouchDB (pouchdb-browser, its IndexedDB adapter, default replication options) pulling the
// same documents from express-pouchdb, timed until replicate.from() completes and the local count is right.
// @ts-expect-error pouchdb-browser ships no types, and this directory is outside the project's typecheck
import PouchDB from 'pouchdb-browser';

import { settle } from './settle';

let seq = 0;

export async function pouchReplicate(url: string, expected: number) {
  const local = new PouchDB(`pouch-bench-${seq++}`);
  await settle();
  const t0 = performance.now();
  const result = await local.replicate.from(url);
  const replicatedMs = performance.now() - t0;
  // "All there": the local database's own count, and every id readable through allDocs.
  const info = await local.info();
  const all = await local.allDocs({ limit: 0 });
  const ms = performance.now() - t0;
  if (info.doc_count !== expected || all.total_rows !== expected) {
    throw new Error(`PouchDB holds ${info.doc_count} docs (allDocs ${all.total_rows}), expected ${expected}`);
  }
  await local.destroy(); // untimed: frees the disk before the next run
  return { ms, replicatedMs, docsWritten: result.docs_written as number };
}
