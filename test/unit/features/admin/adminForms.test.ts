import { describe, expect, it } from 'vitest';
import { adminErrorCode } from '../../../../src/features/admin/adminPort';
import { newPersonProblems, readSettings, settingsInput, teamNameProblem } from '../../../../src/features/admin/adminProblems';
import { AUDIT_ACTIONS, auditActionKey, auditActionText, caseIdFrom } from '../../../../src/features/admin/auditText';
import { byName } from '../../../../src/features/admin/byName';
import en from '../../../../locales/en/admin.json';
import nl from '../../../../locales/nl/admin.json';
import { teamNames } from '../../../../src/features/admin/personText';
import { DEFAULT_ORG_SETTINGS } from '../../../../src/model/admin';

const person = { email: 'an@example.org', displayName: 'An Peeters', role: 'worker' as const, teamIds: [] };

describe('a new person is checked before it is sent', () => {
  it.each<[string, Partial<typeof person>, Record<string, string>]>([
    ['complete', {}, {}],
    ['no e-mail', { email: '  ' }, { email: 'required' }],
    ['a malformed e-mail', { email: 'an-at-example' }, { email: 'email' }],
    ['no name', { displayName: ' ' }, { displayName: 'required' }],
    ['a name too long', { displayName: 'x'.repeat(201) }, { displayName: 'tooLong' }],
    ['nothing at all', { email: '', displayName: '' }, { email: 'required', displayName: 'required' }],
  ])('%s', (_, patch, expected) => {
    expect(newPersonProblems({ ...person, ...patch })).toEqual(expected);
  });

  it('refuses a role that does not exist', () => {
    expect(newPersonProblems({ ...person, role: 'boss' as never })).toEqual({ role: 'choose' });
  });
});

describe('a team name', () => {
  it.each([
    ['Onthaal', null],
    ['  ', 'required'],
    ['x'.repeat(201), 'tooLong'],
  ])('%j → %s', (name, expected) => expect(teamNameProblem(name)).toBe(expected));
});

describe('the organisation settings as typed', () => {
  it('round-trip: the stored settings read back as they were', () => {
    expect(readSettings(settingsInput(DEFAULT_ORG_SETTINGS))).toEqual({ settings: DEFAULT_ORG_SETTINGS });
  });

  it.each<[Record<string, string>, string[]]>([
    [{ screenLockMinutes: '1', fullLockMinutes: '480', noteRetentionYears: '30', sessionMaxDays: '30' }, []],
    [{ screenLockMinutes: '0', fullLockMinutes: '5', noteRetentionYears: '1', sessionMaxDays: '1' }, ['screenLockMinutes']],
    [{ screenLockMinutes: '61', fullLockMinutes: '4', noteRetentionYears: '31', sessionMaxDays: '366' }, ['screenLockMinutes', 'fullLockMinutes', 'noteRetentionYears', 'sessionMaxDays']],
    [{ screenLockMinutes: '2.5', fullLockMinutes: '', noteRetentionYears: 'tien', sessionMaxDays: '0' }, ['screenLockMinutes', 'fullLockMinutes', 'noteRetentionYears', 'sessionMaxDays']],
    [{ screenLockMinutes: ' 10 ', fullLockMinutes: '30', noteRetentionYears: '10', sessionMaxDays: '365' }, []],
  ])('%j: out of bounds %j', (input, expected) => {
    const read = readSettings(input as never);
    expect('outOfBounds' in read ? read.outOfBounds : []).toEqual(expected);
  });

  it('reads whole numbers, trimmed', () => {
    expect(readSettings({ screenLockMinutes: ' 10 ', fullLockMinutes: '30', noteRetentionYears: '7', sessionMaxDays: ' 90' })).toEqual({
      settings: { screenLockMinutes: 10, fullLockMinutes: 30, noteRetentionYears: 7, sessionMaxDays: 90 },
    });
  });
});

describe('admin helpers', () => {
  it('names a person’s teams in the teams’ order and leaves out teams it does not know', () => {
    const teams = [
      { id: 't2', name: 'Schuldhulp', memberIds: [] },
      { id: 't1', name: 'Onthaal', memberIds: [] },
    ];
    expect(teamNames({ teamIds: ['t1', 'gone', 't2'] }, teams)).toEqual(['Schuldhulp', 'Onthaal']);
  });

  it('sorts people and teams by name', () => {
    expect(byName([{ name: 'b' }, { name: 'A' }, { name: 'c' }]).map((x) => x.name)).toEqual(['A', 'b', 'c']);
    expect(byName([{ displayName: 'Zoë' }, { displayName: 'Ann' }]).map((x) => x.displayName)).toEqual(['Ann', 'Zoë']);
  });

  it.each([
    [{ code: 'emailTaken' }, 'emailTaken'],
    [{ code: 'offline' }, 'offline'],
    [{ code: 'somethingNew' }, 'server'],
    [new Error('boom'), 'server'],
    [null, 'server'],
  ])('error %j is explained as %s', (error, expected) => expect(adminErrorCode(error)).toBe(expected));
});

describe('the audit log', () => {
  it.each([
    ['demo-case-1', 'demo-case-1'],
    ['  demo-case-1 ', 'demo-case-1'],
    ['https://veldwerk.example/dossiers/demo-case-1', 'demo-case-1'],
    ['https://veldwerk.example/dossiers/demo-case-1/bezoek?x=1', 'demo-case-1'],
    ['/dossiers/a%20b', 'a b'],
    ['', ''],
  ])('reads a dossier from %j as %j', (input, expected) => expect(caseIdFrom(input)).toBe(expected));

  it('has words for every action it knows, in both languages', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(nl.admin.audit.actions, action).toHaveProperty([auditActionKey(action)]);
      expect(en.admin.audit.actions, action).toHaveProperty([auditActionKey(action)]);
    }
  });

  it('shows an action it does not know by its code, so nothing of the log is hidden', () => {
    expect(auditActionText('partner.merge')).toBe('partner.merge');
  });
});
