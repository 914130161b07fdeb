import { checkServerEpoch, startOverAfterRestore, wireSeqBase } from '../db/clientNumbering';
import { acknowledge, applyPage, clientId, getSyncScope, pendingBatch, resetSyncScope } from '../db/syncStore';
import { SyncError, type SyncApi } from './api';
import { fetchHistory, firstCopy, HistoryAhead } from './firstSync';
import { readPage } from './pulledRows';
import type { OutboxEntry } from '../model/mutation';
import { MAX_PUSH, MAX_PUSH_BYTES, PROTOCOL_VERSION, type PushedMutation, type PushResponse, type WithdrawnChange } from './protocol';

export interface SyncReport {
  pushed: number;
  pulled: number;
  /** Changes the server deferred (an earlier one of ours was still on its way): sent again next time. */
  deferred: number;
  /** Scopes the server no longer lets this person read (a team taken away): skipped, the others still pulled. */
  lostScopes: string[];
  /** Pulled rows this app version could not read (see readPage): left out, not written. */
  unreadable: number;
}

/**
 * One round of sync: send what this device queued, oldest first, then fetch what changed in each scope.
 * Nothing is removed from the queue before the server has answered for it, and every page is written with
 * its cursor in one transaction, so a round cut off anywhere loses nothing and repeats nothing.
 */
export async function syncOnce(api: SyncApi, scopes: string[], options: SyncOptions = {}): Promise<SyncReport> {
  try {
    return await syncRound(api, scopes, options);
  } catch (e) {
    if (!(e instanceof ServerRestored)) throw e;
    // The server went back in time: start over as a new client, unsent changes kept, then sync again at once.
    await startOverAfterRestore(e.epoch);
    return syncRound(api, scopes, options);
  }
}

export interface SyncOptions {
  /**
   * 'later': a fresh scope's older notes are left to firstSync.fetchHistory, run apart from the round (the app
   * does that, so a round never takes minutes). Default 'now': the round ends with every scope complete.
   */
  history?: 'now' | 'later';
}

/** A server answer carried another epoch than the one this device knows: it was restored from a backup. */
class ServerRestored extends Error {
  constructor(readonly epoch: string) {
    super('The server was restored from a backup.');
  }
}

async function expectSameServer(epoch: string | undefined): Promise<void> {
  if ((await checkServerEpoch(epoch)) === 'restored') throw new ServerRestored(epoch!);
}

async function syncRound(api: SyncApi, scopes: string[], options: SyncOptions): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, pulled: 0, deferred: 0, lostScopes: [], unreadable: 0 };
  // A push the server will not take must not stop this device from receiving its colleagues' changes.
  let pushFailure: unknown = null;
  try {
    await pushAll(api, report);
  } catch (e) {
    if (e instanceof ServerRestored || !pullStillUseful(e)) throw e;
    pushFailure = e;
  }
  // A round that ends with the history asks for a fresh scope's first history pages as soon as it can.
  const ahead = options.history === 'later' ? undefined : new HistoryAhead();
  try {
    for (const scopeId of scopes) {
      try {
        await pullScope(api, scopeId, report, ahead);
      } catch (e) {
        // One team taken away must not stop the other teams' sync.
        if (!(e instanceof SyncError) || e.code !== 'notFound') throw e;
        report.lostScopes.push(scopeId);
      }
    }
    if (ahead) {
      const lost = await fetchHistory(api, { check: expectSameServer, report, ahead });
      report.lostScopes.push(...lost.filter((scopeId) => !report.lostScopes.includes(scopeId)));
    }
  } finally {
    ahead?.stop();
  }
  if (pushFailure) throw pushFailure;
  return report;
}

/** Offline, signed out or shut out, a pull fails the same way: only a push the server answered badly is worth pulling after. */
function pullStillUseful(e: unknown): boolean {
  return e instanceof SyncError && (e.code === 'server' || e.code === 'tooManyRequests' || e.code === 'invalidResponse');
}

/** Room for the request around its changes, below the server's MAX_PUSH_BYTES. */
const PUSH_BYTES = MAX_PUSH_BYTES - 64 * 1024;
/**
 * A proxy in front of the server may take less (nginx's default client_max_body_size is 1 MB): a push refused
 * with 413 lowers this for the rest of the session, so later rounds do not narrow down from the top again.
 */
let pushBytes = PUSH_BYTES;

interface Outgoing {
  entry: OutboxEntry;
  wire: PushedMutation | WithdrawnChange;
}

/**
 * Sends the queue oldest first, in pushes of at most MAX_PUSH changes and PUSH_BYTES bytes. A push refused as a
 * whole (400, 413) is narrowed down by halves to the one change that causes it; that change is withdrawn in its
 * place (the server then answers for its number) and kept under "needs attention", and the rest goes on.
 */
async function pushAll(api: SyncApi, report: SyncReport): Promise<void> {
  const id = await clientId();
  for (;;) {
    const queued = await pendingBatch(MAX_PUSH);
    if (queued.length === 0) return;
    const base = await wireSeqBase(queued[0]!.seq ?? 1);
    const reasons = new Map<string, string>();
    const batch = fitInOnePush(queued.map((entry) => toOutgoing(entry, base)), reasons);
    const answer = await pushNarrowing(api, id, batch, reasons);
    // What a restored server applied is applied (its count matched); the rest is sent again after starting over.
    await acknowledge(answer.results, reasons);
    await expectSameServer(answer.serverEpoch);
    report.pushed += answer.results.filter((r) => r.outcome !== 'deferred').length;
    const deferred = answer.results.filter((r) => r.outcome === 'deferred').length;
    report.deferred += deferred;
    // A deferred change waits for an earlier one still in flight elsewhere: try again next round, not now.
    if (deferred > 0 || answer.results.length === 0 || (answer.results.length === queued.length && queued.length < MAX_PUSH)) return;
  }
}

function toOutgoing(entry: OutboxEntry, base: number): Outgoing {
  const seq = (entry.seq ?? 0) - base;
  const wire = entry.withdraw
    ? { mutationId: entry.mutationId, seq, withdrawn: true as const }
    : { mutationId: entry.mutationId, seq, createdAt: entry.createdAt, mutation: entry.mutation, base: entry.base ?? {} };
  return { entry, wire };
}

/** The oldest changes that fit in one push; one that could never fit is withdrawn in its place ('tooLarge'). */
function fitInOnePush(items: Outgoing[], reasons: Map<string, string>): Outgoing[] {
  const batch: Outgoing[] = [];
  let bytes = 0;
  for (const item of items) {
    let next = item;
    let size = byteLength(JSON.stringify(item.wire));
    if (size > pushBytes) {
      reasons.set(item.entry.mutationId, 'tooLarge');
      next = { ...item, wire: withdrawn(item.wire) };
      size = byteLength(JSON.stringify(next.wire));
    }
    if (batch.length > 0 && bytes + size > pushBytes) break;
    batch.push(next);
    bytes += size;
  }
  return batch;
}

async function pushNarrowing(api: SyncApi, id: string, batch: Outgoing[], reasons: Map<string, string>): Promise<PushResponse> {
  try {
    return await api.push({ protocol: PROTOCOL_VERSION, clientId: id, mutations: batch.map((item) => item.wire) });
  } catch (e) {
    const refusedWhole = e instanceof SyncError && (e.status === 400 || e.status === 413);
    if (!refusedWhole) throw e;
    if (e.status === 413) pushBytes = Math.max(MIN_PUSH_BYTES, Math.min(pushBytes, Math.floor(bodyBytes(batch) / 2)));
    if (batch.length > 1) return pushNarrowing(api, id, batch.slice(0, Math.ceil(batch.length / 2)), reasons);
    const [only] = batch;
    // Even withdrawn it is refused: the request itself is broken, not one change. Nothing more to narrow.
    if (!only || 'withdrawn' in only.wire) throw e;
    reasons.set(only.entry.mutationId, e.status === 413 ? 'tooLarge' : 'invalid');
    return pushNarrowing(api, id, [{ ...only, wire: withdrawn(only.wire) }], reasons);
  }
}

function withdrawn(wire: PushedMutation | WithdrawnChange): WithdrawnChange {
  return { mutationId: wire.mutationId, seq: wire.seq, withdrawn: true };
}

/** Below this a 413 is about one change, not the push: the budget stops shrinking. */
const MIN_PUSH_BYTES = 16 * 1024;

function bodyBytes(batch: Outgoing[]): number {
  return batch.reduce((sum, item) => sum + byteLength(JSON.stringify(item.wire)), 0);
}

const utf8 = new TextEncoder();

function byteLength(text: string): number {
  return utf8.encode(text).length;
}

async function pullScope(api: SyncApi, scopeId: string, report: SyncReport, ahead?: HistoryAhead, retried = false): Promise<void> {
  let state = await getSyncScope(scopeId);
  if (!state || state.snapshot) {
    await firstCopy(api, scopeId, state?.snapshot ?? null, expectSameServer, report, ahead);
    state = await getSyncScope(scopeId);
  }
  let since = state?.cursor ?? 0;
  for (;;) {
    let page;
    try {
      page = await api.changes(scopeId, since);
      await expectSameServer(page.serverEpoch);
    } catch (e) {
      if (!(e instanceof SyncError) || e.code !== 'cursorExpired' || retried) throw e;
      // The server no longer keeps changes this old: start over from a snapshot. The queue is untouched.
      await resetSyncScope(scopeId);
      return pullScope(api, scopeId, report, ahead, true);
    }
    await applyPage(readPage(page.rows, report), { scopeId, cursor: page.cursor, snapshot: null });
    report.pulled += page.rows.length;
    since = page.cursor;
    if (!page.more) return;
  }
}
