import { describe, expect, it } from 'vitest';
import { isBelgianPostalCode, isEmailAddress, isPhoneNumber } from '../../../src/model/contactFormats';

describe('isPhoneNumber', () => {
  it.each([
    ['a Belgian mobile', '0470 12 34 56'],
    ['a mobile without spaces', '0470123456'],
    ['a mobile with slash and dots', '0470/12.34.56'],
    ['a mobile with dashes', '0470-12-34-56'],
    ['a mobile after +32', '+32 470 12 34 56'],
    ['a mobile after 0032', '0032 470 12 34 56'],
    ['+32 with the trunk 0 in brackets', '+32 (0)470 12 34 56'],
    ['+32 without spaces', '+32470123456'],
    ['a Brussels line', '02 123 45 67'],
    ['a Brussels line with slash and dots', '02/123.45.67'],
    ['a Bruges line', '050 12 34 56'],
    ['an area code in brackets', '(050) 12 34 56'],
    ['a Liège line (04, 9 digits)', '04 123 45 67'],
    ['a free number', '0800 12 345'],
    ['a fixed line after +32', '+32 2 123 45 67'],
    ['a Dutch number', '+31 20 123 4567'],
    ['a Dutch number after 0031', '0031 20 123 4567'],
    ['a French number', '+33 1 23 45 67 89'],
    ['an American number', '+1 (555) 123-4567'],
    ['Tele-Onthaal', '106'],
    ['the Hulplijn 1712', '1712'],
    ['Child Focus', '116000'],
    ['spaces around it', '  0470 12 34 56 '],
  ])('accepts %s: %s', (_what, text) => expect(isPhoneNumber(text)).toBe(true));

  it.each([
    ['letters', 'abc'],
    ['words around a number', 'bel 0470 12 34 56'],
    ['too few digits', '0470 12 34'],
    ['too many digits', '0470 12 34 56 78'],
    ['a fixed line one digit short', '050 12 34 5'],
    ['+32 with the trunk 0 kept', '+32 0470 12 34 56'],
    ['+32 with too few digits', '+32 470 12 34'],
    ['a plus sign only', '+'],
    ['00 only', '00'],
    ['a plus in the middle', '0470+123456'],
    ['a number that is no short number', '12345'],
    ['an international number that is too long', '+49 1234 5678 9012 34'],
    ['empty (the form decides whether that is fine)', ''],
  ])('refuses %s: %s', (_what, text) => expect(isPhoneNumber(text)).toBe(false));
});

describe('isEmailAddress', () => {
  it.each([
    ['naam@voorbeeld.be', true],
    ['an.peeters+ocmw@gemeente-x.be', true],
    ['info@sub.domein.vlaanderen', true],
    [' naam@voorbeeld.be ', true],
    ['naam', false],
    ['naam@', false],
    ['naam@voorbeeld', false],
    ['naam@voorbeeld.', false],
    ['naam@.be', false],
    ['naam@voorbeeld..be', false],
    ['na am@voorbeeld.be', false],
    ['naam@@voorbeeld.be', false],
    ['naam@voorbeeld.b', false],
    ['', false],
  ])('%s → %s', (text, expected) => expect(isEmailAddress(text)).toBe(expected));
});

describe('isBelgianPostalCode', () => {
  it.each([
    ['8000', true],
    ['1000', true],
    ['9999', true],
    [' 3000 ', true],
    ['800', false],
    ['80000', false],
    ['0800', false],
    ['B-8000', false],
    ['abcd', false],
    ['', false],
  ])('%s → %s', (text, expected) => expect(isBelgianPostalCode(text)).toBe(expected));
});
