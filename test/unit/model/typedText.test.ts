import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../../src/model/mutation';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { typedText } from '../../../src/model/typedText';

const stamp = { scopeId: 'team-a', createdAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z', version: 0 };
const note = emptyVisitNote('2026-12-01');
note.observaties.facts = 'Mevrouw vertelt over de huur (fictief).';
note.opvolging.referrals = [{ partnerId: 'p-1', partnerName: 'CAW (fictief)', reason: 'Budgethulp' }];
const signed = emptyVisitNote('2026-12-01');
signed.administratief.author = 'Lien (fictief)';

describe('typedText: what a person typed in a change, for copying it out', () => {
  const table: Array<[string, Mutation, string]> = [
    ['a new case: its label and details', { type: 'case.create', row: { ...stamp, id: 'c1', status: 'open', body: { label: 'Gezin Peeters (fictief)', address: '', phone: '', household: '2 kinderen' } } }, 'Gezin Peeters (fictief)\n2 kinderen'],
    ['changed fields only', { type: 'case.setFields', id: 'c1', fields: { phone: '0470 00 00 00' } }, '0470 00 00 00'],
    ['a visit note: its texts, not its ids or dates', { type: 'note.add', row: { ...stamp, id: 'n1', caseId: 'c1', date: '2026-12-01', body: note } }, 'Mevrouw vertelt over de huur (fictief).\nCAW (fictief)\nBudgethulp'],
    ['an addendum: its text, not the name the app signed it with', { type: 'note.addAddendum', row: { ...stamp, id: 'a1', caseId: 'c1', date: '', addendumOf: 'n1', body: { text: 'De huur is 650 euro (fictief).', author: 'Lien Schrijver (fictief)' } } }, 'De huur is 650 euro (fictief).'],
    ['a visit note’s own author field is typed, and kept', { type: 'note.add', row: { ...stamp, id: 'n2', caseId: 'c1', date: '2026-12-01', body: signed } }, 'Lien (fictief)'],
    ['a status change has no typed text', { type: 'case.transition', id: 'c1', status: 'closed' }, ''],
    ['instrument answers', { type: 'instrumentRun.setAnswers', id: 'r1', answers: { goal: 'Samen afstemmen', 'r:p1': { kind: 'person', name: 'Buurvrouw', group: 'neighbours', tie: 'strong', supports: ['practical'], note: '' } } }, 'Samen afstemmen\nBuurvrouw'],
  ];
  it.each(table)('%s', (_name, mutation, expected) => {
    expect(typedText(mutation)).toBe(expected);
  });
});
