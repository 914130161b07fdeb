import type { CaseFile } from '../../../src/model/caseFile';
import type { FollowUp } from '../../../src/model/followUp';
import { newId } from '../../../src/model/ids';
import type { InstrumentKind, InstrumentRun } from '../../../src/model/instrumentRun';
import { emptyPartnerBody, type Partner } from '../../../src/model/partner';
import { emptyVisitNote, type VisitNote } from '../../../src/model/visitNote';

const stamp = (at = new Date()) => ({ createdAt: at.toISOString(), updatedAt: at.toISOString(), version: 0 });

export function caseRow(scopeId: string, label = 'Dossier (fictief)'): CaseFile {
  return { id: newId(), scopeId, status: 'open', ...stamp(), body: { label, address: 'Teststraat 1', phone: '', household: '' } };
}

/** A visit note of about 1 KB, like a real one written on a home visit. */
export function noteRow(scopeId: string, caseId: string, text = 'Fictieve observatie. '): VisitNote {
  const body = emptyVisitNote('2025-03-14');
  body.context = { ...body.context, place: 'Thuis', reason: 'Opvolging (fictief).', present: 'Cliënt' };
  body.observaties.facts = text.repeat(Math.ceil(600 / text.length)).slice(0, 600);
  body.hulpvraag.ownWords = '“Ik wil graag rond komen.”';
  return { id: newId(), scopeId, caseId, date: body.context.date, ...stamp(), body };
}

export function followUpRow(scopeId: string, caseId: string): FollowUp {
  return { id: newId(), scopeId, caseId, dueDate: '2025-03-20', status: 'open', doneAt: '', noteId: '', ...stamp(), body: { title: 'Bellen', who: '', kind: 'contact' } };
}

/** An instrument run: a network instrument (no case) or, with a caseId, a client's ecogram. */
export function instrumentRunRow(scopeId: string, caseId = '', instrument: InstrumentKind = caseId ? 'ecogram' : 'netwerk-startvragen'): InstrumentRun {
  return { id: newId(), scopeId, instrument, caseId, status: 'open', ...stamp(), body: { title: 'Run (fictief)', goal: 'Samen werken' } };
}

export function partnerRow(scopeId: string, name = 'Partner (fictief)'): Partner {
  return { id: newId(), scopeId, themes: ['wonen'], ...stamp(), body: { ...emptyPartnerBody(), name, city: 'Voorbeeldstad' } };
}
