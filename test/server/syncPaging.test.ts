import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { purgeTombstones, markDeleted } from '../../src/server/sync/tombstones';
import { MAX_HISTORY_PAGE, MAX_PAGE, MAX_PUSH, type ChangesResponse, type SnapshotResponse } from '../../src/sync/protocol';
import { accessToken, Device, getChanges, getSnapshot, outcomes, pullAll, snapshotAll } from './support/syncClient';
import { caseRow, noteRow } from './support/syncFixtures';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, errorShape, SIGN_IN_FREELY, startApp } from './support/testServer';

describeEachDatabase('sync pull and snapshot', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
  });
  afterAll(() => app.close());

  /** A team with one case and `notes` notes on it: versions 1 … notes + 1. */
  async function teamWithNotes(notes: number) {
    const member = await createMember(store().db);
    const d = new Device(app, await accessToken(app, member));
    const kase = caseRow(member.teamId);
    const entries = [d.entry({ type: 'case.create', row: kase }), ...Array.from({ length: notes }, () => d.entry({ type: 'note.add', row: noteRow(member.teamId, kase.id) }))];
    for (let i = 0; i < entries.length; i += MAX_PUSH) expect(new Set(outcomes(await d.push(entries.slice(i, i + MAX_PUSH))))).toEqual(new Set(['applied']));
    return { member, d, kase };
  }

  it('pages changes by version: each cursor is the last version of its page, and `more` says when to stop', async () => {
    const { member, d } = await teamWithNotes(24);
    const first = (await getChanges(app, d.token, member.teamId, 0, 10)).json() as ChangesResponse;
    expect(first).toMatchObject({ scopeId: member.teamId, cursor: 10, more: true });
    expect(first.rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const all = await pullAll(app, d.token, member.teamId, 0, 10);
    expect(all.pages).toBe(3);
    expect(all.rows.map((r) => r.version)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const empty = (await getChanges(app, d.token, member.teamId, 25)).json() as ChangesResponse;
    expect(empty).toMatchObject({ rows: [], cursor: 25, more: false });
  });

  it('returns a row changed again once, at its newest version', async () => {
    const { member, d, kase } = await teamWithNotes(2);
    await d.push([d.entry({ type: 'case.setFields', id: kase.id, fields: { phone: '0470 00 00 00' } }, { 'body.phone': 1 })]);
    const { rows } = await pullAll(app, d.token, member.teamId, 1);
    expect(rows.map((r) => [r.collection, r.version])).toEqual([['notes', 2], ['notes', 3], ['cases', 4]]);
  });

  it('sends per-field versions for rows that can change, and none for visit notes, which never do', async () => {
    const { member, d } = await teamWithNotes(1);
    const snapshot = (await snapshotAll(app, d.token, member.teamId)).flatMap((page) => page.rows);
    for (const rows of [(await pullAll(app, d.token, member.teamId, 0)).rows, snapshot]) {
      const note = rows.find((r) => r.collection === 'notes')!;
      const kase = rows.find((r) => r.collection === 'cases')!;
      expect(note.fields).toEqual({});
      expect(kase.fields['body.label']).toMatchObject({ version: 1, by: member.user.id });
    }
  });

  it('caps a page at MAX_PAGE rows whatever limit is asked', async () => {
    const { member, d } = await teamWithNotes(MAX_PAGE + 5);
    const page = (await getChanges(app, d.token, member.teamId, 0, MAX_PAGE * 10)).json() as ChangesResponse;
    expect(page.rows).toHaveLength(MAX_PAGE);
    expect(page.more).toBe(true);
  });

  it("pages a staged snapshot's history by MAX_HISTORY_PAGE notes, more than any other page, whatever limit is asked", async () => {
    const { member, d } = await teamWithNotes(MAX_HISTORY_PAGE + 5);
    const history = async (limit?: number) => {
      const query = { scope: member.teamId, part: 'history', ...(limit ? { limit: String(limit) } : {}) };
      return (await app.inject({ method: 'GET', url: '/api/sync/snapshot', headers: { authorization: `Bearer ${d.token}` }, query })).json() as SnapshotResponse;
    };
    for (const page of [await history(), await history(MAX_HISTORY_PAGE * 10)]) {
      expect(page.rows).toHaveLength(MAX_HISTORY_PAGE);
      expect(page.nextAfter).not.toBeNull();
    }
    // A whole snapshot's page stays at MAX_PAGE rows, as a pull's does (above).
    expect(((await getSnapshot(app, d.token, member.teamId, undefined, MAX_PAGE * 10)).json() as SnapshotResponse).rows).toHaveLength(MAX_PAGE);
  });

  it('pages a snapshot by id and resumes after nextAfter; its first cursor catches what changed meanwhile', async () => {
    const { member, d, kase } = await teamWithNotes(11);
    const first = (await getSnapshot(app, d.token, member.teamId, undefined, 5)).json() as SnapshotResponse;
    expect(first.cursor).toBe(12);
    expect(first.rows).toHaveLength(5);
    expect(first.nextAfter).toBe(first.rows.at(-1)!.id);
    // Someone writes while this device is between snapshot pages.
    await d.push([d.entry({ type: 'case.setFields', id: kase.id, fields: { label: 'Gewijzigd' } }, { 'body.label': 1 })]);
    const rest: SnapshotResponse[] = [];
    for (let after = first.nextAfter; after; after = rest.at(-1)!.nextAfter) {
      rest.push((await getSnapshot(app, d.token, member.teamId, after, 5)).json() as SnapshotResponse);
    }
    const ids = [first, ...rest].flatMap((p) => p.rows.map((r) => r.id));
    expect(ids).toHaveLength(12);
    expect(ids).toEqual([...ids].sort());
    expect(rest.at(-1)!.nextAfter).toBeNull();
    const since = await pullAll(app, d.token, member.teamId, first.cursor);
    expect(since.rows.map((r) => [r.id, r.row.body])).toEqual([[kase.id, expect.objectContaining({ label: 'Gewijzigd' })]]);
  });

  it('leaves tombstones out of a snapshot but sends them as changes', async () => {
    const { member, d, kase } = await teamWithNotes(3);
    const version = await markDeleted(store().db, 'cases', kase.id);
    expect(version).toBe(5);
    const pages = await snapshotAll(app, d.token, member.teamId);
    expect(pages.flatMap((p) => p.rows.map((r) => r.collection))).toEqual(['notes', 'notes', 'notes']);
    const { rows } = await pullAll(app, d.token, member.teamId, 4);
    expect(rows).toEqual([{ collection: 'cases', id: kase.id, scopeId: member.teamId, version: 5, deleted: true, row: {}, fields: {}, conflicts: [] }]);
    // A deleted row can no longer be changed: it does not exist any more.
    expect(outcomes(await d.push([d.entry({ type: 'case.transition', id: kase.id, status: 'closed' }, { status: 1 })]))).toEqual(['notFound']);
  });

  it('answers 410 to a cursor ahead of the scope, as after restoring the server from a backup', async () => {
    const { member, d } = await teamWithNotes(2);
    expect((await getChanges(app, d.token, member.teamId, 3)).statusCode).toBe(200);
    const ahead = await getChanges(app, d.token, member.teamId, 4);
    expect(ahead.statusCode).toBe(410);
    expect(ahead.json()).toEqual(errorShape('cursorExpired'));
    // Likewise for a scope that has never had a change.
    expect((await getChanges(app, d.token, member.organisationId, 1)).statusCode).toBe(410);
  });

  it('answers 410 to a cursor from before purged tombstones, and serves cursors after them', async () => {
    const { member, d, kase } = await teamWithNotes(3);
    await markDeleted(store().db, 'cases', kase.id); // version 5
    await d.push([d.entry({ type: 'note.add', row: noteRow(member.teamId, kase.id) })]);
    expect(await purgeTombstones(store().db, member.teamId, 6)).toBe(1);
    const expired = await getChanges(app, d.token, member.teamId, 3);
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toEqual(errorShape('cursorExpired'));
    expect((await getChanges(app, d.token, member.teamId, 0)).statusCode).toBe(410);
    // A device that had seen version 5 missed nothing.
    const fine = await getChanges(app, d.token, member.teamId, 5);
    expect(fine.statusCode).toBe(200);
    expect((fine.json() as ChangesResponse).rows.map((r) => r.version)).toEqual([]);
    expect((await store().db.selectFrom('records').select('id').where('id', '=', kase.id).execute())).toEqual([]);
    // A fresh snapshot is the way back: its cursor is past the horizon.
    const [snap] = await snapshotAll(app, d.token, member.teamId);
    expect((await getChanges(app, d.token, member.teamId, snap!.cursor)).statusCode).toBe(200);
  });
});
