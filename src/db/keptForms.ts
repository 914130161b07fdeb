import { db, read, write } from './connection';
import { keepObserving, openFromStorage, placeOf, sealForStorage } from './sealing';

/**
 * The storage behind ui/keptForms: a plain form's typed values, sealed under the data key, in the drafts table
 * (id `form:<place>`, no case), so that a lost tablet shows nothing of them and the end of access on a device
 * still lists their words. Kept only while someone is signed in: the lock is what keeps them.
 */
export const KEPT_FORM_PREFIX = 'form:';

function idOf(place: string): string {
  return `${KEPT_FORM_PREFIX}${place}`;
}

export function isKeptForm(draftId: string): boolean {
  return draftId.startsWith(KEPT_FORM_PREFIX);
}

export async function keepForm(place: string, values: unknown, now = new Date()): Promise<void> {
  const id = idOf(place);
  const body = await sealForStorage(values, placeOf('drafts', id));
  await write(['drafts'], () => db().drafts.put({ id, caseId: '', updatedAt: now.toISOString(), body }));
}

export function takeKeptForm(place: string): Promise<unknown> {
  const id = idOf(place);
  return keepObserving(
    read(async () => {
      const row = await db().drafts.get(id);
      return row ? openFromStorage<unknown>(row.body, placeOf('drafts', id)) : undefined;
    }),
  );
}

export function dropKeptForm(place: string): Promise<void> {
  return write(['drafts'], () => db().drafts.delete(idOf(place)));
}
