import * as v from 'valibot';
import { compareCodeUnits } from './order';
import type { Row } from './rows';
import { LONG_TEXT_MAX, shortText } from './validation';

/**
 * An "aanvulling of rechtzetting" (issue 14, point 3): a short text added to a saved visit note, which itself stays
 * as written (a note is a record). It is a row of the notes collection, so it is sealed, synced, authorised and
 * removed with its case exactly like a note, and it is never changed after it is made (append-only: no change
 * type sets its fields, so it can never be in conflict).
 *
 * ⚠ Its `date` is ADDENDUM_DAY (''), never a visit day: the `[caseId+date]` and `date` indexes that list visits
 * (timeline, "latest 20", last visit, a day range) start at the first real day, so an addendum never counts as a
 * visit nor pushes a note out of a page, and `[caseId, '']` finds a case's addenda without a new index.
 */
export const ADDENDUM_DAY = '';

export const AddendumBodySchema = v.object({
  /** What is added or put right, in the worker's words. Required. */
  text: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LONG_TEXT_MAX)),
  /** Who signed it: the signed-in person's name when it was written (a note's own author is typed, this is not). */
  author: shortText,
});
export type AddendumBody = v.InferOutput<typeof AddendumBodySchema>;

export interface NoteAddendum extends Row<AddendumBody> {
  caseId: string;
  date: typeof ADDENDUM_DAY;
  /** The note it belongs to (plaintext: an id). */
  addendumOf: string;
}

/** Whether a row of the notes collection is an addendum rather than a visit note. */
export function isAddendum(row: object): boolean {
  const of = (row as { addendumOf?: unknown }).addendumOf;
  return typeof of === 'string' && of !== '';
}

/** A note's addenda, oldest first (by when they were written, then id: the same order on every device). */
export function addendaOf<A extends Pick<NoteAddendum, 'id' | 'addendumOf' | 'createdAt'>>(noteId: string, addenda: readonly A[]): A[] {
  return addenda
    .filter((a) => a.addendumOf === noteId)
    .sort((a, b) => compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id));
}
