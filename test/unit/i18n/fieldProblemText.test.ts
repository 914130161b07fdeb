import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enApp from '../../../locales/en/app.json';
import nlApp from '../../../locales/nl/app.json';
import { fieldProblemsOf, fieldProblemText, saveFailureText } from '../../../src/i18n/errorText';
import { AppError } from '../../../src/model/appError';

beforeAll(async () => {
  await i18next.init({ lng: 'nl', fallbackLng: 'nl', defaultNS: 'app', ns: ['app'], resources: { nl: { app: nlApp }, en: { app: enApp } }, interpolation: { escapeValue: false } });
});

describe('fieldProblemText says what to do with the field', () => {
  it.each([
    ['a required field in its own words', { path: 'd', code: 'required' } as const, { label: 'Datum', required: 'Vul de datum van het bezoek in.' }, 'Vul de datum van het bezoek in.'],
    ['a required field by its label', { path: 'x', code: 'required' } as const, { label: 'Plaats' }, 'Vul ‘Plaats’ in.'],
    ['a text that is too long', { path: 'x', code: 'tooLong', max: 300 } as const, { label: 'Plaats' }, 'Maak ‘Plaats’ korter: hoogstens 300 tekens.'],
    ['a phone number', { path: 'p', code: 'invalid' } as const, { label: 'Telefoon', kind: 'phone' as const }, 'Vul een telefoonnummer in zoals 0470 12 34 56 of +32 470 12 34 56.'],
    ['an e-mail address', { path: 'e', code: 'invalid' } as const, { label: 'E-mail', kind: 'email' as const }, 'Vul een e-mailadres in zoals naam@voorbeeld.be.'],
    ['a postal code', { path: 'c', code: 'invalid' } as const, { label: 'Postcode', kind: 'postalCode' as const }, 'Vul een postcode van 4 cijfers in, zoals 8000.'],
    ['a time', { path: 't', code: 'invalid' } as const, { label: 'Beginuur', kind: 'time' as const }, 'Vul bij ‘Beginuur’ een uur in, zoals 14:30.'],
  ])('%s', (_what, problem, words, expected) => expect(fieldProblemText(problem, words)).toBe(expected));

  it('turns a store’s refusal into field messages, and leaves any other failure to the button', () => {
    const refused = new AppError('invalidInput', [{ path: 'phone', code: 'invalid' }]);
    expect(fieldProblemsOf(refused, () => ({ label: 'Telefoon', kind: 'phone' }))).toEqual([{ path: 'phone', message: 'Vul een telefoonnummer in zoals 0470 12 34 56 of +32 470 12 34 56.' }]);
    expect(fieldProblemsOf(new AppError('quotaExceeded'), () => ({ label: 'x' }))).toBeNull();
    expect(fieldProblemsOf(new Error('boom'), () => ({ label: 'x' }))).toBeNull();
  });
});

describe('saveFailureText', () => {
  it('says what happened, without repeating that the text is safe (the form says that once)', () => {
    for (const error of [new AppError('quotaExceeded'), new AppError('locked'), new AppError('busy'), new AppError('unknown'), new TypeError('x')]) {
      const text = saveFailureText(error);
      expect(text).toMatch(/^Bewaren lukte niet/);
      expect(text).not.toMatch(/staat nog op het scherm/);
    }
    expect(saveFailureText(new AppError('quotaExceeded'))).toMatch(/geheugen van dit toestel is vol/);
    expect(saveFailureText(new RangeError('Invalid time value'))).toBe('Bewaren lukte niet. Er ging iets mis. Probeer het opnieuw.');
  });
});
