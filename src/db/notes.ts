import Dexie from 'dexie';
import { db, read, write } from './connection';
import { prepareChange, queuePrepared } from './outbox';
import { openRow, openRows, sealRow } from './sealedRows';
import { keepObserving } from './sealing';
import { AppError } from '../model/appError';
import { NewFollowUpSchema, type FollowUp } from '../model/followUp';
import { newId } from '../model/ids';
import { ADDENDUM_DAY, isAddendum } from '../model/noteAddendum';
import type { PlannedFollowUp } from '../model/plannedFollowUps';
import { freshStamp } from '../model/rows';
import { check } from '../model/validation';
import { VisitNoteBodySchema, type VisitNote, type VisitNoteBody } from '../model/visitNote';

export interface NewVisitNote {
  caseId: string;
  body: VisitNoteBody;
  followUps: PlannedFollowUp[];
  /** The draft this note was written in; removed in the same transaction. */
  draftId?: string;
}

/** Saving a visit note is one intent: the note, the follow-ups it agreed, their outbox entries, the draft gone. */
export async function saveVisitNote(input: NewVisitNote, now = new Date()): Promise<VisitNote> {
  const checked = check(VisitNoteBodySchema, input.body);
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  for (const planned of input.followUps) {
    const plan = check(NewFollowUpSchema, planned);
    if (!plan.ok) throw new AppError('invalidInput', plan.problems.map((p) => ({ ...p, path: `followUps.${p.path}` })));
  }
  // The case's team is read first: the rows are sealed before their transaction (db/sealing.ts says why).
  const owner = await read(() => db().cases.get(input.caseId));
  if (!owner) throw new AppError('notFound');
  const stamp = freshStamp(now);
  const note: VisitNote = {
    id: newId(now.getTime()),
    scopeId: owner.scopeId,
    caseId: owner.id,
    date: checked.value.context.date,
    ...stamp,
    body: checked.value,
  };
  const followUps = input.followUps.map(
    (planned): FollowUp => ({
      id: newId(now.getTime()),
      scopeId: owner.scopeId,
      caseId: owner.id,
      dueDate: planned.dueDate,
      status: 'open',
      doneAt: '',
      noteId: note.id,
      ...stamp,
      body: planned.body,
    }),
  );
  const [storedNote, noteChange, storedFollowUps] = await read(() =>
    Promise.all([
      sealRow('notes', note),
      prepareChange({ type: 'note.add', row: note }, now),
      Promise.all(followUps.map(async (followUp) => ({ row: await sealRow('followUps', followUp), change: await prepareChange({ type: 'followUp.add', row: followUp }, now) }))),
    ]),
  );
  return write(['cases', 'notes', 'followUps', 'drafts', 'outbox'], async () => {
    if (!(await db().cases.get(input.caseId))) throw new AppError('notFound');
    await db().notes.add(storedNote);
    await queuePrepared(noteChange);
    for (const followUp of storedFollowUps) {
      await db().followUps.add(followUp.row);
      await queuePrepared(followUp.change);
    }
    if (input.draftId) await db().drafts.delete(input.draftId);
    return note;
  });
}

/** A visit note by id; an addendum's id finds nothing (see noteAddenda.ts). */
export function getNote(id: string): Promise<VisitNote | undefined> {
  return keepObserving(
    read(async () => {
      const stored = await db().notes.get(id);
      return stored && !isAddendum(stored) ? openRow<VisitNote>('notes', stored) : undefined;
    }),
  );
}

/**
 * The newest notes of one case, newest first: an index range scan, fast at any table size. The range starts above
 * ADDENDUM_DAY (''), so a case's addenda (model/noteAddendum) are never counted as visits.
 */
export function latestNotesOfCase(caseId: string, limit = 50): Promise<VisitNote[]> {
  return keepObserving(
    read(async () => {
      const stored = await db().notes.where('[caseId+date]').between([caseId, ADDENDUM_DAY], [caseId, Dexie.maxKey], false, true).reverse().limit(limit).toArray();
      return openRows<VisitNote>('notes', stored);
    }),
  );
}

/** Notes whose visit day lies in [from, to], oldest first. */
export function notesInRange(from: string, to: string, limit = 100): Promise<VisitNote[]> {
  return keepObserving(read(async () => openRows<VisitNote>('notes', await db().notes.where('date').between(from, to, true, true).limit(limit).toArray())));
}
