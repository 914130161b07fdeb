import { describe, expect, it } from 'vitest';
import { caseAuthor, followUpOwner, matchesFilter } from '../../../src/model/caseOwner';

const stamped = (by: string, scopeId = 'team-a') => ({ scopeId, fields: { 'body.label': { version: 1, by, at: '2026-12-01T09:00:00.000Z' } } });
const unsynced = (scopeId = 'team-a') => ({ scopeId, fields: undefined });

describe('whose case it is, and a coordinator’s filter', () => {
  it.each([
    ['a synced case: who created it', stamped('u-lotte'), 'u-me', 'u-lotte'],
    ['a case not yet synced: the device’s own person', unsynced(), 'u-me', 'u-me'],
  ])('%s', (_name, caseFile, me, expected) => {
    expect(caseAuthor(caseFile, me)).toBe(expected);
  });

  it.each([
    ['no filter shows everything', stamped('u-lotte'), { teamId: '', authorId: '' }, true],
    ['the same team', stamped('u-lotte', 'team-a'), { teamId: 'team-a', authorId: '' }, true],
    ['another team', stamped('u-lotte', 'team-b'), { teamId: 'team-a', authorId: '' }, false],
    ['the chosen worker', stamped('u-lotte'), { teamId: '', authorId: 'u-lotte' }, true],
    ['another worker', stamped('u-samir'), { teamId: '', authorId: 'u-lotte' }, false],
    ['my own unsynced case under my name', unsynced(), { teamId: 'team-a', authorId: 'u-me' }, true],
  ])('%s', (_name, caseFile, filter, expected) => {
    expect(matchesFilter(caseFile, filter, 'u-me')).toBe(expected);
  });
});

describe('whose a follow-up is, for a filter per person: the worker whose case it is', () => {
  it.each([
    ['on a synced case: its worker', stamped('u-lotte'), 'u-lotte'],
    ['on my case not yet synced: mine', unsynced(), 'u-me'],
    ['its case not on this device: nobody named', null, ''],
  ])('%s', (_name, caseFile, expected) => {
    expect(followUpOwner(caseFile, 'u-me')).toBe(expected);
  });
});
