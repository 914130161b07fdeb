import { db, read, write } from './connection';
import type { Draft } from './schema';
import type { VisitNoteBody } from '../model/visitNote';

export type { Draft };

/** One draft for a new visit note per case. */
export function visitDraftId(caseId: string): string {
  return `visit:${caseId}`;
}

export function getDraft(id: string): Promise<Draft | undefined> {
  return read(() => db().drafts.get(id));
}

export function saveDraft(caseId: string, body: VisitNoteBody, now = new Date()): Promise<void> {
  return write(['drafts'], async () => {
    await db().drafts.put({ id: visitDraftId(caseId), caseId, updatedAt: now.toISOString(), body });
  });
}

export function deleteDraft(id: string): Promise<void> {
  return write(['drafts'], () => db().drafts.delete(id));
}

export function listDrafts(): Promise<Draft[]> {
  return read(() => db().drafts.orderBy('updatedAt').reverse().toArray());
}
