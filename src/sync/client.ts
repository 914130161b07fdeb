import { acknowledge, applyPage, clientId, getSyncScope, pendingBatch, resetSyncScope, type IncomingRow } from '../db/syncStore';
import { SyncError, type SyncApi } from './api';
import { MAX_PUSH, PROTOCOL_VERSION, type RowState } from './protocol';

export interface SyncReport {
  pushed: number;
  pulled: number;
  /** Changes the server deferred (an earlier one of ours was still on its way): sent again next time. */
  deferred: number;
}

/**
 * One round of sync: send what this device queued, oldest first, then fetch what changed in each scope.
 * Nothing is removed from the queue before the server has answered for it, and every page is written with
 * its cursor in one transaction, so a round cut off anywhere loses nothing and repeats nothing.
 */
export async function syncOnce(api: SyncApi, scopes: string[]): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, pulled: 0, deferred: 0 };
  await pushAll(api, report);
  for (const scopeId of scopes) await pullScope(api, scopeId, report);
  return report;
}

async function pushAll(api: SyncApi, report: SyncReport): Promise<void> {
  const id = await clientId();
  for (;;) {
    const batch = await pendingBatch(MAX_PUSH);
    if (batch.length === 0) return;
    const answer = await api.push({
      protocol: PROTOCOL_VERSION,
      clientId: id,
      mutations: batch.map((e) => ({ mutationId: e.mutationId, seq: e.seq ?? 0, createdAt: e.createdAt, mutation: e.mutation, base: e.base ?? {} })),
    });
    await acknowledge(answer.results);
    report.pushed += answer.results.filter((r) => r.outcome !== 'deferred').length;
    const deferred = answer.results.filter((r) => r.outcome === 'deferred').length;
    report.deferred += deferred;
    // A deferred change waits for an earlier one still in flight elsewhere: try again next round, not now.
    if (deferred > 0 || batch.length < MAX_PUSH) return;
  }
}

async function pullScope(api: SyncApi, scopeId: string, report: SyncReport, retried = false): Promise<void> {
  let state = await getSyncScope(scopeId);
  if (!state || state.snapshot) {
    await snapshotScope(api, scopeId, state?.snapshot ?? null, report);
    state = await getSyncScope(scopeId);
  }
  let since = state?.cursor ?? 0;
  for (;;) {
    let page;
    try {
      page = await api.changes(scopeId, since);
    } catch (e) {
      if (!(e instanceof SyncError) || e.code !== 'cursorExpired' || retried) throw e;
      // The server no longer keeps changes this old: start over from a snapshot. The queue is untouched.
      await resetSyncScope(scopeId);
      return pullScope(api, scopeId, report, true);
    }
    await applyPage(page.rows.map(toIncoming), { scopeId, cursor: page.cursor, snapshot: null });
    report.pulled += page.rows.length;
    since = page.cursor;
    if (!page.more) return;
  }
}

/** A first full copy of a scope, page by page; a cut-off snapshot resumes where it stopped. */
async function snapshotScope(api: SyncApi, scopeId: string, resume: { after: string; cursor: number } | null, report: SyncReport): Promise<void> {
  let cursor = resume?.cursor ?? -1;
  // The next page is fetched while the current one is written: network and IndexedDB work side by side.
  let nextPage = api.snapshot(scopeId, resume?.after ?? '');
  for (;;) {
    const page = await nextPage;
    // Changes made while the snapshot runs are fetched afterwards, from the cursor of its first page.
    if (cursor < 0) cursor = page.cursor;
    const next = page.nextAfter;
    if (next !== null) {
      nextPage = api.snapshot(scopeId, next);
      // If writing this page fails, the fetch already under way must not become an unhandled rejection.
      nextPage.catch(() => {});
    }
    await applyPage(page.rows.map(toIncoming), next === null ? { scopeId, cursor, snapshot: null } : { scopeId, cursor: 0, snapshot: { after: next, cursor } });
    report.pulled += page.rows.length;
    if (next === null) return;
  }
}

function toIncoming(state: RowState): IncomingRow {
  return {
    collection: state.collection,
    id: state.id,
    deleted: state.deleted,
    row: { ...state.row, id: state.id, scopeId: state.scopeId, version: state.version, fields: state.fields, conflicts: state.conflicts },
  };
}
