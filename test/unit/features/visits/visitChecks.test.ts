import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import nlApp from '../../../../locales/nl/app.json';
import nlVisit from '../../../../locales/nl/visit.json';
import { visitErrors, visitWarnings } from '../../../../src/features/visits/visitChecks';
import { emptyVisitNote } from '../../../../src/model/visitNote';

beforeAll(async () => {
  await i18next.init({ lng: 'nl', fallbackLng: 'nl', defaultNS: 'app', fallbackNS: ['visit'], ns: ['app', 'visit'], resources: { nl: { app: nlApp, visit: nlVisit } }, interpolation: { escapeValue: false } });
});

describe('the visit note form’s messages', () => {
  it('asks for the visit date in words, at the date field', () => {
    expect(visitErrors(emptyVisitNote(''))).toEqual([{ path: 'context.date', message: 'Vul de datum van het bezoek in.' }]);
  });

  it('names the agreement and the field of a text that is too long', () => {
    const body = emptyVisitNote('2026-03-10');
    body.afspraken.push({ who: 'x'.repeat(301), what: 'Attest', due: '' });
    expect(visitErrors(body)).toEqual([{ path: 'afspraken.0.who', message: 'Maak ‘Afspraak 1: Wie?’ korter: hoogstens 300 tekens.' }]);
  });

  it('asks about a visit next year, an end before the start and an agreement in the past, each at its field', () => {
    const body = emptyVisitNote('2027-03-10');
    Object.assign(body.context, { startTime: '14:00', endTime: '09:00' });
    body.afspraken.push({ who: '', what: 'Attest', due: '2019-03-10' });
    const asked = visitWarnings(body, '2026-03-10');
    expect(asked.map((w) => w.path)).toEqual(['context.date', 'context.endTime', 'afspraken.0.due']);
    expect(asked[0]!.message).toMatch(/^De datum van het bezoek ligt in de toekomst: .*2027\.$/);
    expect(asked[1]!.message).toBe('Het einduur (09:00) ligt vóór het beginuur (14:00).');
    expect(asked[2]!.message).toMatch(/^Afspraak 1 moet klaar zijn op .*2019: die dag is al voorbij/);
  });

  it('asks about an empty note at the reason for the visit', () => {
    expect(visitWarnings(emptyVisitNote('2026-03-10'), '2026-03-10')).toEqual([{ path: 'context.reason', message: 'De notitie is leeg: er staat alleen een datum in.' }]);
  });
});
