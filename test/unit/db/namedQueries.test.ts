import { beforeEach, describe, expect, it } from 'vitest';
import { createCase, getCase, listCaseload, listClosedCases, markCaseOpened, setCaseStatus, updateCase } from '../../../src/db/cases';
import { connect, db, eraseDevice } from '../../../src/db/connection';
import { deleteDraft, getDraft, listDrafts, saveDraft, visitDraftId } from '../../../src/db/drafts';
import { createExample, getExample, updateExample } from '../../../src/db/examples';
import { watch } from '../../../src/db/live';
import { getMeta, setMeta } from '../../../src/db/meta';
import { getNote, saveVisitNote } from '../../../src/db/notes';
import { listOutbox } from '../../../src/db/outbox';
import { countWaiting } from '../../../src/db/counts';
import { createPartner } from '../../../src/db/partners';
import { acknowledge } from '../../../src/db/syncStore';
import { AppError, isAppError } from '../../../src/model/appError';
import { emptyCaseBody } from '../../../src/model/caseFile';
import { emptyExampleBody } from '../../../src/model/example';
import { emptyPartnerBody } from '../../../src/model/partner';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { aCase, freshDb } from './freshDb';

beforeEach(freshDb);

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 10, day, hour));
const followUp = (title: string) => ({ dueDate: '2026-12-01', body: { title, who: 'ik', kind: 'task' as const } });

/** Polls until the condition holds: liveQuery answers asynchronously, after the write's transaction commits. */
async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('listClosedCases', () => {
  it('lists only closed cases, of every scope, most recently changed first', async () => {
    const a = await aCase('Gezin Aerts (fictief)');
    const open = await aCase('Gezin Open (fictief)');
    const b = await aCase('Mevrouw Bosmans (fictief)', 'team-b');
    const c = await aCase('Meneer Claes (fictief)');
    expect(await listClosedCases()).toEqual([]);

    await setCaseStatus(b.id, 'closed', at(4));
    await setCaseStatus(a.id, 'closed', at(6));
    await setCaseStatus(c.id, 'closed', at(5));
    const closed = await listClosedCases();
    expect(closed.map((x) => x.id)).toEqual([a.id, c.id, b.id]);
    expect(closed.map((x) => x.scopeId)).toEqual(['team-a', 'team-a', 'team-b']);
    expect(closed.map((x) => x.id)).not.toContain(open.id);
  });

  it('drops a case that is opened again', async () => {
    const a = await aCase('Gezin Aerts (fictief)');
    const b = await aCase('Mevrouw Bosmans (fictief)');
    await setCaseStatus(a.id, 'closed', at(4));
    await setCaseStatus(b.id, 'closed', at(5));
    await setCaseStatus(b.id, 'open', at(6));
    expect((await listClosedCases()).map((x) => x.id)).toEqual([a.id]);
  });
});

describe('getCase', () => {
  it('returns the stored case as created, then as edited, whatever its status', async () => {
    const c = await createCase('team-a', { ...emptyCaseBody(), label: 'Gezin Peeters (fictief)' }, at(1));
    expect(await getCase(c.id)).toEqual(c);

    const edited = { ...c.body, phone: '0470 00 00 00' };
    await updateCase(c.id, edited, at(2));
    expect(await getCase(c.id)).toEqual({ ...c, body: edited, updatedAt: at(2).toISOString() });

    await setCaseStatus(c.id, 'closed', at(3));
    expect(await getCase(c.id)).toMatchObject({ id: c.id, status: 'closed', updatedAt: at(3).toISOString() });
  });

  it('returns undefined for an id that is not on the device', async () => {
    await aCase('Gezin Peeters (fictief)');
    expect(await getCase('geen-dossier')).toBeUndefined();
  });
});

describe('getNote', () => {
  it('returns the saved note by its id, not another note', async () => {
    const c = await aCase('Gezin Janssens (fictief)');
    const first = await saveVisitNote({ caseId: c.id, body: emptyVisitNote('2026-11-20'), followUps: [] }, at(20));
    const body = emptyVisitNote('2026-11-27');
    body.observaties.facts = 'Fictieve observatie';
    const second = await saveVisitNote({ caseId: c.id, body, followUps: [] }, at(27));
    expect(await getNote(second.id)).toEqual(second);
    expect(await getNote(first.id)).toEqual(first);
    expect((await getNote(second.id))?.body.observaties.facts).toBe('Fictieve observatie');
  });

  it('returns undefined for an id that is not on the device', async () => {
    const c = await aCase('Gezin Janssens (fictief)');
    await saveVisitNote({ caseId: c.id, body: emptyVisitNote('2026-11-20'), followUps: [] });
    expect(await getNote('geen-verslag')).toBeUndefined();
  });
});

describe('getExample', () => {
  it('returns the stored example as created, then as edited', async () => {
    const ex = await createExample('org', { themes: ['wonen'], body: { ...emptyExampleBody(), title: 'Buurtproject (fictief)' } }, at(1));
    expect(await getExample(ex.id)).toEqual(ex);

    await updateExample(ex.id, { themes: ['wonen', 'jeugd'], body: { ...ex.body, lessons: 'Klein beginnen (fictief)' } }, at(2));
    expect(await getExample(ex.id)).toEqual({
      ...ex,
      themes: ['wonen', 'jeugd'],
      body: { ...ex.body, lessons: 'Klein beginnen (fictief)' },
      updatedAt: at(2).toISOString(),
    });
  });

  it('returns undefined for an id that is not on the device', async () => {
    await createExample('org', { themes: [], body: { ...emptyExampleBody(), title: 'Buurtproject (fictief)' } });
    expect(await getExample('geen-voorbeeld')).toBeUndefined();
  });
});

describe('listDrafts and deleteDraft', () => {
  it('lists one draft per case, most recently saved first', async () => {
    const a = await aCase('Gezin Aerts (fictief)');
    const b = await aCase('Gezin Bosmans (fictief)');
    const c = await aCase('Gezin Claes (fictief)');
    expect(await listDrafts()).toEqual([]);

    await saveDraft(a.id, emptyVisitNote('2026-11-27'), at(27, 9));
    await saveDraft(b.id, emptyVisitNote('2026-11-27'), at(27, 11));
    await saveDraft(c.id, emptyVisitNote('2026-11-27'), at(27, 10));
    expect((await listDrafts()).map((d) => d.id)).toEqual([visitDraftId(b.id), visitDraftId(c.id), visitDraftId(a.id)]);

    const body = emptyVisitNote('2026-11-27');
    body.observaties.facts = 'Later aangevuld (fictief)';
    await saveDraft(a.id, body, at(27, 12));
    const drafts = await listDrafts();
    expect(drafts.map((d) => [d.id, d.caseId])).toEqual([
      [visitDraftId(a.id), a.id],
      [visitDraftId(b.id), b.id],
      [visitDraftId(c.id), c.id],
    ]);
    expect(drafts[0]?.body.observaties.facts).toBe('Later aangevuld (fictief)');
    expect(drafts[0]?.updatedAt).toBe(at(27, 12).toISOString());
  });

  it('deleteDraft removes only that draft, queues nothing, and ignores an id that is not there', async () => {
    const a = await aCase('Gezin Aerts (fictief)');
    const b = await aCase('Gezin Bosmans (fictief)');
    await saveDraft(a.id, emptyVisitNote('2026-11-27'), at(27, 9));
    await saveDraft(b.id, emptyVisitNote('2026-11-27'), at(27, 10));
    const waiting = await countWaiting();

    await deleteDraft(visitDraftId(b.id));
    expect(await getDraft(visitDraftId(b.id))).toBeUndefined();
    expect((await listDrafts()).map((d) => d.id)).toEqual([visitDraftId(a.id)]);
    expect(await countWaiting()).toBe(waiting);

    await expect(deleteDraft(visitDraftId('geen-dossier'))).resolves.toBeUndefined();
    expect((await listDrafts()).map((d) => d.id)).toEqual([visitDraftId(a.id)]);
  });
});

describe('countWaiting', () => {
  it('counts every change on its way, ignores device-local writes and refused changes, and drops as the server acknowledges', async () => {
    expect(await countWaiting()).toBe(0);

    const c = await aCase('Gezin Wouters (fictief)');
    expect(await countWaiting()).toBe(1);

    // Drafts, "recently opened" and device settings stay on the device: nothing to send.
    await saveDraft(c.id, emptyVisitNote('2026-11-27'));
    await markCaseOpened(c.id);
    await setMeta('clientId', 'client-fictief');
    expect(await countWaiting()).toBe(1);

    await saveVisitNote({ caseId: c.id, body: emptyVisitNote('2026-11-27'), followUps: [followUp('Bellen'), followUp('Attest')] });
    expect(await countWaiting()).toBe(4);

    const [create, note, first, second] = (await listOutbox()).map((e) => e.mutationId);
    await acknowledge([
      { mutationId: create!, outcome: 'applied' },
      { mutationId: note!, outcome: 'conflict' },
      { mutationId: first!, outcome: 'deferred' },
      { mutationId: second!, outcome: 'rejected', error: 'invalid' },
    ]);
    // Deferred is sent again and counts; refused waits for the person, under "needs attention", not here.
    expect(await countWaiting()).toBe(1);

    await acknowledge([{ mutationId: first!, outcome: 'applied' }]);
    expect(await countWaiting()).toBe(0);
    expect((await listOutbox()).map((e) => [e.mutationId, e.status])).toEqual([[second, 'needsAttention']]);
  });
});

describe('getMeta and setMeta', () => {
  it('answers undefined for a key never set', async () => {
    expect(await getMeta('clientId')).toBeUndefined();
  });

  it('stores a value per key, reads it back as stored, and replaces it on the next set', async () => {
    await setMeta('clientId', 'client-fictief');
    await setMeta('colleagues', [{ id: 'u1', displayName: 'Jan Proef (fictief)' }]);
    expect(await getMeta<string>('clientId')).toBe('client-fictief');
    expect(await getMeta('colleagues')).toEqual([{ id: 'u1', displayName: 'Jan Proef (fictief)' }]);

    await setMeta('clientId', 'client-ander');
    expect(await getMeta<string>('clientId')).toBe('client-ander');
    expect(await getMeta('colleagues')).toEqual([{ id: 'u1', displayName: 'Jan Proef (fictief)' }]);
    expect(await db().meta.count()).toBe(2);
  });
});

describe('watch', () => {
  it('gives the current value, runs the query again after a write, and stops after unsubscribe', async () => {
    const a = await aCase('Gezin Aerts (fictief)');
    const b = await aCase('Gezin Bosmans (fictief)');
    const seen: string[][] = [];
    const errors: AppError[] = [];
    const stop = watch(
      listDrafts,
      (drafts) => seen.push(drafts.map((d) => d.caseId)),
      (e) => errors.push(e),
    );

    await until(() => seen.length >= 1);
    expect(seen).toEqual([[]]);

    await saveDraft(a.id, emptyVisitNote('2026-11-27'), at(27, 9));
    await until(() => seen.at(-1)?.length === 1);
    expect(seen.at(-1)).toEqual([a.id]);

    stop();
    const count = seen.length;
    await saveDraft(b.id, emptyVisitNote('2026-11-27'), at(27, 10));
    // A second watcher sees the write, so the first one would have had time to see it too.
    const other: string[][] = [];
    const stopOther = watch(listDrafts, (drafts) => other.push(drafts.map((d) => d.caseId)), (e) => errors.push(e));
    await until(() => other.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    stopOther();
    expect(other[0]).toEqual([b.id, a.id]);
    expect(seen).toHaveLength(count);
    expect(seen.at(-1)).toEqual([a.id]);
    expect(errors).toEqual([]);
  });

  it('hands a failing query to onError as an AppError', async () => {
    const codes: string[] = [];
    const values: unknown[] = [];
    const stopUnknown = watch(
      () => Promise.reject(new Error('kapot (fictief)')),
      (v) => values.push(v),
      (e) => codes.push(isAppError(e) ? e.code : 'not an AppError'),
    );
    const stopKnown = watch(
      () => Promise.reject(new AppError('notFound')),
      (v) => values.push(v),
      (e) => codes.push(isAppError(e) ? e.code : 'not an AppError'),
    );
    await until(() => codes.length >= 2);
    stopUnknown();
    stopKnown();
    expect(codes.sort()).toEqual(['notFound', 'unknown']);
    expect(values).toEqual([]);
  });
});

describe('eraseDevice', () => {
  it('removes every row of this database and leaves an empty, usable database of the same name', async () => {
    // Another user's database on the same device must stay as it is.
    const otherName = db().name;
    const other = await aCase('Gezin Ander (fictief)');
    freshDb();
    const name = db().name;

    await setMeta('sessionUser', { organisationId: 'org-a', teamIds: ['team-a'] });
    await setMeta('clientId', 'client-fictief');
    const c = await aCase('Gezin Wissen (fictief)');
    await saveVisitNote({ caseId: c.id, body: emptyVisitNote('2026-11-27'), followUps: [followUp('Bellen')] });
    await saveDraft(c.id, emptyVisitNote('2026-11-28'));
    await createExample('org-a', { themes: ['wonen'], body: { ...emptyExampleBody(), title: 'Buurtproject (fictief)' } });
    await createPartner('org-a', { themes: [], body: { ...emptyPartnerBody(), name: 'Partner (fictief)' } });
    const before = db();
    const filled = await Promise.all(before.tables.map(async (t) => [t.name, await t.count()] as const));
    expect(filled.filter(([, count]) => count > 0).map(([table]) => table).sort()).toEqual(
      ['caseViews', 'cases', 'drafts', 'examples', 'followUps', 'meta', 'notes', 'outbox', 'partners'].sort(),
    );

    await eraseDevice();

    expect(db()).not.toBe(before);
    expect(db().name).toBe(name);
    const left = await Promise.all(db().tables.map(async (t) => [t.name, await t.count()] as const));
    expect(left.length).toBe(before.tables.length);
    expect(left.filter(([, count]) => count > 0)).toEqual([]);
    expect(await getCase(c.id)).toBeUndefined();
    expect(await getMeta('clientId')).toBeUndefined();
    expect(await countWaiting()).toBe(0);
    expect(await listDrafts()).toEqual([]);

    // Usable again: commands write and queries read as on a new device.
    const again = await createCase('team-a', { ...emptyCaseBody(), label: 'Gezin Opnieuw (fictief)' });
    expect(await getCase(again.id)).toEqual(again);
    expect((await listCaseload()).map((i) => i.caseFile.id)).toEqual([again.id]);
    expect(await countWaiting()).toBe(1);

    connect(otherName);
    expect(await getCase(other.id)).toEqual(other);
  });

  it('leaves running watches answering from the new database (sign-in erasing the demo must not silence the header)', async () => {
    await setMeta('sessionUser', { role: 'worker' });
    const seen: unknown[] = [];
    const failures: string[] = [];
    const stop = watch(() => getMeta('sessionUser'), (v) => seen.push(v), (e) => failures.push(e.code));
    await until(() => seen.length === 1);
    // A write just before the erase makes the watch read while the database is being deleted.
    const writing = setMeta('sessionUser', { role: 'worker', n: 2 });
    await eraseDevice();
    await writing.catch(() => undefined);
    await setMeta('sessionUser', { role: 'coordinator' });
    await until(() => (seen.at(-1) as { role?: string } | undefined)?.role === 'coordinator');
    stop();
    expect(failures).toEqual([]);
  });

  // Dexie itself waits out a DatabaseClosedError; Chrome's "connection is closing" (a read while eraseDevice
  // deletes the database) ends Dexie's subscription instead, so watch subscribes again.
  const closing = () => new DOMException("Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.", 'InvalidStateError');

  it('subscribes again when a read finds its database closing, and goes on answering', async () => {
    await setMeta('sessionUser', { role: 'worker' });
    let closedReads = 2;
    const closed = closing;
    const seen: unknown[] = [];
    const failures: string[] = [];
    const stop = watch(
      () => (closedReads-- > 0 ? Promise.reject(closed()) : getMeta('sessionUser')),
      (v) => seen.push(v),
      (e) => failures.push(e.code),
    );
    await until(() => seen.length === 1);
    await setMeta('sessionUser', { role: 'coordinator' });
    await until(() => seen.length === 2);
    stop();
    expect(seen).toEqual([{ role: 'worker' }, { role: 'coordinator' }]);
    expect(failures).toEqual([]);
  });

  it('subscribes again on the fresh database after an erase, even when a read caught in the erase never answers', async () => {
    await setMeta('sessionUser', { role: 'worker' });
    let hang = false;
    const seen: unknown[] = [];
    const failures: string[] = [];
    const stop = watch(
      // A read caught in the deletion: it neither answers nor fails (what a stuck header looked like on CI).
      () => (hang ? new Promise<never>(() => {}) : getMeta('sessionUser')),
      (v) => seen.push(v),
      (e) => failures.push(e.code),
    );
    await until(() => seen.length === 1);
    hang = true;
    await setMeta('sessionUser', { role: 'worker', touched: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    hang = false;
    await eraseDevice();
    await until(() => seen.length === 2);
    await setMeta('sessionUser', { role: 'coordinator' });
    await until(() => seen.length === 3);
    stop();
    expect(seen).toEqual([{ role: 'worker' }, undefined, { role: 'coordinator' }]);
    expect(failures).toEqual([]);
  });

  it('reports a database that stays closing once asking again has not helped, and any other failure at once', async () => {
    const failures: string[] = [];
    const closed = closing();
    let reads = 0;
    const stop = watch(() => (reads++, Promise.reject(closed)), () => {}, (e) => failures.push(e.code));
    await until(() => failures.length > 0, 4000);
    stop();
    expect(failures).toEqual(['databaseClosed']);
    expect(reads).toBe(6);

    const other: string[] = [];
    watch(() => Promise.reject(new Error('boom')), () => {}, (e) => other.push(e.code));
    await until(() => other.length > 0);
    expect(other).toEqual(['unknown']);
  });
});
