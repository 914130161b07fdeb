import type { PushedMutation, RowState } from '../../sync/protocol';
import type { UserContext } from '../auth/accessToken';
import type { AuditEntry } from '../store/auditLog';
import { scopeAccess } from './scopeAccess';

/** The dossier a row belongs to: a case itself, or the case a note, follow-up or ecogram hangs under. */
export function caseOf(row: Pick<RowState, 'collection' | 'id' | 'row'>): string | null {
  if (row.collection === 'cases') return row.id;
  const caseId = row.row.caseId;
  return typeof caseId === 'string' && caseId !== '' ? caseId : null;
}

/**
 * Which device received which dossier's rows: one entry per case in a page (target and case id the case),
 * plus one for the page's team rows under no case (target the team). The organisation's directory
 * (partners, examples, network instruments) is not client data and is not audited per read.
 */
export function pageAudit(user: UserContext, clientId: string | null, action: 'sync.pull' | 'sync.snapshot', scopeId: string, rows: ReadonlyArray<{ caseId: string | null }>): AuditEntry[] {
  if (rows.length === 0 || scopeAccess(user, scopeId) !== 'team') return [];
  const perCase = new Map<string | null, number>();
  for (const { caseId } of rows) perCase.set(caseId, (perCase.get(caseId) ?? 0) + 1);
  return [...perCase].map(([caseId, rowCount]) => ({ userId: user.userId, action, target: caseId ?? scopeId, caseId, clientId, rowCount }));
}

export interface AppliedChange {
  mutation: PushedMutation;
  /** The row as the change left it. */
  next: RowState;
}

/**
 * Who changed which dossier from which device: one entry per applied change under a case (the action is the
 * change's type, e.g. 'note.add'), and per team one 'sync.push' count for team rows under no case.
 */
export function pushAudit(user: UserContext, clientId: string, applied: AppliedChange[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  const uncased = new Map<string, number>();
  for (const { mutation, next } of applied) {
    if (scopeAccess(user, next.scopeId) !== 'team') continue;
    const caseId = caseOf(next);
    if (caseId) entries.push({ userId: user.userId, action: mutation.mutation.type, target: caseId, caseId, clientId, rowCount: 1 });
    else uncased.set(next.scopeId, (uncased.get(next.scopeId) ?? 0) + 1);
  }
  for (const [scopeId, rowCount] of uncased) entries.push({ userId: user.userId, action: 'sync.push', target: scopeId, clientId, rowCount });
  return entries;
}
