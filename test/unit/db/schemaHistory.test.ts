import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { connect, db } from '../../../src/db/connection';
import { SCHEMA_VERSION } from '../../../src/db/schema';

/** The stores of schema version 1 exactly as shipped: a fixture, never to be edited. */
const V1_STORES = {
  cases: 'id, scopeId, status, updatedAt',
  notes: 'id, scopeId, [caseId+date], date, updatedAt',
  followUps: 'id, scopeId, caseId, [status+dueDate], updatedAt',
  partners: 'id, scopeId, *themes, updatedAt',
  examples: 'id, scopeId, *themes, updatedAt',
  drafts: 'id, caseId, updatedAt',
  caseViews: 'caseId, openedAt',
  outbox: '++seq, &mutationId, status',
  meta: 'key',
};

describe('schema history', () => {
  it(`opens a version-1 database with its rows and queued changes intact (now version ${SCHEMA_VERSION})`, async () => {
    const name = `fixture-v1-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const caseRow = { id: 'c1', scopeId: 't', status: 'open', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', version: 0, body: { label: 'Gezin V1', address: '', phone: '', household: '' } };
    await v1.table('cases').add(caseRow);
    const noteRow = { id: 'n1', scopeId: 't', caseId: 'c1', date: '2026-11-02', createdAt: '2026-11-02T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z', version: 0, body: { text: 'notitie V1' } };
    await v1.table('notes').add(noteRow);
    await v1.table('drafts').add({ id: 'visit:c1', caseId: 'c1', updatedAt: '2026-11-01T00:00:00.000Z', body: { text: 'concept' } });
    await v1.table('outbox').add({ mutationId: 'm1', createdAt: '2026-11-01T00:00:00.000Z', status: 'pending', mutation: { type: 'case.create', row: caseRow } });
    v1.close();

    connect(name);
    expect(await db().cases.get('c1')).toEqual(caseRow);
    expect((await db().drafts.get('visit:c1'))?.body).toEqual({ text: 'concept' });
    expect(await db().outbox.toArray()).toEqual([
      { seq: 1, mutationId: 'm1', createdAt: '2026-11-01T00:00:00.000Z', status: 'pending', mutation: { type: 'case.create', row: caseRow }, base: {} },
    ]);
    expect(await db().syncScopes.count()).toBe(0);
    expect(await db().instrumentRuns.count()).toBe(0);
    // The notes keep the indexes their queries use, and nothing else (v4).
    expect(await db().notes.where('[caseId+date]').between(['c1', ''], ['c1', '\uffff']).toArray()).toEqual([noteRow]);
    expect(await db().notes.where('date').equals('2026-11-02').count()).toBe(1);
    expect(db().notes.schema.indexes.map((i) => i.name).sort()).toEqual(['[caseId+date]', 'date']);
    expect(db().verno).toBe(SCHEMA_VERSION);
  });
});
