import { describe, expect, it } from 'vitest';
import { ADDENDUM_DAY, AddendumBodySchema, addendaOf, isAddendum } from '../../../src/model/noteAddendum';
import { AddendumRowSchema, NoteRowSchema } from '../../../src/model/rowSchemas';
import { LONG_TEXT_MAX, check } from '../../../src/model/validation';
import { MutationSchema } from '../../../src/sync/protocol';
import { emptyVisitNote } from '../../../src/model/visitNote';
import * as v from 'valibot';

const stamp = { createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z', version: 0 };
const addendum = { ...stamp, id: 'a1', scopeId: 'team-a', caseId: 'c1', date: ADDENDUM_DAY, addendumOf: 'n1', body: { text: 'De huur is 650 euro, niet 560 (fictief).', author: 'An Peeters' } };
const note = { ...stamp, id: 'n1', scopeId: 'team-a', caseId: 'c1', date: '2026-11-30', body: emptyVisitNote('2026-11-30') };

describe('an addendum’s text', () => {
  it.each([
    ['a sentence', 'Rechtzetting: het bezoek was om 10 uur.', []],
    ['nothing', '', [{ path: 'text', code: 'required' }]],
    ['only spaces', '   \n ', [{ path: 'text', code: 'required' }]],
    ['too long', 'a'.repeat(LONG_TEXT_MAX + 1), [{ path: 'text', code: 'tooLong', max: LONG_TEXT_MAX }]],
  ])('%s', (_name, text, problems) => {
    const result = check(AddendumBodySchema, { text, author: 'An' });
    expect(result.ok ? [] : result.problems).toEqual(problems);
  });
});

describe('rows of the notes collection', () => {
  it.each([
    ['a visit note is a note, not an addendum', note, { note: true, addendum: false, isAddendum: false }],
    ['an addendum is an addendum, not a note (no visit day)', addendum, { note: false, addendum: true, isAddendum: true }],
    ['an addendum with a visit day is neither', { ...addendum, date: '2026-12-01' }, { note: false, addendum: false, isAddendum: true }],
    ['an addendum without its note id is neither', { ...addendum, addendumOf: '' }, { note: false, addendum: false, isAddendum: false }],
  ])('%s', (_name, row, expected) => {
    expect({ note: v.is(NoteRowSchema, row), addendum: v.is(AddendumRowSchema, row), isAddendum: isAddendum(row) }).toEqual(expected);
  });

  it('reaches the server only as its own change type: not as a note.add', () => {
    expect(v.is(MutationSchema, { type: 'note.addAddendum', row: addendum })).toBe(true);
    expect(v.is(MutationSchema, { type: 'note.add', row: addendum })).toBe(false);
    expect(v.is(MutationSchema, { type: 'note.addAddendum', row: note })).toBe(false);
  });
});

describe('addendaOf', () => {
  it('lists one note’s addenda oldest first, the same on every device', () => {
    const rows = [
      { id: 'b', addendumOf: 'n1', createdAt: '2026-12-02T09:00:00.000Z' },
      { id: 'x', addendumOf: 'n2', createdAt: '2026-12-01T09:00:00.000Z' },
      { id: 'c', addendumOf: 'n1', createdAt: '2026-12-01T09:00:00.000Z' },
      { id: 'a', addendumOf: 'n1', createdAt: '2026-12-01T09:00:00.000Z' },
    ];
    expect(addendaOf('n1', rows).map((r) => r.id)).toEqual(['a', 'c', 'b']);
    expect(addendaOf('n3', rows)).toEqual([]);
  });
});
