import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enApp from '../../../locales/en/app.json';
import nlApp from '../../../locales/nl/app.json';
import { followUpTitle, followUpTitles } from '../../../src/i18n/followUpTitles';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { plannedFollowUps } from '../../../src/model/plannedFollowUps';
import type { FollowUpBody } from '../../../src/model/followUp';

beforeAll(async () => {
  await i18next.init({ lng: 'nl', fallbackLng: 'nl', defaultNS: 'app', ns: ['app'], resources: { nl: { app: nlApp }, en: { app: enApp } }, interpolation: { escapeValue: false } });
});

const body = (title: string, topic?: FollowUpBody['topic']): FollowUpBody => ({ title, who: '', kind: 'task', ...(topic ? { topic } : {}) });

describe('a follow-up title the app wrote is shown in the reader’s language; one typed by a person as typed', () => {
  it.each<[string, FollowUpBody, string, string]>([
    ['the next contact, with its kind', body('Volgend contact (huisbezoek)', { key: 'nextContact', contactType: 'homeVisit' }), 'Volgend contact (huisbezoek)', 'Next contact (home visit)'],
    ['the next contact by phone', body('Volgend contact (telefonisch)', { key: 'nextContact', contactType: 'phone' }), 'Volgend contact (telefonisch)', 'Next contact (by phone)'],
    ['the next contact of no kind', body('Volgend contact', { key: 'nextContact', contactType: '' }), 'Volgend contact', 'Next contact'],
    ['a referral, with the partner’s name', body('Nagaan of de doorverwijzing naar CAW gelukt is', { key: 'referral', partner: 'CAW' }), 'Nagaan of de doorverwijzing naar CAW gelukt is', 'Check that the referral to CAW worked'],
    ['the missing documents', body('Ontbrekende documenten opvragen', { key: 'documents' }), 'Ontbrekende documenten opvragen', 'Ask for the missing documents'],
    ['a title typed by a person', body('Huurcontract zoeken'), 'Huurcontract zoeken', 'Huurcontract zoeken'],
    ['an older generated title, stored without a topic, keeps showing', body('Ontbrekende documenten opvragen'), 'Ontbrekende documenten opvragen', 'Ontbrekende documenten opvragen'],
  ])('%s', async (_what, stored, nl, en) => {
    await i18next.changeLanguage('nl');
    expect(followUpTitle(stored)).toBe(nl);
    await i18next.changeLanguage('en');
    expect(followUpTitle(stored)).toBe(en);
  });

  it('a note written in English plans follow-ups that a Dutch reader reads in Dutch', async () => {
    const note = emptyVisitNote('2026-11-27');
    note.opvolging = { nextContactDate: '2026-12-10', nextContactType: 'office', referrals: [{ partnerId: 'p1', partnerName: 'OCMW', reason: '' }], documents: 'loonfiches' };
    await i18next.changeLanguage('en');
    const planned = plannedFollowUps(note, followUpTitles());
    expect(planned.map((p) => p.body.title)).toEqual(['Next contact (at the office)', 'Check that the referral to OCMW worked', 'Ask for the missing documents']);
    await i18next.changeLanguage('nl');
    expect(planned.map((p) => followUpTitle(p.body))).toEqual(['Volgend contact (op kantoor)', 'Nagaan of de doorverwijzing naar OCMW gelukt is', 'Ontbrekende documenten opvragen']);
  });
});
