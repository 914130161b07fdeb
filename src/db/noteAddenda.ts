import { db, read, write } from './connection';
import { getMeta } from './meta';
import { aboutOf, prepareChange, queuePrepared } from './outbox';
import { openRows, sealRow, type StoredNote } from './sealedRows';
import { keepObserving } from './sealing';
import { AppError } from '../model/appError';
import { newId } from '../model/ids';
import { ADDENDUM_DAY, AddendumBodySchema, addendaOf, isAddendum, type NoteAddendum } from '../model/noteAddendum';
import { freshStamp } from '../model/rows';
import { check } from '../model/validation';

/**
 * Aanvullingen en rechtzettingen (model/noteAddendum): rows of the notes table with no visit day, found per case
 * by `[caseId, '']` on the notes' own index. Added, never changed.
 */

/**
 * Adds an addendum under a saved note: the row and its outbox entry in one transaction. Works offline and on a
 * note whose own create still waits in the outbox: the queue sends the note first, the addendum after it.
 */
export async function addAddendum(noteId: string, text: string, now = new Date()): Promise<NoteAddendum> {
  // Read first: the row is sealed before its transaction (db/sealing.ts says why).
  const [note, session] = await read(() => Promise.all([db().notes.get(noteId), getMeta<{ displayName?: string }>('sessionUser')]));
  if (!note || isAddendum(note)) throw new AppError('notFound');
  const checked = check(AddendumBodySchema, { text, author: session?.displayName ?? '' });
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  const addendum: NoteAddendum = {
    id: newId(now.getTime()),
    scopeId: note.scopeId,
    caseId: note.caseId,
    date: ADDENDUM_DAY,
    addendumOf: note.id,
    ...freshStamp(now),
    body: checked.value,
  };
  const [stored, change] = await read(() => Promise.all([sealRow('notes', addendum), prepareChange({ type: 'note.addAddendum', row: addendum }, now)]));
  return write(['notes', 'outbox'], async () => {
    // The note may have left the device meanwhile (its team was taken away): then there is nothing to add to.
    if (!(await db().notes.get(noteId))) throw new AppError('notFound');
    await db().notes.add(stored as unknown as StoredNote);
    await queuePrepared(change);
    return addendum;
  });
}

/** The stored addenda of one case: an exact key on the `[caseId+date]` index, nothing opened yet. */
function storedAddendaOfCase(caseId: string) {
  return db().notes.where('[caseId+date]').equals([caseId, ADDENDUM_DAY]).toArray() as unknown as Promise<Array<StoredNote & { addendumOf: string }>>;
}

/**
 * A case's addenda for the given notes, per note id, oldest first. Only those are opened; an addendum that
 * arrived before its note (a first sync fetches the newest ids first) waits, unopened, until its note is here.
 */
export function addendaOfNotes(caseId: string, noteIds: readonly string[]): Promise<Map<string, NoteAddendum[]>> {
  return keepObserving(
    read(async () => {
      const wanted = new Set(noteIds);
      const stored = (await storedAddendaOfCase(caseId)).filter((row) => wanted.has(row.addendumOf));
      const opened = await openRows<NoteAddendum>('notes', stored as never);
      return new Map(noteIds.map((id) => [id, addendaOf(id, opened)] as const).filter(([, list]) => list.length > 0));
    }),
  );
}

/** Per note id, how many addenda it has on this device: for the case timeline. Counted unopened (ids only). */
export function addendumCounts(caseId: string): Promise<Map<string, number>> {
  return read(async () => {
    const counts = new Map<string, number>();
    for (const row of await storedAddendaOfCase(caseId)) counts.set(row.addendumOf, (counts.get(row.addendumOf) ?? 0) + 1);
    return counts;
  });
}

/**
 * The ids of notes and addenda whose create still waits in the outbox (not sent yet, or refused and waiting for
 * the person): read from the plaintext `about` the outbox keeps, nothing opened. Live: a send empties it.
 */
export function unsentNoteIds(): Promise<Set<string>> {
  return read(async () => {
    const waiting = await db().outbox.where('status').anyOf(['pending', 'needsAttention']).toArray();
    return new Set(waiting.map(aboutOf).filter((about) => about.collection === 'notes' && about.kind === 'create').map((about) => about.id));
  });
}
