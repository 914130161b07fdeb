import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/model/caseFile';
import { newId } from '../../../src/model/ids';
import { changedFields } from '../../../src/model/mutation';
import { emptyPartnerBody, mapHref, PartnerInputSchema, partnerMatches, telHref, type Partner } from '../../../src/model/partner';
import { check } from '../../../src/model/validation';

const partner = (name: string, themes: Partner['themes'], city = 'Gent'): Partner => ({
  id: name,
  scopeId: 'org',
  createdAt: '',
  updatedAt: '',
  version: 0,
  themes,
  body: { ...emptyPartnerBody(), name, city, contacts: [{ id: 'c', name: 'Jozef Maës', role: '', phone: '', email: '' }] },
});

describe('partner rules', () => {
  it.each([
    ['+32 9 000 10 00', 'tel:+3290001000'],
    ['09/123.45.67', 'tel:091234567'],
  ])('telHref(%s) = %s', (phone, href) => expect(telHref(phone)).toBe(href));

  it('builds a map link from the address only', () => {
    expect(mapHref({ street: 'Marktplein 1', postalCode: '9999', city: 'Voorbeeldstad' })).toBe(
      'https://www.openstreetmap.org/search?query=Marktplein%201%2C%209999%20Voorbeeldstad%2C%20Belgi%C3%AB',
    );
  });

  it.each([
    ['caw', '', true],
    ['GENT', '', true],
    ['maes', '', true],
    ['caw', 'wonen', true],
    ['caw', 'jeugd', false],
    ['ocmw', '', false],
  ])('query %s with theme "%s" matches: %s', (query, theme, expected) => {
    expect(partnerMatches(partner('CAW Oost', ['wonen']), query, theme)).toBe(expected);
  });

  it.each([
    ['phone', { phone: 'bel me' }, 'body.phone'],
    ['email', { email: 'geen-mail' }, 'body.email'],
    ['website without https', { website: 'javascript:alert(1)' }, 'body.website'],
  ])('rejects a bad %s', (_what, patch, path) => {
    const result = check(PartnerInputSchema, { themes: [], body: { ...emptyPartnerBody(), name: 'X', ...patch } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path);
  });
});

describe('small model helpers', () => {
  it('fold removes accents and case', () => expect(fold('Çelik Maës ÉÉN')).toBe('celik maes een'));

  it('changedFields keeps only what differs, comparing nested values', () => {
    expect(changedFields({ a: '1', b: ['x'], c: 'same' }, { a: '2', b: ['x'], c: 'same' })).toEqual({ a: '2' });
  });

  it('newId is a UUIDv7 that sorts by creation time', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});
