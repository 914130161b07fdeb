import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, db } from '../../../src/db/connection';
import { createPartner, updatePartner, getPartner } from '../../../src/db/partners';
import { createCase } from '../../../src/db/cases';
import { listConflicts } from '../../../src/db/conflicts';
import { watch } from '../../../src/db/live';
import { resolveConflict } from '../../../src/db/resolveConflict';
import { saveVisitNote } from '../../../src/db/notes';
import { getInstrumentRun, saveAnswers, setRunStatus, startInstrumentRun } from '../../../src/db/instrumentRuns';
import { setMeta } from '../../../src/db/meta';
import { emptyCaseBody } from '../../../src/model/caseFile';
import { emptyPartnerBody } from '../../../src/model/partner';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { SyncApi, type FetchLike } from '../../../src/sync/api';
import { syncOnce } from '../../../src/sync/client';
import { createMember, startApp, SIGN_IN_FREELY, type Member } from '../../server/support/testServer';
import { openDatabase } from '../../../src/server/store/openDatabase';
import { migrateToLatest } from '../../../src/server/store/migrations';
import { allRows } from '../db/opened';

/** fetch over Fastify's inject: the device's real sync code against the real server, in one process. */
function injectFetch(app: FastifyInstance): FetchLike {
  return async (url, init) => {
    const res = await app.inject({
      method: (init.method ?? 'GET') as 'GET',
      url,
      headers: init.headers as Record<string, string>,
      ...(init.body ? { payload: String(init.body) } : {}),
    });
    return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers: { 'content-type': 'application/json' } });
  };
}

let app: FastifyInstance;
let member: Member;

beforeAll(async () => {
  const store = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  app = await startApp(store, SIGN_IN_FREELY);
  // A coordinator: the suite also starts the organisation's network instruments, which only coordinators do.
  member = await createMember(store, 'coordinator');
});
afterAll(() => app.close());

/** A device: its own local database and its own signed-in API. */
async function device(name: string) {
  connect(name);
  const api = new SyncApi(injectFetch(app));
  await api.login(member.user.email, member.password);
  const scopes = [member.teamId, member.organisationId];
  return { use: () => connect(name), sync: async () => (connect(name), syncOnce(api, scopes)) };
}

describe('two devices through the real server', () => {
  it('converge: what one records offline reaches the other, and edits to different fields merge', async () => {
    const tag = Date.now();
    const a = await device(`conv-a-${tag}`);
    const b = await device(`conv-b-${tag}`);

    a.use();
    const caseFile = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Sync (fictief)' });
    const body = emptyVisitNote('2026-11-27');
    body.observaties.facts = 'Genoteerd op toestel A';
    await saveVisitNote({ caseId: caseFile.id, body, followUps: [{ dueDate: '2026-12-01', body: { title: 'Bellen', who: '', kind: 'contact' } }] });
    const partner = await createPartner(member.organisationId, { themes: ['wonen'], body: { ...emptyPartnerBody(), name: 'Woonwinkel (fictief)' } });
    await a.sync();
    expect(await db().outbox.count()).toBe(0);

    await b.sync();
    expect((await allRows('notes')).map((n) => n.body.observaties.facts)).toEqual(['Genoteerd op toestel A']);
    expect(await db().followUps.count()).toBe(1);

    // Both edit the partner offline: A the phone, B the opening hours.
    a.use();
    const pa = (await getPartner(partner.id))!;
    await updatePartner(partner.id, { themes: pa.themes, body: { ...pa.body, phone: '09 000 00 01' } });
    b.use();
    const pb = (await getPartner(partner.id))!;
    await updatePartner(partner.id, { themes: pb.themes, body: { ...pb.body, openingHours: 'ma–vr 9–12 u' } });

    await a.sync();
    await b.sync();
    await a.sync();
    const onB = (await (b.use(), getPartner(partner.id)))!;
    const onA = (await (a.use(), getPartner(partner.id)))!;
    expect(onA.body).toEqual(onB.body);
    expect(onA.body).toMatchObject({ phone: '09 000 00 01', openingHours: 'ma–vr 9–12 u' });
    expect(onA.conflicts).toEqual([]);
  });
});

describe('a conflict between two devices', () => {
  it('is visible on both with both values, who and when, and one action resolves it so both end equal', async () => {
    const tag = Date.now();
    const a = await device(`conf-a-${tag}`);
    const b = await device(`conf-b-${tag}`);
    a.use();
    const partner = await createPartner(member.organisationId, { themes: [], body: { ...emptyPartnerBody(), name: 'CAW (fictief)', phone: '09 111 11 11' } });
    await a.sync();
    await b.sync();

    a.use();
    await updatePartner(partner.id, { themes: [], body: { ...partner.body, phone: '09 222 22 22' } });
    b.use();
    await updatePartner(partner.id, { themes: [], body: { ...partner.body, phone: '09 333 33 33' } });
    await a.sync();
    await b.sync();
    await a.sync();

    for (const d of [a, b]) {
      d.use();
      const conflicts = await listConflicts();
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({
        collection: 'partners',
        title: 'CAW (fictief)',
        conflict: { field: 'body.phone', kept: { value: '09 222 22 22', by: member.user.id }, proposed: { value: '09 333 33 33', by: member.user.id } },
      });
    }

    b.use();
    // The conflicts screen watches the list: settling the conflict must reach it (every read of the watched
    // query is observed, also those after a sealed table was opened).
    const seen: number[] = [];
    const stop = watch(listConflicts, (items) => seen.push(items.length), () => seen.push(-1));
    await expect.poll(() => seen.at(-1)).toBe(1);
    await resolveConflict('partners', partner.id, 'body.phone', '09 333 33 33');
    expect(await listConflicts()).toEqual([]);
    await expect.poll(() => seen.at(-1)).toBe(0);
    stop();
    await b.sync();
    await a.sync();
    const onA = (await (a.use(), getPartner(partner.id)))!;
    const onB = (await (b.use(), getPartner(partner.id)))!;
    expect(onA.body.phone).toBe('09 333 33 33');
    expect(onB.body).toEqual(onA.body);
    expect(onA.conflicts).toEqual([]);
    expect(onB.conflicts).toEqual([]);
  });
});

describe('instrument runs between two devices', () => {
  it('answers to different questions merge, the same question answered twice is a conflict, an ecogram stays with its team', async () => {
    const tag = Date.now();
    const a = await device(`inst-a-${tag}`);
    const b = await device(`inst-b-${tag}`);
    a.use();
    await setMeta('sessionUser', { organisationId: member.organisationId, teamIds: [member.teamId] });
    const run = await startInstrumentRun({ instrument: 'netwerk-startvragen', title: 'Netwerk armoede (fictief)' });
    const caseFile = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Ecogram (fictief)' });
    const ecogram = await startInstrumentRun({ instrument: 'ecogram', title: 'Ecogram gezin (fictief)', caseId: caseFile.id });
    await saveAnswers(ecogram.id, { 'r:p1': { kind: 'person', name: 'Buurvrouw (fictief)', group: 'neighbours', tie: 'strong', supports: ['practical'], note: '' } });
    await a.sync();
    await b.sync();
    expect((await getInstrumentRun(ecogram.id))!.scopeId).toBe(member.teamId);
    expect((await getInstrumentRun(run.id))!.scopeId).toBe(member.organisationId);

    a.use();
    await saveAnswers(run.id, { goal: 'Samen aanbod afstemmen', members: 'CAW, OCMW' });
    b.use();
    await saveAnswers(run.id, { resources: 'Een halve dag per maand', members: 'CAW, OCMW, ziekenfonds' });
    await a.sync();
    await b.sync();
    await a.sync();
    const onA = (await (a.use(), getInstrumentRun(run.id)))!;
    const onB = (await (b.use(), getInstrumentRun(run.id)))!;
    expect(onA.body).toEqual(onB.body);
    expect(onA.body).toMatchObject({ goal: 'Samen aanbod afstemmen', resources: 'Een halve dag per maand', members: 'CAW, OCMW' });
    expect(onA.conflicts).toEqual([expect.objectContaining({ field: 'body.members', proposed: expect.objectContaining({ value: 'CAW, OCMW, ziekenfonds' }) })]);
    expect((await listConflicts()).map((c) => [c.collection, c.title])).toEqual([['instrumentRuns', 'Netwerk armoede (fictief)']]);

    await resolveConflict('instrumentRuns', run.id, 'body.members', 'CAW, OCMW, ziekenfonds');
    await setRunStatus(run.id, 'done');
    await b.sync();
    await a.sync();
    const settled = (await (a.use(), getInstrumentRun(run.id)))!;
    expect([settled.body.members, settled.status, settled.conflicts]).toEqual(['CAW, OCMW, ziekenfonds', 'done', []]);
  });
});
