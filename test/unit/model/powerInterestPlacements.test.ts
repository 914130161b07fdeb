import { describe, expect, it } from 'vitest';
import { AnswersSchema, type Answers, type GridPlacement, type OutsiderPlacement } from '../../../src/model/instrumentRun';
import { attitudeOf, gridEntries, placementDraftProblems, placementOfDraft, withAttitudeSet, type PlacementDraft } from '../../../src/model/powerInterest';
import { check } from '../../../src/model/validation';

const draft = (patch: Partial<PlacementDraft>): PlacementDraft => ({ source: 'outsider', partnerId: '', name: '', who: '', power: 'high', interest: 'low', attitude: 'unknown', ...patch });
const partner: GridPlacement = { kind: 'placement', power: 'high', interest: 'high', note: '' };
const outsider: OutsiderPlacement = { kind: 'placement', power: 'low', interest: 'high', note: '', who: 'resident', name: 'Bewoners Rabotwijk', attitude: 'supports' };

describe('the add-placement form refuses what cannot be placed, field by field', () => {
  it.each<[string, Partial<PlacementDraft>, Array<[string, string]>]>([
    ['a partner chosen from the directory', { source: 'directory', partnerId: 'partner-1' }, []],
    ['the directory without a partner chosen', { source: 'directory' }, [['partner', 'required']]],
    ['a resident with a name', { name: 'Bewoners Rabotwijk', who: 'resident' }, []],
    ['a politician with an attitude', { name: 'Schepen van sociale zaken', who: 'politician', attitude: 'critical' }, []],
    ['someone else without a name or kind', {}, [['name', 'required'], ['who', 'required']]],
    ['only spaces for a name', { name: '   ', who: 'client' }, [['name', 'required']]],
    ['a name but no kind', { name: 'Cliëntenraad' }, [['who', 'required']]],
    ['a name of 121 characters', { name: 'x'.repeat(121), who: 'other' }, [['name', 'tooLong']]],
    ['a directory draft with a typed name left over', { source: 'directory', name: 'x', partnerId: 'p' }, []],
  ])('%s', (_what, patch, expected) => {
    expect(placementDraftProblems(draft(patch)).map((p) => [p.path, p.code])).toEqual(expected);
  });
});

describe('a draft becomes one answer', () => {
  it.each<[string, Partial<PlacementDraft>, string, Record<string, unknown>]>([
    ['a partner, attitude unknown: no attitude stored', { source: 'directory', partnerId: 'p1' }, 'p:p1', { kind: 'placement', power: 'high', interest: 'low', note: '' }],
    ['a partner that supports', { source: 'directory', partnerId: 'p1', attitude: 'supports' }, 'p:p1', { kind: 'placement', power: 'high', interest: 'low', note: '', attitude: 'supports' }],
    [
      'a resident, name trimmed, under a new o: key',
      { name: '  Bewoners  ', who: 'resident', attitude: 'neutral' },
      'o:new-id',
      { kind: 'placement', power: 'high', interest: 'low', note: '', attitude: 'neutral', who: 'resident', name: 'Bewoners' },
    ],
  ])('%s', (_what, patch, key, value) => {
    const made = placementOfDraft(draft(patch), () => 'new-id');
    expect(made).toEqual({ key, value });
    expect(check(AnswersSchema, { [made.key]: made.value }).ok).toBe(true);
  });
});

describe('stored answers of a grid', () => {
  it.each<[string, Answers, boolean]>([
    ['a placement stored before attitudes existed', { 'p:a': partner }, true],
    ['a partner with an attitude', { 'p:a': { ...partner, attitude: 'critical' } }, true],
    ['someone outside the directory', { 'o:1': outsider }, true],
    ['a removed outsider', { 'o:1': null }, true],
    ['an unknown attitude word', { 'p:a': { ...partner, attitude: 'hostile' } as never }, false],
    ['an outsider without a kind', { 'o:1': { ...outsider, who: undefined } as never }, false],
    ['an outsider of an unknown kind', { 'o:1': { ...outsider, who: 'journalist' } as never }, false],
    ['an outsider with an empty name', { 'o:1': { ...outsider, name: ' ' } }, false],
    ['an outsider stored under a partner key', { 'p:a': outsider }, false],
    ['a partner placement stored under an outsider key', { 'o:1': partner }, false],
    ['text under an outsider key', { 'o:1': 'Bewoners' }, false],
    ['a partner placement with a name but no kind', { 'p:a': { ...partner, name: 'x' } as never }, false],
  ])('%s: valid %s', (_what, answers, valid) => {
    expect(check(AnswersSchema, answers).ok).toBe(valid);
  });

  it('lists partners and outsiders together by name, removed ones left out, with their kind', () => {
    const answers: Answers = { title: 'Matrix', 'p:b': partner, 'o:1': outsider, 'o:2': null, 'p:z': null, 'o:3': { ...outsider, name: 'Alderman', who: 'politician' } };
    const names: Record<string, string> = { b: 'CAW' };
    expect(gridEntries(answers, (id) => names[id] ?? '?', 'nl').map((e) => [e.key, e.name, e.who])).toEqual([
      ['o:3', 'Alderman', 'politician'],
      ['o:1', 'Bewoners Rabotwijk', 'resident'],
      ['p:b', 'CAW', undefined],
    ]);
  });

  it.each<[string, GridPlacement, string]>([
    ['no attitude (stored before) reads as unknown', partner, 'unknown'],
    ['a stored attitude reads as itself', { ...partner, attitude: 'neutral' }, 'neutral'],
  ])('%s', (_what, placement, expected) => {
    expect(attitudeOf(placement)).toBe(expected);
  });

  it('setting the attitude to unknown removes it, so it reads like an old placement', () => {
    expect(withAttitudeSet({ ...partner, attitude: 'supports' }, 'unknown')).toEqual(partner);
    expect(withAttitudeSet(outsider, 'critical')).toEqual({ ...outsider, attitude: 'critical' });
  });
});
