import { db, read, write } from './connection';
import type { Draft } from './schema';
import { keepObserving, openFromStorage, placeOf, sealForStorage } from './sealing';
import type { VisitNoteBody } from '../model/visitNote';

export type { Draft };

/** A draft's text is client data: sealed at rest once someone signed in (db/sealing.ts). */
async function opened(row: Draft, waitForUnlock = true): Promise<Draft> {
  return { ...row, body: await openFromStorage<VisitNoteBody>(row.body, placeOf('drafts', row.id), { waitForUnlock }) };
}

/** One draft for a new visit note per case. */
export function visitDraftId(caseId: string): string {
  return `visit:${caseId}`;
}

export function getDraft(id: string): Promise<Draft | undefined> {
  return keepObserving(
    read(async () => {
      const row = await db().drafts.get(id);
      return row && opened(row);
    }),
  );
}

export async function saveDraft(caseId: string, body: VisitNoteBody, now = new Date()): Promise<void> {
  const id = visitDraftId(caseId);
  const stored = await sealForStorage(body, placeOf('drafts', id));
  return write(['drafts'], async () => {
    await db().drafts.put({ id, caseId, updatedAt: now.toISOString(), body: stored });
  });
}

export function deleteDraft(id: string): Promise<void> {
  return write(['drafts'], () => db().drafts.delete(id));
}

/** How many drafts wait on this device; read without opening them, so it needs no key. */
export function countDrafts(): Promise<number> {
  return read(() => db().drafts.count());
}

/** Newest first. `waitForUnlock: false`: a locked device answers AppError 'locked' instead of waiting. */
export function listDrafts(options: { waitForUnlock?: boolean } = {}): Promise<Draft[]> {
  return keepObserving(
    read(async () => {
      const rows = await db().drafts.orderBy('updatedAt').reverse().toArray();
      return Promise.all(rows.map((row) => opened(row, options.waitForUnlock ?? true)));
    }),
  );
}
