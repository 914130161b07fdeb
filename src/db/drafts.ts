import { db, read, write } from './connection';
import type { Draft, KeptFormRow } from './schema';
import { keepObserving, openFromStorage, placeOf, sealForStorage } from './sealing';
import type { VisitNoteBody } from '../model/visitNote';
import { isKeptForm } from './keptForms';

export type { Draft };

/** A draft's text is client data: sealed at rest once someone signed in (db/sealing.ts). */
async function opened<R extends Draft | KeptFormRow>(row: R, waitForUnlock = true): Promise<R> {
  return { ...row, body: await openFromStorage<R['body']>(row.body, placeOf('drafts', row.id), { waitForUnlock }) };
}

/** One draft for a new visit note per case. */
export function visitDraftId(caseId: string): string {
  return `visit:${caseId}`;
}

export function getDraft(id: string): Promise<Draft | undefined> {
  return keepObserving(
    read(async () => {
      const row = (await db().drafts.get(id)) as Draft | undefined;
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

/**
 * How many visit notes wait as drafts on this device; read without opening them, so it needs no key. A plain
 * form kept over a lock (keptForms.ts) is not one: it is a copy of a form on screen, and nobody could find it
 * to finish it before signing out.
 */
export function countDrafts(): Promise<number> {
  return read(() => db().drafts.filter((row) => !isKeptForm(row.id)).count());
}

/** Visit note drafts, newest first. `waitForUnlock: false`: a locked device answers AppError 'locked' instead of waiting. */
export async function listDrafts(options: { waitForUnlock?: boolean } = {}): Promise<Draft[]> {
  return (await listTypedDrafts(options)).filter((row): row is Draft => !isKeptForm(row.id));
}

/** Every draft and kept form, opened: what a device that loses its access shows as typed text before erasing. */
export function listTypedDrafts(options: { waitForUnlock?: boolean } = {}): Promise<Array<Draft | KeptFormRow>> {
  return keepObserving(
    read(async () => {
      const rows = await db().drafts.orderBy('updatedAt').reverse().toArray();
      return Promise.all(rows.map((row) => opened(row, options.waitForUnlock ?? true)));
    }),
  );
}
