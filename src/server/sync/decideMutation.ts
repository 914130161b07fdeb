import { isCaseInstrument } from '../../model/instrumentRun';
import { canManageNetworkInstruments } from '../../model/roles';
import { mergeFields } from '../../sync/merge';
import { type Collection, type PushedMutation, type RowState } from '../../sync/protocol';
import type { UserContext } from '../auth/accessToken';
import { fieldData, stampAll, withoutVersion } from './fieldPaths';
import { scopeAccess } from './scopeAccess';
import { effectOf, withFieldValues } from '../../model/changes';
import { COLLECTION_RULES } from '../../model/collections';
import type { Mutation } from '../../model/mutation';

export type RejectReason = 'forbidden' | 'invalid' | 'notFound';

/** `next` is the row after the mutation, or null when it changed nothing (the same value set again). */
export type Decision = { outcome: 'rejected'; error: RejectReason } | { outcome: 'applied' | 'conflict'; next: RowState | null };

/** What a decision may look at. Implemented over rows loaded (and locked) in the push's transaction. */
export interface Workspace {
  /** A row of a scope the user may read; rows of other scopes do not exist for this user. */
  visible(collection: Collection, id: string): RowState | undefined;
  /** Whether the id is taken in any scope: a create must never overwrite a row, visible or not. */
  taken(collection: Collection, id: string): boolean;
  /** The version the next change in this scope will get. */
  nextVersion(scopeId: string): number;
}

interface Author {
  by: string;
  at: string;
  /** The device: a field it set itself counts as seen by its later changes (see src/sync/merge.ts). */
  client: string;
}

/**
 * What one mutation does, decided without touching the database: authorisation, references, per-field merge.
 * Pure, so SQLite and PostgreSQL (and a batch of any size) apply exactly the same rules.
 */
export function decideMutation(pushed: PushedMutation, user: UserContext, clientId: string, ws: Workspace): Decision {
  const m = pushed.mutation;
  // The device's clock says when the person made the change: shown to people, never used to order anything.
  const author: Author = { by: user.userId, at: pushed.createdAt, client: clientId };
  const refusal = roleRule(m, user, ws);
  if (refusal) return reject(refusal);
  const effect = effectOf(m);
  return effect.kind === 'create'
    ? decideCreate(effect.collection, effect.row, effect.caseId, user, ws, author)
    : decideChange(effect.collection, effect.id, effect.values, pushed.base, ws, author);
}

/** The rules of a change type beyond scope access: who may touch a network instrument, where a client's lives. */
function roleRule(m: Mutation, user: UserContext, ws: Workspace): RejectReason | null {
  switch (m.type) {
    case 'instrumentRun.start':
      // A client instrument holds client data: it only exists under a case, in that case's team.
      if (isCaseInstrument(m.row.instrument) !== (m.row.caseId !== '')) return 'invalid';
      return m.row.caseId === '' && !canManageNetworkInstruments(user.role) ? 'forbidden' : null;
    case 'note.addAddendum': {
      // Under a visit note of the same case (so of the same team, which decideCreate checks): a note of a case the
      // user cannot see does not exist, like the case itself. An addendum is never added to another addendum.
      const note = ws.visible('notes', m.row.addendumOf);
      if (!note || note.deleted) return 'notFound';
      return note.row['caseId'] !== m.row.caseId || note.scopeId !== m.row.scopeId || note.row['addendumOf'] !== undefined ? 'invalid' : null;
    }
    case 'instrumentRun.setStatus': {
      const run = ws.visible('instrumentRuns', m.id);
      return run && run.row['caseId'] === '' && !canManageNetworkInstruments(user.role) ? 'forbidden' : null;
    }
    default:
      return null;
  }
}

type NewRow = { id: string; scopeId: string } & object;

function decideCreate(collection: Collection, row: NewRow, caseId: string | undefined, user: UserContext, ws: Workspace, author: Author): Decision {
  const access = scopeAccess(user, row.scopeId);
  if (!access) return reject('forbidden');
  const owner = COLLECTION_RULES[collection].scope;
  if (owner !== 'either' && access !== owner) return reject('invalid');
  if (caseId !== undefined) {
    // Missing, deleted and another team's case all answer alike: a case the user cannot see does not exist.
    const parent = ws.visible('cases', caseId);
    if (!parent || parent.deleted) return reject('notFound');
    if (parent.scopeId !== row.scopeId) return reject('invalid');
  }
  // Ids are client-made UUIDv7s, so a taken id is a broken or hostile client. The answer is the same whether
  // the row is visible or not; that the id is taken cannot be hidden without letting a create overwrite it.
  // A note is never overwritten this way either: its text only ever arrives with its own, new id.
  if (ws.taken(collection, row.id)) return reject('invalid');
  const version = ws.nextVersion(row.scopeId);
  const stored = withoutVersion(row as Record<string, unknown>);
  const fields = stampAll(collection, stored, { version, ...author });
  return { outcome: 'applied', next: { collection, id: row.id, scopeId: row.scopeId, version, deleted: false, row: stored, fields, conflicts: [] } };
}

function decideChange(collection: Collection, id: string, values: Record<string, unknown>, base: Record<string, number>, ws: Workspace, author: Author): Decision {
  const current = ws.visible(collection, id);
  if (!current || current.deleted) return reject('notFound');
  const version = ws.nextVersion(current.scopeId);
  const merged = mergeFields(
    { data: fieldData(collection, current.row), fields: current.fields, conflicts: current.conflicts },
    { fields: values, base, ...author },
    version,
  );
  if (merged.applied.length === 0 && merged.conflicted.length === 0) return { outcome: 'applied', next: null };
  const row = withFieldValues(current.row, merged.state.data);
  if (merged.applied.length > 0) row.updatedAt = author.at;
  const next: RowState = { ...current, version, row, fields: merged.state.fields, conflicts: merged.state.conflicts };
  return { outcome: merged.conflicted.length > 0 ? 'conflict' : 'applied', next };
}

function reject(error: RejectReason): Decision {
  return { outcome: 'rejected', error };
}
