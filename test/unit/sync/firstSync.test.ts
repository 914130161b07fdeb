import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { historyProgress } from '../../../src/db/counts';
import { latestNotesOfCase, saveVisitNote } from '../../../src/db/notes';
import { countWaiting } from '../../../src/db/counts';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { forgetTeams } from '../../../src/db/teamData';
import { fetchHistory, fetchNotesAhead, ServerRestoredMidHistory } from '../../../src/sync/firstSync';
import { LATEST_NOTES_PER_CASE, MAX_HISTORY_PAGE, MAX_PUSH } from '../../../src/sync/protocol';
import { syncOnce } from '../../../src/sync/client';
import { markDeleted } from '../../../src/server/sync/tombstones';
import type { Db } from '../../../src/server/store/database';
import { accessToken, Device as ServerDevice } from '../../server/support/syncClient';
import { caseRow, followUpRow, noteRow, partnerRow } from '../../server/support/syncFixtures';
import { createMember, type Member } from '../../server/support/testServer';
import { answer, Device, localData, pass, sqliteServer } from './syncHarness';

/**
 * The staged first sync (src/sync/firstSync.ts): caseload and newest notes first, the older notes in the
 * background, resumable, and in the end exactly the copy a whole snapshot gives.
 */

let store: Db;
let app: FastifyInstance;
beforeAll(async () => {
  ({ store, app } = await sqliteServer());
});
afterAll(() => app.close());

const day = (i: number) => `2025-${String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

/** A team with `cases` open cases, one closed, `notes` notes spread over them, follow-ups and partners. */
async function team(cases: number, notes: number) {
  const member = await createMember(store);
  const seeder = new ServerDevice(app, await accessToken(app, member));
  const open = Array.from({ length: cases }, () => caseRow(member.teamId));
  const closed = { ...caseRow(member.teamId), status: 'closed' as const };
  const all = [...open, closed];
  const noteRows = Array.from({ length: notes }, (_, i) => {
    const note = noteRow(member.teamId, all[(i * 7) % all.length]!.id);
    return { ...note, date: day(i), body: { ...note.body, context: { ...note.body.context, date: day(i) } } };
  });
  const entries = [
    ...all.map((row) => seeder.entry({ type: 'case.create', row })),
    ...open.slice(0, 3).map((c) => seeder.entry({ type: 'followUp.add', row: followUpRow(member.teamId, c.id) })),
    ...Array.from({ length: 5 }, (_, i) => seeder.entry({ type: 'partner.create', row: partnerRow(member.organisationId, `Partner ${i} (fictief)`) })),
    ...noteRows.map((row) => seeder.entry({ type: 'note.add', row })),
  ];
  for (let i = 0; i < entries.length; i += MAX_PUSH) await seeder.push(entries.slice(i, i + MAX_PUSH));
  return { member, seeder, open, closed, notes: noteRows };
}

/** What a device holds of the synced collections, without its sync bookkeeping. */
async function rows() {
  const { cases, notes, followUps, partners, examples } = await localData();
  return { cases, notes, followUps, partners, examples };
}

/** The copy a whole snapshot gives (the pre-staged way, resumed from its very start), for comparison. */
async function wholeCopy(member: Member) {
  const device = await Device.signedIn(app, member, 'whole');
  await db().syncScopes.bulkPut(device.scopes.map((scopeId) => ({ scopeId, cursor: 0, snapshot: { after: '', cursor: 0 } })));
  await device.sync();
  expect(device.net.log.some((c) => c.url.includes('part='))).toBe(false);
  return rows();
}

const historyCalls = (device: Device) => device.net.log.filter((c) => c.url.includes('part=history'));

describe('a fresh device syncing a team with a long history', { timeout: 30_000 }, () => {
  it('gets every row but the notes in the round, then in the background the newest notes of open cases, then the rest', async () => {
    const { member, open, closed, notes } = await team(4, 120);
    const device = await Device.signedIn(app, member, 'fresh');
    await syncOnce(device.api, device.scopes, { history: 'later' });
    const parts = () => device.net.log.filter((c) => c.path === '/api/sync/snapshot' && c.url.includes(member.teamId)).map((c) => new URL(c.url, 'http://x').searchParams.get('part'));
    expect(parts()).toEqual(['recent']);
    const held = await localData();
    expect(held.cases).toHaveLength(5);
    expect(held.followUps).toHaveLength(3);
    expect(held.partners).toHaveLength(5);
    expect(held.notes).toEqual([]);
    expect(held.syncScopes.find((s) => s.scopeId === member.teamId)).toMatchObject({ snapshot: null, history: { after: '', done: 0, total: null } });
    expect(await historyProgress()).toEqual({ done: 0, total: null });

    // The background part: the open cases' newest notes are in before the first history page is written (the
    // first history pages are asked for meanwhile). Every write passes the gate: the team's latest notes' first
    // once they were asked for, then each page's.
    const newest = (caseId: string) => notes.filter((n) => n.caseId === caseId).sort((a, b) => b.date.localeCompare(a.date)).slice(0, LATEST_NOTES_PER_CASE).map((n) => n.id);
    let checked = false;
    let latestWrite = false;
    const gate = async <T,>(write: () => Promise<T>): Promise<T> => {
      if (!checked && parts().includes('latest') && !latestWrite) {
        latestWrite = true;
        expect(parts()).toContain('history');
      }
      else if (!checked && latestWrite) {
        checked = true;
        expect(parts().slice(0, 3).sort()).toEqual(['history', 'latest', 'recent']);
        for (const c of open) expect((await latestNotesOfCase(c.id, LATEST_NOTES_PER_CASE)).map((n) => n.id)).toEqual(newest(c.id));
        expect(await latestNotesOfCase(closed.id)).toEqual([]);
        expect((await db().notes.count()) < notes.length).toBe(true);
      }
      return write();
    };
    await fetchHistory(device.api, { latestFirst: true, gate });
    expect(checked).toBe(true);
    expect(await historyProgress()).toBeNull();
    // Afterwards the device holds exactly what a whole snapshot gives.
    const staged = await rows();
    expect(staged.notes).toHaveLength(notes.length);
    expect(staged).toEqual(await wholeCopy(member));
  });

  it("a round that ends with the history asks for a fresh team's first history pages before it copies the next scope", async () => {
    const { member, notes } = await team(3, 2 * MAX_HISTORY_PAGE + 20);
    const device = await Device.signedIn(app, member, 'fresh');
    const report = await syncOnce(device.api, device.scopes);
    const urls = device.net.log.map((c) => c.url);
    const teamHistory = urls.findIndex((u) => u.includes('part=history') && u.includes(member.teamId));
    const orgRecent = urls.findIndex((u) => u.includes('part=recent') && u.includes(member.organisationId));
    expect(teamHistory).toBeGreaterThan(-1);
    expect(teamHistory).toBeLessThan(orgRecent);
    // Each page asked for once: the pages asked for early are the ones written.
    expect(historyCalls(device).filter((c) => c.url.includes(member.teamId))).toHaveLength(3);
    expect(report.unreadable).toBe(0);
    expect(await historyProgress()).toBeNull();
    const staged = await rows();
    expect(staged.notes).toHaveLength(notes.length);
    expect(staged).toEqual(await wholeCopy(member));
  });

  it("fetches an opened case's newest notes ahead of the history", async () => {
    const { member, closed, notes } = await team(2, 60);
    const device = await Device.signedIn(app, member, 'fresh');
    await syncOnce(device.api, device.scopes, { history: 'later' });
    expect(await latestNotesOfCase(closed.id)).toEqual([]);
    expect(await fetchNotesAhead(device.api, member.teamId, closed.id)).toBe(true);
    const newest = notes.filter((n) => n.caseId === closed.id).sort((a, b) => b.date.localeCompare(a.date)).slice(0, LATEST_NOTES_PER_CASE);
    expect((await latestNotesOfCase(closed.id, 50)).map((n) => n.id)).toEqual(newest.map((n) => n.id));
    // Remembered as fetched ahead: its history page does not write them again (a marker on one stays).
    await db().notes.update(newest[0]!.id, { marker: 'written once' } as object);
    await fetchHistory(device.api);
    expect(await db().notes.get(newest[0]!.id)).toMatchObject({ marker: 'written once' });
    expect((await rows()).notes).toHaveLength(notes.length);
    // Once the copy is complete there is nothing to fetch ahead.
    expect(await fetchNotesAhead(device.api, member.teamId, closed.id)).toBe(false);
  });

  it('resumes the history after a lost connection where it stopped: no page fetched twice, none missed', async () => {
    const { member, notes } = await team(3, MAX_HISTORY_PAGE * 2 + 50);
    const device = await Device.signedIn(app, member, 'fresh');
    await syncOnce(device.api, device.scopes, { history: 'later' });
    let calls = 0;
    device.net.intercept = async (call, deliver) => {
      if (call.url.includes('part=history') && call.url.includes(member.teamId) && ++calls === 2) throw new TypeError('Failed to fetch');
      return pass(deliver);
    };
    await expect(fetchHistory(device.api)).rejects.toMatchObject({ code: 'offline' });
    const stopped = (await localData()).syncScopes.find((s) => s.scopeId === member.teamId)!.history!;
    expect(stopped).toMatchObject({ done: MAX_HISTORY_PAGE, total: notes.length });
    expect(await historyProgress()).toMatchObject({ done: MAX_HISTORY_PAGE });
    device.net.intercept = null;

    // A reload: a new run of the loop starts from what the database kept.
    await fetchHistory(device.api);
    const afters = historyCalls(device).filter((c) => c.url.includes(member.teamId)).map((c) => [new URL(c.url, 'http://x').searchParams.get('after'), c.status]);
    expect(afters[0]).toEqual([null, 200]);
    expect(afters.filter(([after]) => after === stopped.after)).toEqual([[stopped.after, 'lost'], [stopped.after, 200]]);
    expect(new Set(afters.filter(([, s]) => s === 200).map(([a]) => a)).size).toBe(afters.filter(([, s]) => s === 200).length);
    expect((await rows()).notes).toHaveLength(notes.length);
    expect(await rows()).toEqual(await wholeCopy(member));
  });

  it('loses nothing changed during the background fetch, and an older page never undoes a newer change', async () => {
    const { member, seeder, open, notes } = await team(3, MAX_HISTORY_PAGE + 200);
    const device = await Device.signedIn(app, member, 'fresh');
    await syncOnce(device.api, device.scopes, { history: 'later' });
    const newestIds = [...notes].map((n) => n.id).sort().reverse();
    let added = 0;
    // Once the team's first page has been read, a colleague adds notes, renames a case, and a note in that page
    // is deleted; this device pulls all of it before writing the page, which must not bring the note back.
    device.net.intercept = async (call, deliver) => {
      if (!call.url.includes('part=history') || !call.url.includes(member.teamId)) return pass(deliver);
      const res = await deliver();
      device.net.intercept = null;
      const extra = Array.from({ length: 3 }, () => noteRow(member.teamId, open[0]!.id));
      added = extra.length;
      await seeder.push([...extra.map((row) => seeder.entry({ type: 'note.add', row })), seeder.entry({ type: 'case.setFields', id: open[1]!.id, fields: { label: 'Hernoemd (fictief)' } }, { 'body.label': 1_000_000 })]);
      await markDeleted(store, 'notes', newestIds[5]!);
      await syncOnce(device.api, device.scopes, { history: 'later' });
      return answer(res.status, res.body);
    };
    await fetchHistory(device.api);
    const held = await rows();
    expect(held.notes).toHaveLength(notes.length + added - 1);
    expect(held.notes.some((n) => n.id === newestIds[5])).toBe(false);
    expect(held.cases.find((c) => c.id === open[1]!.id)?.body.label).toBe('Hernoemd (fictief)');
    // The stale first page was fetched again.
    expect(historyCalls(device).filter((c) => c.url.includes(member.teamId) && !c.url.includes('after=')).length).toBe(2);
    expect(held).toEqual(await wholeCopy(member));
  });

  it('writes nothing of a team taken away mid-way, and stops at a 404', async () => {
    const { member } = await team(2, MAX_HISTORY_PAGE + 10);
    const device = await Device.signedIn(app, member, 'fresh');
    await syncOnce(device.api, device.scopes, { history: 'later' });
    // The session drops the team (forgetTeams) while a page is on its way: that page must not land.
    await fetchHistory(device.api, { latestFirst: true, gate: async (write) => (await forgetTeams([member.teamId]), write()) });
    expect(await db().notes.count()).toBe(0);
    expect(historyCalls(device).length + device.net.log.filter((c) => c.url.includes('part=latest')).length).toBeGreaterThan(0);
    expect((await localData()).syncScopes.find((s) => s.scopeId === member.teamId)).toBeUndefined();

    // A 404 for the team's history (the server took it away): reported, nothing written, the state kept for the round.
    const again = await Device.signedIn(app, member, 'fresh');
    await syncOnce(again.api, again.scopes, { history: 'later' });
    again.net.intercept = async (call, deliver) => (call.url.includes('part=history') && call.url.includes(member.teamId) ? answer(404, JSON.stringify({ error: { code: 'notFound', message: 'Unknown scope.' } })) : pass(deliver));
    const notesBefore = await db().notes.count();
    expect(await fetchHistory(again.api)).toEqual([member.teamId]);
    expect(await db().notes.count()).toBe(notesBefore);
  });

  it('writes no page from a server restored from a backup, and stops', async () => {
    const { member } = await team(2, 40);
    const device = await Device.signedIn(app, member, 'fresh');
    await syncOnce(device.api, device.scopes, { history: 'later' });
    const notesBefore = await db().notes.count();
    device.net.intercept = async (call, deliver) => {
      const res = await deliver();
      if (!call.url.includes('part=history')) return answer(res.status, res.body);
      return answer(res.status, JSON.stringify({ ...JSON.parse(res.body), serverEpoch: 'restored-elsewhere' }));
    };
    await expect(fetchHistory(device.api)).rejects.toBeInstanceOf(ServerRestoredMidHistory);
    expect(await db().notes.count()).toBe(notesBefore);
    expect((await localData()).syncScopes.find((s) => s.scopeId === member.teamId)?.history).toMatchObject({ after: '', done: 0 });
  });

  it('lets a push run between two history pages: the sync lock is held for one page write at a time', async () => {
    const { member, open, notes } = await team(2, MAX_HISTORY_PAGE * 2 + 100);
    const device = await Device.signedIn(app, member, 'fresh');
    await syncOnce(device.api, device.scopes, { history: 'later' });
    // The Web Lock as a FIFO queue: the history's page writes and a sync round take turns in it.
    let tail: Promise<unknown> = Promise.resolve();
    const locked = <T,>(work: () => Promise<T>): Promise<T> => {
      const run = tail.then(work);
      tail = run.catch(() => {});
      return run;
    };
    let pushed: Promise<unknown> | null = null;
    let historyLeftAtPush: unknown = 'not pushed';
    device.net.intercept = async (call, deliver) => {
      // While the second history page is on its way, the person saves a visit note and a round starts.
      if (!pushed && call.url.includes('part=history') && call.url.includes('after=')) {
        await saveVisitNote({ caseId: open[0]!.id, body: emptyVisitNote('2025-06-01'), followUps: [] });
        pushed = locked(async () => {
          await syncOnce(device.api, device.scopes, { history: 'later' });
          historyLeftAtPush = (await localData()).syncScopes.find((x) => x.scopeId === member.teamId)?.history;
        });
      }
      return pass(deliver);
    };
    await fetchHistory(device.api, { gate: locked });
    await pushed;
    expect(await countWaiting()).toBe(0);
    // The push went through while most of the history was still to come.
    expect(historyLeftAtPush).toMatchObject({ total: notes.length });
    expect((historyLeftAtPush as { done: number }).done).toBeLessThan(notes.length);
    expect((await rows()).notes).toHaveLength(notes.length + 1);
  });

  it('a round without `history: later` ends with the copy complete, as before', async () => {
    const { member, notes } = await team(3, 90);
    const device = await Device.signedIn(app, member, 'fresh');
    const report = await device.sync();
    expect((await rows()).notes).toHaveLength(notes.length);
    expect(report.pulled).toBeGreaterThanOrEqual(notes.length);
    expect(await historyProgress()).toBeNull();
  });
});
