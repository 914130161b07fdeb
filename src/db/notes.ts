import Dexie from 'dexie';
import { db, read, write } from './connection';
import { queue } from './outbox';
import { AppError } from '../model/appError';
import { NewFollowUpSchema, type FollowUp } from '../model/followUp';
import { newId } from '../model/ids';
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
  return write(['cases', 'notes', 'followUps', 'drafts', 'outbox'], async () => {
    const caseFile = await db().cases.get(input.caseId);
    if (!caseFile) throw new AppError('notFound');
    const stamp = freshStamp(now);
    const note: VisitNote = {
      id: newId(now.getTime()),
      scopeId: caseFile.scopeId,
      caseId: caseFile.id,
      date: checked.value.context.date,
      ...stamp,
      body: checked.value,
    };
    await db().notes.add(note);
    await queue({ type: 'note.add', row: note }, now);
    for (const planned of input.followUps) {
      const followUp: FollowUp = {
        id: newId(now.getTime()),
        scopeId: caseFile.scopeId,
        caseId: caseFile.id,
        dueDate: planned.dueDate,
        status: 'open',
        doneAt: '',
        noteId: note.id,
        ...stamp,
        body: planned.body,
      };
      await db().followUps.add(followUp);
      await queue({ type: 'followUp.add', row: followUp }, now);
    }
    if (input.draftId) await db().drafts.delete(input.draftId);
    return note;
  });
}

export function getNote(id: string): Promise<VisitNote | undefined> {
  return read(() => db().notes.get(id));
}

/** The newest notes of one case, newest first: an index range scan, fast at any table size. */
export function latestNotesOfCase(caseId: string, limit = 50): Promise<VisitNote[]> {
  return read(() =>
    db()
      .notes.where('[caseId+date]')
      .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
      .reverse()
      .limit(limit)
      .toArray(),
  );
}

/** Notes whose visit day lies in [from, to], oldest first. */
export function notesInRange(from: string, to: string, limit = 100): Promise<VisitNote[]> {
  return read(() => db().notes.where('date').between(from, to, true, true).limit(limit).toArray());
}
