import type { CaseFile } from '../../model/caseFile';
import { addDays, brusselsDay } from '../../model/dates';
import type { Example } from '../../model/example';
import type { FollowUp } from '../../model/followUp';
import type { Snapshot } from '../../model/snapshot';
import { emptyVisitNote, type VisitNote } from '../../model/visitNote';
import { demoPartners } from './demoPartners';

export const DEMO_SCOPES = { teamId: 'demo-team-onthaal', orgId: 'demo-org-voorbeeldstad', orgName: 'Voorbeeldstad (demo)' };

/**
 * The demo data set: clearly fictitious people, partners and examples of "Voorbeeldstad". Dates are relative
 * to today so the follow-up screen shows something overdue, something today and something coming up.
 */
export function demoSnapshot(now: Date): Snapshot {
  const today = brusselsDay(now);
  const iso = now.toISOString();
  const stamp = { createdAt: iso, updatedAt: iso, version: 0 };
  const team = DEMO_SCOPES.teamId;
  const cases: CaseFile[] = [
    ['Gezin Demo-Peeters (fictief)', 'Voorbeeldstraat 1, 9999 Voorbeeldstad', 'Twee volwassenen, drie kinderen (4, 9 en 13 jaar).'],
    ['Mevrouw Proef (fictief)', 'Lindeplein 8 bus 2, 9998 Voorbeelddorp', 'Woont alleen, dochter komt wekelijks langs.'],
    ['Meneer Test-Janssens (fictief)', 'Kerkstraat 44, 9999 Voorbeeldstad', 'Woont samen met zijn broer.'],
  ].map(([label, address, household], i) => ({
    id: `demo-case-${i + 1}`,
    scopeId: team,
    status: 'open',
    ...stamp,
    body: { label: label!, address: address!, phone: '', household: household! },
  }));

  const note = (caseId: string, n: number, daysAgo: number, fill: (b: VisitNote['body']) => void): VisitNote => {
    const body = emptyVisitNote(addDays(today, -daysAgo));
    fill(body);
    return { id: `demo-note-${n}`, scopeId: team, caseId, date: body.context.date, ...stamp, body };
  };
  const notes: VisitNote[] = [
    note('demo-case-1', 1, 14, (b) => {
      b.context = { ...b.context, startTime: '10:00', endTime: '11:15', place: 'Thuis', announced: 'announced', visitType: 'first', present: 'Beide ouders, jongste kind', reason: 'Opstart dossier na vraag aan het onthaal (fictief voorbeeld).' };
      b.hulpvraag.ownWords = '“We geraken niet rond met de energiefactuur.”';
      b.hulpvraag.domains.inkomen = 'Inkomen uit één deeltijdse job; achterstal bij de energieleverancier.';
      b.observaties.facts = 'Brieven van de energieleverancier liggen ongeopend op tafel.';
      b.observaties.interpretation = 'Indruk: ouders schamen zich om hulp te vragen.';
      b.observaties.strengths = 'Grootmoeder helpt met de kinderen.';
      b.signalen.rightsNotUsed = 'Mogelijk recht op verhoogde tegemoetkoming: nagaan.';
    }),
    note('demo-case-2', 2, 3, (b) => {
      b.context = { ...b.context, startTime: '14:00', endTime: '14:45', place: 'Thuis', announced: 'announced', visitType: 'followUp', present: 'Mevrouw, dochter', reason: 'Opvolging van de aanvraag voor thuiszorg (fictief voorbeeld).' };
      b.hulpvraag.ownWords = '“Ik wil graag thuis blijven wonen.”';
      b.observaties.facts = 'De trap naar de slaapkamer is steil; mevrouw gebruikt een stok.';
    }),
  ];

  const followUp = (n: number, caseId: string, due: string, title: string, kind: FollowUp['body']['kind'], noteId = ''): FollowUp => ({
    id: `demo-followup-${n}`,
    scopeId: team,
    caseId,
    dueDate: due,
    status: 'open',
    doneAt: '',
    noteId,
    ...stamp,
    body: { title, who: '', kind },
  });
  const followUps = [
    followUp(1, 'demo-case-1', addDays(today, -2), 'Afbetalingsplan met de energieleverancier bespreken', 'task', 'demo-note-1'),
    followUp(2, 'demo-case-2', today, 'Dochter bellen over de thuiszorg', 'contact', 'demo-note-2'),
    followUp(3, 'demo-case-3', addDays(today, 5), 'Eerste huisbezoek', 'contact'),
  ];

  const examples: Example[] = [
    {
      id: 'demo-example-1',
      scopeId: DEMO_SCOPES.orgId,
      themes: ['senioren', 'netwerk'],
      ...stamp,
      body: {
        title: 'Een zorgzame buurt rond het buurtcentrum (fictief voorbeeld)',
        municipality: 'Voorbeelddorp',
        summary: 'Buren, vrijwilligers en professionals spreken af wie een oogje in het zeil houdt bij alleenwonende ouderen.',
        approach: 'Maandelijks buurtoverleg in het buurtcentrum; één aanspreekpunt per straat; korte lijn naar het Sociaal Huis.',
        lessons: 'Begin klein, met één straat. Spreek vooraf af wat vrijwilligers wel en niet doorgeven.',
        contact: 'Buurtwerker De Linde (fictief)',
        partnerIds: ['demo-partner-6', 'demo-partner-1'],
      },
    },
    {
      id: 'demo-example-2',
      scopeId: DEMO_SCOPES.orgId,
      themes: ['inkomen', 'onthaal'],
      ...stamp,
      body: {
        title: 'Samen rechten verkennen aan één onthaalbalie (fictief voorbeeld)',
        municipality: 'Voorbeeldstad',
        summary: 'Sociaal Huis en ziekenfonds houden samen zitdag, zodat niemand van loket naar loket moet.',
        approach: 'Wekelijkse gezamenlijke zitdag; een korte checklist van rechten die vaak niet gebruikt worden.',
        lessons: 'Vraag vooraf toestemming om gegevens te delen. Houd de checklist kort.',
        contact: 'Onthaalteam Voorbeeldstad (fictief)',
        partnerIds: ['demo-partner-1', 'demo-partner-4'],
      },
    },
  ];

  return {
    format: 'veldwerk-snapshot',
    formatVersion: 1,
    scopes: DEMO_SCOPES,
    cases,
    notes,
    followUps,
    partners: demoPartners(DEMO_SCOPES.orgId, stamp),
    examples,
  };
}
