import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { colleagueNames, getMeta, setMeta } from '../../../src/db/meta';
import { applySession, removedTeams, storedUser } from '../../../src/sync/session';
import type { LoginResponse } from '../../../src/sync/responses';
import { aCase, freshDb } from '../db/freshDb';

beforeEach(freshDb);

const session = (teamIds: string[], userId = 'u1'): LoginResponse => ({
  accessToken: 'token',
  expiresIn: 600,
  user: { id: userId, displayName: 'Lotte (fictief)', role: 'worker', organisationId: 'org-a', teamIds },
  colleagues: [{ id: 'u2', displayName: 'Samir (fictief)' }],
  organisationName: 'Voorbeeldgemeente (fictief)',
  teams: teamIds.map((id) => ({ id, name: `Team ${id}` })),
});

describe('removedTeams', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], []],
    [['a', 'b'], ['a'], ['b']],
    [['a'], ['b'], ['a']],
    [[], ['a'], []],
  ])('from %j to %j forgets %j', (before, after, expected) => {
    expect(removedTeams(before, after)).toEqual(expected);
  });
});

describe('applySession: the device follows the person’s teams at every login and refresh', () => {
  it('forgets a team no longer listed and keeps the new list, names and organisation name', async () => {
    await setMeta('sessionUser', { ...session(['team-a', 'team-b']).user, teams: [] });
    await aCase('Gezin A (fictief)', 'team-a');
    await aCase('Gezin B (fictief)', 'team-b');
    await applySession(session(['team-a', 'team-c']));
    expect((await db().cases.toArray()).map((c) => c.scopeId)).toEqual(['team-a']);
    expect((await storedUser())?.teamIds).toEqual(['team-a', 'team-c']);
    expect((await storedUser())?.teams).toEqual([{ id: 'team-a', name: 'Team team-a' }, { id: 'team-c', name: 'Team team-c' }]);
    expect(await getMeta('orgName')).toBe('Voorbeeldgemeente (fictief)');
    expect((await colleagueNames()).get('u2')).toBe('Samir (fictief)');
  });

  it('touches no rows while nobody is signed in on the device yet (a sign-in still asking about local data)', async () => {
    await aCase('Gezin Demo (fictief)', 'demo-team');
    await applySession(session(['team-a']));
    expect(await db().cases.count()).toBe(1);
    expect(await storedUser()).toBeUndefined();
  });
});
