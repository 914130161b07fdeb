import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/model/ids';
import { ADDENDUM_DAY, type NoteAddendum } from '../../src/model/noteAddendum';
import { Device, outcomes, pullAll, snapshotAll } from './support/syncClient';
import { caseRow, noteRow } from './support/syncFixtures';
import { signedInUser, twoOrganisations } from './support/syncWorld';
import { describeEachDatabase } from './support/testDatabases';
import { SIGN_IN_FREELY, startApp } from './support/testServer';

function addendumRow(scopeId: string, caseId: string, addendumOf: string, text = 'Rechtzetting (fictief).'): NoteAddendum {
  const at = new Date().toISOString();
  return { id: newId(), scopeId, caseId, date: ADDENDUM_DAY, addendumOf, createdAt: at, updatedAt: at, version: 0, body: { text, author: 'An (fictief)' } };
}

/** Aanvullingen en rechtzettingen (issue 14, point 3): a row of the notes collection with its own change type. */
describeEachDatabase('note addenda over sync', (store) => {
  let app: FastifyInstance;
  let w: Awaited<ReturnType<typeof twoOrganisations>>;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
    w = await twoOrganisations(store().db);
  });
  afterAll(() => app.close());

  it('syncs an addendum queued behind its own unsent note to a colleague of the same team', async () => {
    const a = new Device(app, (await signedInUser(store().db, app, w.orgA, [w.teamA1])).token);
    const colleague = await signedInUser(store().db, app, w.orgA, [w.teamA1]);
    const kase = caseRow(w.teamA1);
    const note = noteRow(w.teamA1, kase.id);
    const addendum = addendumRow(w.teamA1, kase.id, note.id);
    // One push: the case, the note and its addendum, as a device that was offline sends them.
    expect(outcomes(await a.push([a.entry({ type: 'case.create', row: kase }), a.entry({ type: 'note.add', row: note }), a.entry({ type: 'note.addAddendum', row: addendum })]))).toEqual(['applied', 'applied', 'applied']);
    const rows = (await pullAll(app, colleague.token, w.teamA1)).rows;
    expect(rows.find((r) => r.id === addendum.id)?.row).toMatchObject({ caseId: kase.id, date: '', addendumOf: note.id, body: { text: 'Rechtzetting (fictief).' } });
    // The note itself is as it was written.
    expect(rows.find((r) => r.id === note.id)?.row['body']).toEqual(note.body);
    const snapshot = (await snapshotAll(app, colleague.token, w.teamA1)).flatMap((page) => page.rows);
    expect(snapshot.map((r) => r.id)).toContain(addendum.id);
  });

  it('refuses an addendum under another team’s note like a note under another team’s case', async () => {
    const owner = new Device(app, (await signedInUser(store().db, app, w.orgA, [w.teamA2])).token);
    const kase = caseRow(w.teamA2);
    const note = noteRow(w.teamA2, kase.id);
    expect(outcomes(await owner.push([owner.entry({ type: 'case.create', row: kase }), owner.entry({ type: 'note.add', row: note })]))).toEqual(['applied', 'applied']);
    const outsider = new Device(app, (await signedInUser(store().db, app, w.orgA, [w.teamA1])).token);
    const results = await outsider.push([
      // In their own team's scope, pointing at the other team's case and note: it does not exist for them.
      outsider.entry({ type: 'note.addAddendum', row: addendumRow(w.teamA1, kase.id, note.id) }),
      // In the other team's scope: not theirs to write in.
      outsider.entry({ type: 'note.addAddendum', row: addendumRow(w.teamA2, kase.id, note.id) }),
    ]);
    expect(outcomes(results)).toEqual(['notFound', 'notFound']);
    const rows = (await pullAll(app, (await signedInUser(store().db, app, w.orgA, [w.teamA2])).token, w.teamA2)).rows;
    expect(rows.filter((r) => r.row['addendumOf'] !== undefined)).toEqual([]);
  });

  it('refuses an addendum that does not hang under a note of its own case', async () => {
    const a = new Device(app, (await signedInUser(store().db, app, w.orgA, [w.teamA1])).token);
    const kase = caseRow(w.teamA1);
    const other = caseRow(w.teamA1);
    const note = noteRow(w.teamA1, kase.id);
    const first = addendumRow(w.teamA1, kase.id, note.id);
    await a.push([a.entry({ type: 'case.create', row: kase }), a.entry({ type: 'case.create', row: other }), a.entry({ type: 'note.add', row: note }), a.entry({ type: 'note.addAddendum', row: first })]);
    const results = await a.push([
      a.entry({ type: 'note.addAddendum', row: addendumRow(w.teamA1, other.id, note.id) }),
      a.entry({ type: 'note.addAddendum', row: addendumRow(w.teamA1, kase.id, first.id) }),
      a.entry({ type: 'note.addAddendum', row: addendumRow(w.teamA1, kase.id, newId()) }),
      a.entry({ type: 'note.addAddendum', row: { ...addendumRow(w.teamA1, kase.id, note.id), body: { text: '  ', author: '' } } }),
    ]);
    expect(outcomes(results)).toEqual(['invalid', 'invalid', 'notFound', 'invalid']);
  });
});
