import { describe, expect, it } from 'vitest';
import { plannedFollowUps } from '../../../src/model/plannedFollowUps';
import { check, LONG_TEXT_MAX } from '../../../src/model/validation';
import { emptyVisitNote, noteHasContent, signalKinds, VisitNoteBodySchema } from '../../../src/model/visitNote';

const titles = {
  nextContact: (type: string) => `next ${type}`,
  referral: (name: string) => `check ${name}`,
  documents: 'docs',
};

describe('visit note validation', () => {
  it('accepts an empty note for a day', () => {
    expect(check(VisitNoteBodySchema, emptyVisitNote('2026-11-27')).ok).toBe(true);
  });

  it('names the field that is too long, with the limit', () => {
    const body = emptyVisitNote('2026-11-27');
    body.observaties.facts = 'x'.repeat(LONG_TEXT_MAX + 1);
    const result = check(VisitNoteBodySchema, body);
    expect(result).toEqual({ ok: false, problems: [{ path: 'observaties.facts', code: 'tooLong', max: LONG_TEXT_MAX }] });
  });

  it('refuses an impossible visit date and a malformed agreement date', () => {
    const body = emptyVisitNote('2026-02-30');
    body.afspraken.push({ who: '', what: 'iets', due: 'morgen' });
    const result = check(VisitNoteBodySchema, body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path).sort()).toEqual(['afspraken.0.due', 'context.date']);
  });
});

describe('visit note problems', () => {
  it('calls a missing visit date missing, and an impossible one invalid', () => {
    expect(check(VisitNoteBodySchema, emptyVisitNote(''))).toEqual({ ok: false, problems: [{ path: 'context.date', code: 'required' }] });
    expect(check(VisitNoteBodySchema, emptyVisitNote('2026-02-30'))).toEqual({ ok: false, problems: [{ path: 'context.date', code: 'invalid' }] });
  });
});

describe('noteHasContent', () => {
  it.each([
    ['only the date', (): void => {}, false],
    ['whitespace only', (b: ReturnType<typeof emptyVisitNote>) => (b.observaties.facts = '  \n'), false],
    ['a fact', (b: ReturnType<typeof emptyVisitNote>) => (b.observaties.facts = 'Stapel brieven'), true],
    ['an interpreter', (b: ReturnType<typeof emptyVisitNote>) => (b.context.interpreter = true), true],
    ['an agreement', (b: ReturnType<typeof emptyVisitNote>) => b.afspraken.push({ who: 'ik', what: '', due: '' }), true],
  ])('%s → %s', (_name, fill, expected) => {
    const body = emptyVisitNote('2026-11-27');
    fill(body);
    expect(noteHasContent(body)).toBe(expected);
  });
});

describe('plannedFollowUps', () => {
  it('plans dated agreements, the next contact, a check per referral and the documents', () => {
    const body = emptyVisitNote('2026-11-27');
    body.afspraken = [
      { who: 'cliënt', what: 'Huurcontract zoeken\nen meebrengen', due: '2026-12-01' },
      { who: 'ik', what: 'zonder datum', due: '' },
    ];
    body.opvolging = {
      nextContactDate: '2026-12-10',
      nextContactType: 'phone',
      referrals: [{ partnerId: 'p1', partnerName: 'CAW', reason: '' }],
      documents: 'loonfiches',
    };
    expect(plannedFollowUps(body, titles)).toEqual([
      { dueDate: '2026-12-01', body: { title: 'Huurcontract zoeken', who: 'cliënt', kind: 'task' } },
      { dueDate: '2026-12-10', body: { title: 'next phone', who: '', kind: 'contact', topic: { key: 'nextContact', contactType: 'phone' } } },
      { dueDate: '2026-12-10', body: { title: 'check CAW', who: '', kind: 'referral', topic: { key: 'referral', partner: 'CAW' } } },
      { dueDate: '2026-12-10', body: { title: 'docs', who: '', kind: 'document', topic: { key: 'documents' } } },
    ]);
  });

  it('checks a referral a week after the visit when no next contact is planned', () => {
    const body = emptyVisitNote('2026-12-30');
    body.opvolging.referrals = [{ partnerId: 'p1', partnerName: 'OCMW', reason: '' }];
    expect(plannedFollowUps(body, titles).map((p) => p.dueDate)).toEqual(['2027-01-06']);
  });
});

describe('signalKinds', () => {
  it('lists only the signal kinds that hold text', () => {
    const body = emptyVisitNote('2026-11-27');
    body.signalen.safety = 'zorg';
    expect(signalKinds(body)).toEqual(['safety']);
  });
});
