import { effectOf } from '../../model/changes';
import type { MutationResult, PushedMutation, PushItem, RowState } from '../../sync/protocol';
import type { UserContext } from '../auth/accessToken';
import { writeAuditEntries } from '../store/auditLog';
import type { Db } from '../store/database';
import { advanceClient, lockClient, result, storedResults, storeResults } from './clientLog';
import { decideMutation, type Workspace } from './decideMutation';
import { insertRecords, keyOf, loadVisible, lockScopes, saveScopeVersions, takenKeys, updateRecords, type RecordKey } from './recordStore';
import { readableScopes, scopeAccess } from './scopeAccess';
import { pushAudit, type AppliedChange } from './syncAudit';

export interface ChunkResult {
  results: Map<string, MutationResult>;
  /** A mutation skipped a seq: it and everything after it in the push wait for the missing ones. */
  deferred: boolean;
}

/**
 * Mutations of one push (in seq order), inside ONE transaction: the client lock, the answers already given,
 * the effects, the new versions, last_seq and the new answers all commit together or not at all. So a retry
 * after a lost reply returns the stored answers and nothing is applied twice, whatever the chunk size.
 */
export async function pushChunk(trx: Db, user: UserContext, clientId: string, chunk: PushItem[], now: Date): Promise<ChunkResult> {
  let lastSeq = await lockClient(trx, clientId);
  const results = await storedResults(trx, clientId, chunk.map((m) => m.mutationId));
  const todo: PushItem[] = [];
  const planned = new Set<string>();
  let deferred = false;
  for (const m of chunk) {
    // A mutation id sent twice in one push is one mutation: the first occurrence decides.
    if (results.has(m.mutationId) || planned.has(m.mutationId)) continue;
    if (deferred || m.seq > lastSeq + 1) {
      deferred = true;
      results.set(m.mutationId, result(m.mutationId, m.seq, 'deferred'));
      continue;
    }
    todo.push(m);
    planned.add(m.mutationId);
    lastSeq = Math.max(lastSeq, m.seq);
  }
  if (todo.length > 0) await applyAll(trx, user, clientId, todo, lastSeq, now, results);
  return { results, deferred };
}

async function applyAll(trx: Db, user: UserContext, clientId: string, todo: PushItem[], lastSeq: number, now: Date, results: Map<string, MutationResult>): Promise<void> {
  const valid = todo.flatMap((item) => (item.pushed ? [item.pushed] : []));
  const refs = valid.flatMap(references);
  const rows = new Map((await loadVisible(trx, refs.filter((r) => !r.create), readableScopes(user))).map((r) => [keyOf(r), r]));
  const taken = await takenKeys(trx, refs.filter((r) => r.create));
  // Every scope a change may land in, locked before any is decided: rows found, and creates the user may make.
  const createScopes = valid.flatMap((m) => ('row' in m.mutation && scopeAccess(user, m.mutation.row.scopeId) ? [m.mutation.row.scopeId] : []));
  const versions = await lockScopes(trx, [...[...rows.values()].map((r) => r.scopeId), ...createScopes]);
  const ws: Workspace = {
    visible: (collection, id) => rows.get(keyOf({ collection, id })),
    taken: (collection, id) => taken.has(keyOf({ collection, id })),
    nextVersion: (scopeId) => {
      const current = versions.get(scopeId);
      if (current === undefined) throw new Error(`Scope ${scopeId} was not locked.`);
      return current + 1;
    },
  };
  const changed = new Map<string, RowState>();
  const created = new Set<string>();
  const perScope = new Map<string, number>();
  const applied: AppliedChange[] = [];
  const answers: MutationResult[] = [];
  for (const item of todo) {
    const m = item.pushed;
    // Malformed or withdrawn: refused in its place, so the changes after it go on (see parsePushItem).
    if (!m) {
      const answer = result(item.mutationId, item.seq, 'rejected', item.refusal);
      answers.push(answer);
      results.set(item.mutationId, answer);
      continue;
    }
    const decision = decideMutation(m, user, clientId, ws);
    const answer = decision.outcome === 'rejected' ? result(m.mutationId, m.seq, 'rejected', decision.error) : result(m.mutationId, m.seq, decision.outcome);
    answers.push(answer);
    results.set(m.mutationId, answer);
    if (decision.outcome === 'rejected' || !decision.next) continue;
    const next = decision.next;
    const key = keyOf(next);
    if (!rows.has(key)) created.add(key);
    rows.set(key, next);
    taken.add(key);
    changed.set(key, next);
    versions.set(next.scopeId, next.version);
    perScope.set(next.scopeId, (perScope.get(next.scopeId) ?? 0) + 1);
    applied.push({ mutation: m, next });
  }
  // A row created and changed again in this chunk is inserted once, in its final state.
  await insertRecords(trx, [...changed.values()].filter((r) => created.has(keyOf(r))), now);
  await updateRecords(trx, [...changed.values()].filter((r) => !created.has(keyOf(r))), now);
  await saveScopeVersions(trx, new Map([...versions].filter(([scopeId]) => perScope.has(scopeId))));
  await storeResults(trx, clientId, answers, now);
  await advanceClient(trx, clientId, lastSeq);
  // Who changed which dossier from which device, in the same transaction: no applied change goes unaudited.
  await writeAuditEntries(trx, pushAudit(user, clientId, applied), now);
}

/** The rows a mutation reads: the one it changes, or the id it creates, the case it hangs under and an addendum's note. */
function references(m: PushedMutation): Array<RecordKey & { create: boolean }> {
  const effect = effectOf(m.mutation);
  if (effect.kind === 'set') return [{ collection: effect.collection, id: effect.id, create: false }];
  const own = { collection: effect.collection, id: effect.row.id, create: true };
  const note = m.mutation.type === 'note.addAddendum' ? [{ collection: 'notes' as const, id: m.mutation.row.addendumOf, create: false }] : [];
  return effect.caseId ? [own, { collection: 'cases', id: effect.caseId, create: false }, ...note] : [own, ...note];
}
