import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { setMeta } from '../../../src/db/meta';
import { addAddendum, addendaOfNotes, addendumCounts, unsentNoteIds } from '../../../src/db/noteAddenda';
import { getNote, latestNotesOfCase, notesInRange, saveVisitNote } from '../../../src/db/notes';
import { listOutbox } from '../../../src/db/outbox';
import { acknowledge, applyPage } from '../../../src/db/syncStore';
import { forgetTeams } from '../../../src/db/teamData';
import { isAppError } from '../../../src/model/appError';
import { isSealed } from '../../../src/crypto/seal';
import { unlockedKey } from '../../../src/db/keyring';
import { ADDENDUM_DAY } from '../../../src/model/noteAddendum';
import { LONG_TEXT_MAX } from '../../../src/model/validation';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { aCase, freshDb } from './freshDb';

beforeEach(async () => {
  freshDb();
  await setMeta('sessionUser', { id: 'u1', displayName: 'An Peeters (fictief)', role: 'worker', organisationId: 'org', teamIds: ['team-a'], teams: [] });
});

async function savedNote(day = '2026-11-27') {
  const c = await aCase();
  const note = await saveVisitNote({ caseId: c.id, body: emptyVisitNote(day), followUps: [] });
  return { c, note };
}

describe('addAddendum', () => {
  it('adds a dated, signed addendum under a note whose own create still waits, and queues both in order', async () => {
    const { c, note } = await savedNote();
    await db().outbox.clear();
    await saveVisitNote({ caseId: c.id, body: emptyVisitNote('2026-11-28'), followUps: [] });
    const [waiting] = await latestNotesOfCase(c.id, 1);
    const added = await addAddendum(waiting!.id, '  De huur is 650 euro, niet 560 (fictief).  ', new Date('2026-12-01T09:30:00Z'));
    expect(added).toMatchObject({ caseId: c.id, scopeId: 'team-a', date: ADDENDUM_DAY, addendumOf: waiting!.id, createdAt: '2026-12-01T09:30:00.000Z', version: 0 });
    expect(added.body).toEqual({ text: 'De huur is 650 euro, niet 560 (fictief).', author: 'An Peeters (fictief)' });
    expect((await listOutbox()).map((e) => e.mutation.type)).toEqual(['note.add', 'note.addAddendum']);
    expect(await unsentNoteIds()).toEqual(new Set([waiting!.id, added.id]));
    expect((await addendaOfNotes(c.id, [waiting!.id, note.id])).get(waiting!.id)?.map((a) => a.body.text)).toEqual(['De huur is 650 euro, niet 560 (fictief).']);
    expect(await addendumCounts(c.id)).toEqual(new Map([[waiting!.id, 1]]));
  });

  it('keeps the text sealed at rest when the device has a key, with the note id in plaintext', async () => {
    const { note } = await savedNote();
    const added = await addAddendum(note.id, 'Rechtzetting (fictief)');
    const stored = (await db().notes.get(added.id)) as unknown as { body: unknown; addendumOf: string };
    expect(stored.addendumOf).toBe(note.id);
    expect(isSealed(stored.body)).toBe(unlockedKey() !== null);
  });

  it.each([
    ['an empty text', '   ', { code: 'invalidInput', problems: [{ path: 'text', code: 'required' }] }],
    ['a text too long', 'a'.repeat(LONG_TEXT_MAX + 1), { code: 'invalidInput', problems: [{ path: 'text', code: 'tooLong', max: LONG_TEXT_MAX }] }],
  ])('refuses %s and writes nothing', async (_name, text, expected) => {
    const { note } = await savedNote();
    await db().outbox.clear();
    const error = await addAddendum(note.id, text).catch((e: unknown) => e);
    expect(isAppError(error) && { code: error.code, problems: error.problems }).toEqual(expected);
    expect(await db().notes.count()).toBe(1);
    expect(await db().outbox.count()).toBe(0);
  });

  it('refuses an addendum to a note that is not here, or to another addendum', async () => {
    const { note } = await savedNote();
    const added = await addAddendum(note.id, 'Eerste (fictief)');
    for (const target of ['nope', added.id]) {
      const error = await addAddendum(target, 'Tweede (fictief)').catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('notFound');
    }
  });

  it('drops the unsent mark once the server took the note', async () => {
    const { note } = await savedNote();
    expect(await unsentNoteIds()).toEqual(new Set([note.id]));
    const entry = (await listOutbox()).find((e) => e.mutation.type === 'note.add');
    await acknowledge([{ mutationId: entry!.mutationId, outcome: 'applied' } as never]);
    expect(await unsentNoteIds()).toEqual(new Set());
  });
});

describe('addenda never count as visits', () => {
  it('are left out of the latest notes, a day range and getNote, and never push a note out of a page', async () => {
    const { c, note } = await savedNote('2026-11-27');
    await saveVisitNote({ caseId: c.id, body: emptyVisitNote('2026-10-01'), followUps: [] });
    // A minute apart: two addenda of the same millisecond have no order but their random ids.
    const added = [await addAddendum(note.id, 'Een (fictief)', new Date('2026-12-01T09:00:00Z')), await addAddendum(note.id, 'Twee (fictief)', new Date('2026-12-01T09:01:00Z'))];
    expect((await latestNotesOfCase(c.id)).map((n) => n.date)).toEqual(['2026-11-27', '2026-10-01']);
    expect((await latestNotesOfCase(c.id, 2)).map((n) => n.date)).toEqual(['2026-11-27', '2026-10-01']);
    expect((await notesInRange('0000-01-01', '9999-12-31')).map((n) => n.date)).toEqual(['2026-10-01', '2026-11-27']);
    expect(await getNote(added[0]!.id)).toBeUndefined();
    expect((await addendaOfNotes(c.id, [note.id])).get(note.id)?.map((a) => a.body.text)).toEqual(['Een (fictief)', 'Twee (fictief)']);
  });

  it('leave the device with their case’s team', async () => {
    const { note } = await savedNote();
    await addAddendum(note.id, 'Weg (fictief)');
    await forgetTeams(['team-a']);
    expect(await db().notes.count()).toBe(0);
  });
});

describe('an addendum that arrives before its note (a first sync fetches the newest ids first)', () => {
  it('is stored without breaking anything, waits unshown, and appears under its note once that arrives', async () => {
    const c = await aCase();
    const stamp = { createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z', version: 7 };
    const addendum = { ...stamp, id: 'a-1', scopeId: 'team-a', caseId: c.id, date: ADDENDUM_DAY, addendumOf: 'n-1', body: { text: 'Later (fictief)', author: 'Collega' } };
    await applyPage([{ collection: 'notes', id: addendum.id, deleted: false, row: addendum }], { scopeId: 'team-a', cursor: 7, snapshot: null });
    expect(await latestNotesOfCase(c.id)).toEqual([]);
    expect(await addendaOfNotes(c.id, [])).toEqual(new Map());
    const note = { ...stamp, version: 6, id: 'n-1', scopeId: 'team-a', caseId: c.id, date: '2026-11-30', body: emptyVisitNote('2026-11-30') };
    await applyPage([{ collection: 'notes', id: note.id, deleted: false, row: note }], { scopeId: 'team-a', cursor: 7, snapshot: null });
    expect((await latestNotesOfCase(c.id)).map((n) => n.id)).toEqual(['n-1']);
    expect((await addendaOfNotes(c.id, ['n-1'])).get('n-1')?.map((a) => a.body.text)).toEqual(['Later (fictief)']);
  });
});
