import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { getDraft, saveDraft, visitDraftId } from '../../../src/db/drafts';
import { importSnapshot, parseSnapshot } from '../../../src/db/importSnapshot';
import { adoptLocalRows, isEmpty, summarizeLocalData } from '../../../src/db/localData';
import { setMeta } from '../../../src/db/meta';
import { saveVisitNote } from '../../../src/db/notes';
import { listOutbox } from '../../../src/db/outbox';
import { createPartner } from '../../../src/db/partners';
import { wireSeqBase } from '../../../src/db/clientNumbering';
import { listNeedsAttention } from '../../../src/db/outbox';
import { forgetTeams } from '../../../src/db/teamData';
import { TEAM_REMOVED } from '../../../src/model/refusals';
import { currentWorkspace, defaultTeamId, LOCAL_ORG_ID, LOCAL_TEAM_ID, rememberTeam } from '../../../src/db/workspace';
import { emptyPartnerBody } from '../../../src/model/partner';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { demoSnapshot } from '../../../src/server/demo/demoSnapshot';
import { aCase, freshDb } from './freshDb';
import { allRows } from './opened';
import { forgetKey } from '../../../src/db/keyring';

beforeEach(freshDb);

const signedIn = (teamIds: string[], teams = teamIds.map((id) => ({ id, name: `Team ${id}` }))) =>
  setMeta('sessionUser', { id: 'u1', displayName: 'Lotte (fictief)', role: 'worker', organisationId: 'org-a', teamIds, teams });

describe('the workspace: where new rows go', () => {
  it('is the local space before anyone signs in', async () => {
    expect(await currentWorkspace()).toEqual({ signedIn: false, organisationId: LOCAL_ORG_ID, teams: [{ id: LOCAL_TEAM_ID, name: '' }], managesNetworkInstruments: true });
  });

  it('is the session’s organisation and teams, by name, once signed in', async () => {
    await signedIn(['team-a', 'team-b']);
    expect(await currentWorkspace()).toEqual({
      signedIn: true,
      organisationId: 'org-a',
      teams: [
        { id: 'team-a', name: 'Team team-a' },
        { id: 'team-b', name: 'Team team-b' },
      ],
      managesNetworkInstruments: false,
    });
  });

  it('lets coordinators and admins start and close network instruments, not workers', async () => {
    for (const [role, manages] of [['worker', false], ['coordinator', true], ['admin', true]] as const) {
      await setMeta('sessionUser', { id: 'u1', role, organisationId: 'org-a', teamIds: ['team-a'] });
      expect((await currentWorkspace()).managesNetworkInstruments, role).toBe(manages);
    }
  });

  it('defaults a new case to the team used last, while it is still the person’s', async () => {
    await signedIn(['team-a', 'team-b']);
    expect(await defaultTeamId(await currentWorkspace())).toBe('team-a');
    await rememberTeam('team-b');
    expect(await defaultTeamId(await currentWorkspace())).toBe('team-b');
    await signedIn(['team-a']);
    expect(await defaultTeamId(await currentWorkspace())).toBe('team-a');
    await signedIn([]);
    expect(await defaultTeamId(await currentWorkspace())).toBeUndefined();
  });
});

describe('data from before sign-in', () => {
  it('counts the demo data set and local work, and an empty device as empty', async () => {
    expect(isEmpty(await summarizeLocalData())).toBe(true);
    await importSnapshot(parseSnapshot(JSON.parse(JSON.stringify(demoSnapshot(new Date())))));
    const summary = await summarizeLocalData();
    expect(summary.cases).toBe(3);
    expect(isEmpty(summary)).toBe(false);
  });

  it('adopts local rows as the person’s own: new ids in their team and organisation, one create each, references kept', async () => {
    // Before anyone signed in there is no key (the sealed pass sets one up for every test).
    forgetKey();
    await importSnapshot(parseSnapshot(JSON.parse(JSON.stringify(demoSnapshot(new Date())))));
    const local = await aCase('Gezin Lokaal (fictief)', LOCAL_TEAM_ID);
    const note = await saveVisitNote({ caseId: local.id, body: emptyVisitNote('2026-11-27'), followUps: [{ dueDate: '2026-12-01', body: { title: 'Bellen', who: 'ik', kind: 'task' } }] });
    await saveDraft(local.id, emptyVisitNote('2026-11-28'));
    await createPartner(LOCAL_ORG_ID, { themes: [], body: { ...emptyPartnerBody(), name: 'Partner (fictief)' } });

    await adoptLocalRows({ teamId: 'team-a', organisationId: 'org-a' });

    const cases = await allRows('cases');
    expect(cases).toHaveLength(4);
    expect(cases.every((c) => c.scopeId === 'team-a' && c.version === 0 && c.fields === undefined)).toBe(true);
    expect(cases.map((c) => c.id)).not.toContain(local.id);
    const adopted = cases.find((c) => c.body.label === 'Gezin Lokaal (fictief)')!;
    const notes = await allRows('notes');
    expect(notes.find((n) => n.id !== note.id && n.caseId === adopted.id)).toBeDefined();
    const followUps = (await allRows('followUps')).filter((f) => f.caseId === adopted.id);
    expect(followUps.map((f) => [f.scopeId, notes.some((n) => n.id === f.noteId)])).toEqual([['team-a', true]]);
    expect((await db().partners.toArray()).every((p) => p.scopeId === 'org-a')).toBe(true);
    expect(await getDraft(visitDraftId(adopted.id))).toBeDefined();
    expect(await getDraft(visitDraftId(local.id))).toBeUndefined();

    const queued = await listOutbox();
    const rows = await Promise.all([db().cases.count(), db().notes.count(), db().followUps.count(), db().partners.count(), db().examples.count(), db().instrumentRuns.count()]);
    expect(queued).toHaveLength(rows.reduce((a, b) => a + b, 0));
    expect(queued.every((e) => e.mutation.type.endsWith('.create') || e.mutation.type.endsWith('.add') || e.mutation.type.endsWith('.start'))).toBe(true);
    expect(queued.findIndex((e) => e.mutation.type === 'case.create')).toBeLessThan(queued.findIndex((e) => e.mutation.type === 'note.add'));
    // The server never saw this device: its numbering starts at 1 with the first create, whatever came before.
    expect(queued[0]!.seq! - (await wireSeqBase(queued[0]!.seq!))).toBe(1);
  });
});

describe('a team taken away', () => {
  it('leaves the device with its rows, drafts and cursor; its waiting changes stay as “needs attention”, other teams untouched', async () => {
    const gone = await aCase('Gezin Weg (fictief)', 'team-b');
    const kept = await aCase('Gezin Blijft (fictief)', 'team-a');
    await saveVisitNote({ caseId: gone.id, body: emptyVisitNote('2026-11-27'), followUps: [] });
    await saveDraft(gone.id, emptyVisitNote('2026-11-28'));
    await db().syncScopes.bulkPut([{ scopeId: 'team-a', cursor: 5, snapshot: null }, { scopeId: 'team-b', cursor: 7, snapshot: null }]);

    expect(await forgetTeams(['team-b'])).toBe(2);

    expect((await db().cases.toArray()).map((c) => c.id)).toEqual([kept.id]);
    expect(await db().notes.count()).toBe(0);
    expect(await getDraft(visitDraftId(gone.id))).toBeUndefined();
    expect((await db().syncScopes.toArray()).map((s) => s.scopeId)).toEqual(['team-a']);
    const attention = await listNeedsAttention();
    expect(attention.map((e) => [e.mutation.type, e.error])).toEqual([
      ['case.create', TEAM_REMOVED],
      ['note.add', TEAM_REMOVED],
    ]);
    expect((await listOutbox()).filter((e) => e.status === 'pending').map((e) => e.mutation.type)).toEqual(['case.create']);
  });

  it('does nothing for no teams', async () => {
    await aCase('Gezin Blijft (fictief)', 'team-a');
    expect(await forgetTeams([])).toBe(0);
    expect(await db().cases.count()).toBe(1);
  });
});
