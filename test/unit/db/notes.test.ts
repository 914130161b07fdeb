import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { getDraft, saveDraft, visitDraftId } from '../../../src/db/drafts';
import { listOutbox } from '../../../src/db/outbox';
import { latestNotesOfCase, notesInRange, saveVisitNote } from '../../../src/db/notes';
import { isAppError } from '../../../src/model/appError';
import { LONG_TEXT_MAX } from '../../../src/model/validation';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { aCase, freshDb } from './freshDb';
import { allRows } from './opened';

beforeEach(freshDb);

describe('saveVisitNote', () => {
  it('stores the note, its follow-ups and their outbox entries, and removes the draft, together', async () => {
    const c = await aCase();
    await db().outbox.clear();
    const body = emptyVisitNote('2026-11-27');
    body.observaties.facts = 'Stapel ongeopende brieven';
    await saveDraft(c.id, body);
    const note = await saveVisitNote({
      caseId: c.id,
      body,
      followUps: [{ dueDate: '2026-12-01', body: { title: 'Bellen', who: 'ik', kind: 'contact' } }],
      draftId: visitDraftId(c.id),
    });
    expect(note).toMatchObject({ caseId: c.id, scopeId: 'team-a', date: '2026-11-27', version: 0 });
    expect((await allRows('followUps')).map((f) => [f.noteId, f.dueDate, f.body.title])).toEqual([[note.id, '2026-12-01', 'Bellen']]);
    expect((await listOutbox()).map((e) => e.mutation.type)).toEqual(['note.add', 'followUp.add']);
    expect(await getDraft(visitDraftId(c.id))).toBeUndefined();
  });

  it('refuses an oversized note with the field and limit, and keeps the draft and writes nothing', async () => {
    const c = await aCase();
    await db().outbox.clear();
    const body = emptyVisitNote('2026-11-27');
    body.hulpvraag.ownWords = 'a'.repeat(LONG_TEXT_MAX + 10);
    await saveDraft(c.id, body);
    const error = await saveVisitNote({ caseId: c.id, body, followUps: [], draftId: visitDraftId(c.id) }).catch((e) => e);
    expect(isAppError(error) && error.problems).toEqual([{ path: 'hulpvraag.ownWords', code: 'tooLong', max: LONG_TEXT_MAX }]);
    expect(await db().notes.count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
    expect((await getDraft(visitDraftId(c.id)))?.body.hulpvraag.ownWords).toHaveLength(LONG_TEXT_MAX + 10);
  });

  it('rolls everything back when a follow-up is invalid', async () => {
    const c = await aCase();
    await db().outbox.clear();
    const error = await saveVisitNote({
      caseId: c.id,
      body: emptyVisitNote('2026-11-27'),
      followUps: [{ dueDate: '2026-12-01', body: { title: 'ok', who: '', kind: 'task' } }, { dueDate: 'nooit', body: { title: '', who: '', kind: 'task' } }],
    }).catch((e) => e);
    expect(isAppError(error)).toBe(true);
    expect(await db().notes.count()).toBe(0);
    expect(await db().followUps.count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
  });

  it('refuses a note for a case that is not on the device', async () => {
    const error = await saveVisitNote({ caseId: 'nope', body: emptyVisitNote('2026-11-27'), followUps: [] }).catch((e) => e);
    expect(isAppError(error) && error.code).toBe('notFound');
  });
});

describe('note queries', () => {
  it('latestNotesOfCase returns only that case, newest first, limited', async () => {
    const a = await aCase('A');
    const b = await aCase('B');
    for (const day of ['2026-01-05', '2026-03-01', '2026-02-10']) {
      await saveVisitNote({ caseId: a.id, body: emptyVisitNote(day), followUps: [] });
    }
    await saveVisitNote({ caseId: b.id, body: emptyVisitNote('2026-04-01'), followUps: [] });
    expect((await latestNotesOfCase(a.id)).map((n) => n.date)).toEqual(['2026-03-01', '2026-02-10', '2026-01-05']);
    expect((await latestNotesOfCase(a.id, 2)).map((n) => n.date)).toEqual(['2026-03-01', '2026-02-10']);
  });

  it('notesInRange includes both ends and stops at the limit', async () => {
    const a = await aCase('A');
    for (const day of ['2026-01-01', '2026-01-15', '2026-01-31', '2026-02-01']) {
      await saveVisitNote({ caseId: a.id, body: emptyVisitNote(day), followUps: [] });
    }
    expect((await notesInRange('2026-01-01', '2026-01-31')).map((n) => n.date)).toEqual(['2026-01-01', '2026-01-15', '2026-01-31']);
    expect(await notesInRange('2026-01-01', '2026-12-31', 2)).toHaveLength(2);
  });
});
