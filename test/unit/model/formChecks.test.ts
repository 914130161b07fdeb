import { describe, expect, it } from 'vitest';
import { emptyCaseBody, type CaseBody } from '../../../src/model/caseFile';
import { caseFormProblems, inFieldOrder, partnerFormProblems } from '../../../src/model/formChecks';
import { emptyPartnerBody, type ContactPerson, type PartnerInput } from '../../../src/model/partner';

const caseBody = (patch: Partial<CaseBody>): CaseBody => ({ ...emptyCaseBody(), label: 'Gezin Peeters', ...patch });
const partner = (patch: Partial<PartnerInput['body']>): PartnerInput => ({ themes: [], body: { ...emptyPartnerBody(), name: 'CAW Oost', ...patch } });
const contact = (patch: Partial<ContactPerson>): ContactPerson => ({ id: 'c1', name: 'Jozef', role: '', phone: '', email: '', ...patch });

describe('caseFormProblems', () => {
  it.each([
    ['a label only', caseBody({}), []],
    ['no label', caseBody({ label: ' ' }), [{ path: 'label', code: 'required' }]],
    ['a Belgian number', caseBody({ phone: '+32 470 12 34 56' }), []],
    ['a number with slash and dots', caseBody({ phone: '0470/12.34.56' }), []],
    ['letters for a number', caseBody({ phone: 'abc' }), [{ path: 'phone', code: 'invalid' }]],
    ['no label and a bad number, in the order of the form', caseBody({ label: '', phone: 'abc' }), [{ path: 'label', code: 'required' }, { path: 'phone', code: 'invalid' }]],
  ])('%s', (_what, body, expected) => expect(caseFormProblems(body)).toEqual(expected));

  it('lets a stored number in another form be, and checks it once it is changed', () => {
    const stored = caseBody({ phone: 'na 17 u: 0470 12 34 56' });
    expect(caseFormProblems({ ...stored, label: 'Gezin Peeters-Claes' }, stored)).toEqual([]);
    expect(caseFormProblems({ ...stored, phone: 'na 18 u' }, stored)).toEqual([{ path: 'phone', code: 'invalid' }]);
  });
});

describe('partnerFormProblems', () => {
  it.each([
    ['a name only', partner({}), []],
    ['a full address', partner({ street: 'Markt 1', postalCode: '8000', city: 'Brugge', phone: '050 12 34 56', email: 'info@caw.be' }), []],
    ['a postal code of 3 digits', partner({ postalCode: '800' }), [{ path: 'body.postalCode', code: 'invalid' }]],
    ['an e-mail without domain', partner({ email: 'info@caw' }), [{ path: 'body.email', code: 'invalid' }]],
    ['a website without https', partner({ website: 'www.caw.be' }), [{ path: 'body.website', code: 'invalid' }]],
    ['a contact person without a name', partner({ contacts: [contact({ name: '' })] }), [{ path: 'body.contacts.0.name', code: 'required' }]],
    [
      'all at once, in the order of the form',
      partner({
        name: '',
        email: 'geen-mail',
        postalCode: 'B-8000',
        notes: 'x',
        contacts: [contact({ phone: '123' }), contact({ id: 'c2', name: '', email: 'jan@' })],
      }),
      [
        { path: 'body.name', code: 'required' },
        { path: 'body.postalCode', code: 'invalid' },
        { path: 'body.email', code: 'invalid' },
        { path: 'body.contacts.0.phone', code: 'invalid' },
        { path: 'body.contacts.1.name', code: 'required' },
        { path: 'body.contacts.1.email', code: 'invalid' },
      ],
    ],
  ])('%s', (_what, input, expected) => expect(partnerFormProblems(input)).toEqual(expected));

  it('checks only what was typed: a stored postal code and contact number in another form stay as they are', () => {
    const stored = partner({ postalCode: 'NL-4611', contacts: [contact({ phone: '12 34 56' })] });
    const edited: PartnerInput = { ...stored, body: { ...stored.body, openingHours: 'ma–vr 9–12 u' } };
    expect(partnerFormProblems(edited, stored)).toEqual([]);
    edited.body.contacts = [contact({ phone: '12 34 567' })];
    expect(partnerFormProblems(edited, stored)).toEqual([{ path: 'body.contacts.0.phone', code: 'invalid' }]);
  });
});

describe('inFieldOrder', () => {
  it('keeps the first problem of a field and puts unknown fields last', () => {
    const order = ['a', 'list.*.x', 'list.*.y', 'b'];
    const problems = inFieldOrder(
      [
        { path: 'b', code: 'required' },
        { path: 'other', code: 'invalid' },
        { path: 'list.1.x', code: 'invalid' },
        { path: 'list.0.y', code: 'invalid' },
        { path: 'a', code: 'tooLong', max: 3 },
        { path: 'a', code: 'invalid' },
      ],
      order,
    );
    expect(problems.map((p) => `${p.path}:${p.code}`)).toEqual(['a:tooLong', 'list.0.y:invalid', 'list.1.x:invalid', 'b:required', 'other:invalid']);
  });
});
