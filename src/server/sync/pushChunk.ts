import type { Collection, MutationResult, PushedMutation, RowState } from '../../sync/protocol';
import type { UserContext } from '../auth/accessToken';
import { writeAudit } from '../store/auditLog';
import type { Db } from '../store/database';
import { advanceClient, lockClient, result, storedResults, storeResults } from './clientLog';
import { decideMutation, type Workspace } from './decideMutation';
import { insertRecords, keyOf, loadVisible, lockScopes, saveScopeVersions, takenKeys, updateRecords, type RecordKey } from './recordStore';
import { readableScopes, scopeAccess } from './scopeAccess';

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
export async function pushChunk(trx: Db, user: UserContext, clientId: string, chunk: PushedMutation[], now: Date): Promise<ChunkResult> {
  let lastSeq = await lockClient(trx, clientId);
  const results = await storedResults(trx, clientId, chunk.map((m) => m.mutationId));
  const todo: PushedMutation[] = [];
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

async function applyAll(trx: Db, user: UserContext, clientId: string, todo: PushedMutation[], lastSeq: number, now: Date, results: Map<string, MutationResult>): Promise<void> {
  const refs = todo.flatMap(references);
  const rows = new Map((await loadVisible(trx, refs.filter((r) => !r.create), readableScopes(user))).map((r) => [keyOf(r), r]));
  const taken = await takenKeys(trx, refs.filter((r) => r.create));
  // Every scope a change may land in, locked before any is decided: rows found, and creates the user may make.
  const createScopes = todo.flatMap((m) => ('row' in m.mutation && scopeAccess(user, m.mutation.row.scopeId) ? [m.mutation.row.scopeId] : []));
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
  const answers: MutationResult[] = [];
  for (const m of todo) {
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
  }
  // A row created and changed again in this chunk is inserted once, in its final state.
  await insertRecords(trx, [...changed.values()].filter((r) => created.has(keyOf(r))), now);
  await updateRecords(trx, [...changed.values()].filter((r) => !created.has(keyOf(r))), now);
  await saveScopeVersions(trx, new Map([...versions].filter(([scopeId]) => perScope.has(scopeId))));
  await storeResults(trx, clientId, answers, now);
  await advanceClient(trx, clientId, lastSeq);
  // Who wrote how many rows of which team, in the same transaction: no applied change goes unaudited.
  for (const [scopeId, count] of perScope) {
    if (scopeAccess(user, scopeId) === 'team') await writeAudit(trx, { userId: user.userId, action: 'sync.push', target: scopeId, rowCount: count }, now);
  }
}

/** The rows a mutation reads: the one it changes, or the id it creates and the case it hangs under. */
function references(m: PushedMutation): Array<RecordKey & { create: boolean }> {
  const mutation = m.mutation;
  const collection = COLLECTION_OF[mutation.type];
  if (!('row' in mutation)) return [{ collection, id: mutation.id, create: false }];
  const own = { collection, id: mutation.row.id, create: true };
  // A network instrument run has caseId '': it hangs under no case.
  return 'caseId' in mutation.row && mutation.row.caseId ? [own, { collection: 'cases', id: mutation.row.caseId, create: false }] : [own];
}

const COLLECTION_OF: Record<PushedMutation['mutation']['type'], Collection> = {
  'case.create': 'cases',
  'case.setFields': 'cases',
  'case.transition': 'cases',
  'note.add': 'notes',
  'followUp.add': 'followUps',
  'followUp.complete': 'followUps',
  'followUp.reopen': 'followUps',
  'partner.create': 'partners',
  'partner.setFields': 'partners',
  'example.create': 'examples',
  'example.setFields': 'examples',
  'instrumentRun.start': 'instrumentRuns',
  'instrumentRun.setAnswers': 'instrumentRuns',
  'instrumentRun.setStatus': 'instrumentRuns',
};
