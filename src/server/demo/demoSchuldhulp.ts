import type { CaseFile } from '../../model/caseFile';
import { addDays, brusselsDay } from '../../model/dates';
import type { FollowUp } from '../../model/followUp';
import { emptyVisitNote, type VisitNote } from '../../model/visitNote';

export const SCHULDHULP_TEAM_ID = 'demo-team-schuldhulp';

/**
 * A few clearly fictitious dossiers of the second demo team, so a device of Samir or Hilde syncs something of
 * its own and a device of Lotte shows that another team's dossiers stay out of sight.
 */
export function demoSchuldhulp(now: Date): { cases: CaseFile[]; notes: VisitNote[]; followUps: FollowUp[] } {
  const today = brusselsDay(now);
  const iso = now.toISOString();
  const stamp = { createdAt: iso, updatedAt: iso, version: 0 };
  const scopeId = SCHULDHULP_TEAM_ID;
  const cases: CaseFile[] = [
    ['Mevrouw Voorbeeld-Claes (fictief)', 'Molenstraat 7, 9999 Voorbeeldstad', 'Alleenstaande moeder, één kind (6 jaar).'],
    ['Gezin Proefmans (fictief)', 'Beukenlaan 15, 9998 Voorbeelddorp', 'Twee volwassenen, geen kinderen thuis.'],
  ].map(([label, address, household], i) => ({
    id: `demo-schuld-case-${i + 1}`,
    scopeId,
    status: 'open',
    ...stamp,
    body: { label: label!, address: address!, phone: '', household: household! },
  }));

  const first = emptyVisitNote(addDays(today, -6));
  first.context = { ...first.context, startTime: '09:30', endTime: '10:30', place: 'Sociaal Huis', announced: 'announced', visitType: 'first', present: 'Mevrouw', reason: 'Intake schuldhulp (fictief voorbeeld).' };
  first.hulpvraag.ownWords = '“Ik krijg elke week aanmaningen en weet niet meer waar te beginnen.”';
  first.hulpvraag.domains.inkomen = 'Leefloon; drie openstaande facturen (fictief).';
  first.observaties.facts = 'Mevrouw bracht een map met brieven mee, nog niet geordend.';
  first.observaties.strengths = 'Wil graag zelf overzicht houden.';
  const second = emptyVisitNote(addDays(today, -1));
  second.context = { ...second.context, startTime: '13:00', endTime: '13:40', place: 'Thuis', announced: 'announced', visitType: 'followUp', present: 'Beide partners', reason: 'Budgetplan overlopen (fictief voorbeeld).' };
  second.observaties.facts = 'Vaste kosten samen op een blad gezet.';
  const notes: VisitNote[] = [
    { id: 'demo-schuld-note-1', scopeId, caseId: 'demo-schuld-case-1', date: first.context.date, ...stamp, body: first },
    { id: 'demo-schuld-note-2', scopeId, caseId: 'demo-schuld-case-2', date: second.context.date, ...stamp, body: second },
  ];

  const followUps: FollowUp[] = [
    { id: 'demo-schuld-followup-1', scopeId, caseId: 'demo-schuld-case-1', dueDate: addDays(today, 2), status: 'open', doneAt: '', noteId: 'demo-schuld-note-1', ...stamp, body: { title: 'Schuldeisers aanschrijven voor een overzicht', who: '', kind: 'task' } },
    { id: 'demo-schuld-followup-2', scopeId, caseId: 'demo-schuld-case-2', dueDate: addDays(today, -1), status: 'open', doneAt: '', noteId: '', ...stamp, body: { title: 'Doorverwijzing naar de dienst schuldbemiddeling', who: '', kind: 'referral' } },
  ];
  return { cases, notes, followUps };
}
