import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, db } from '../../../src/db/connection';
import { createCase, getCase, updateCase } from '../../../src/db/cases';
import { saveVisitNote } from '../../../src/db/notes';
import { addAddendum } from '../../../src/db/noteAddenda';
import { listOutbox } from '../../../src/db/outbox';
import { countWaiting } from '../../../src/db/counts';
import { createPartner, getPartner } from '../../../src/db/partners';
import { discardChange, discardSet, retryChange } from '../../../src/db/refusedChanges';
import { listNeedsAttention } from '../../../src/db/outbox';
import { forgetTeams } from '../../../src/db/teamData';
import { emptyCaseBody } from '../../../src/model/caseFile';
import { emptyPartnerBody } from '../../../src/model/partner';
import { typedText } from '../../../src/model/typedText';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { SyncApi, type FetchLike } from '../../../src/sync/api';
import { syncOnce } from '../../../src/sync/client';
import type { PushRequest } from '../../../src/sync/protocol';
import { saveSession } from '../../../src/sync/session';
import { openDatabase } from '../../../src/server/store/openDatabase';
import { migrateToLatest } from '../../../src/server/store/migrations';
import { createMember, SIGN_IN_FREELY, startApp, type Member } from '../../server/support/testServer';
import { allRows } from '../db/opened';

/**
 * One change the server (or a proxy in front of it) will not take must never stop a device's sync: it is
 * narrowed down, set aside under "needs attention" with its text, and everything else goes on, both ways.
 */
let app: FastifyInstance;
let member: Member;

/** A proxy in front of the server: `refuse` answers a request itself (e.g. nginx's 413) before it arrives. */
type Refuse = (body: PushRequest) => number | null;

function proxyFetch(refuse: () => Refuse | null, pushes: PushRequest[]): FetchLike {
  return async (url, init) => {
    if (url.startsWith('/api/sync/push')) {
      const body = JSON.parse(String(init.body)) as PushRequest;
      pushes.push(body);
      const status = refuse()?.(body) ?? null;
      if (status !== null) return new Response(JSON.stringify({ error: { code: 'proxy', message: 'refused' } }), { status });
    }
    const res = await app.inject({ method: (init.method ?? 'GET') as 'GET', url, headers: init.headers as Record<string, string>, ...(init.body ? { payload: String(init.body) } : {}) });
    return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers: { 'content-type': 'application/json' } });
  };
}

beforeAll(async () => {
  const store = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  app = await startApp(store, SIGN_IN_FREELY);
  member = await createMember(store);
});
afterAll(() => app.close());

let devices = 0;
async function device() {
  const name = `never-stalls-${process.pid}-${devices++}`;
  let refuse: Refuse | null = null;
  const pushes: PushRequest[] = [];
  connect(name);
  const api = new SyncApi(proxyFetch(() => refuse, pushes));
  // As the app: the device keeps who is signed in (a refused change tried again checks it, see retryChange).
  api.onSession = (session) => (connect(name), saveSession(session));
  await api.login(member.user.email, member.password);
  return {
    pushes,
    refuseWith: (rule: Refuse | null) => (refuse = rule),
    use: () => connect(name),
    sync: async () => (connect(name), syncOnce(api, [member.teamId, member.organisationId])),
  };
}

const noteWith = (text: string) => {
  const body = emptyVisitNote('2026-11-27');
  body.observaties.facts = text;
  return body;
};

describe('a push refused as a whole', () => {
  it('behind a proxy that takes 20 KB, thirty 3 KB notes all arrive, and later rounds send within the learned size', async () => {
    const a = await device();
    a.use();
    const caseFile = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Proxy (fictief)' });
    for (let i = 0; i < 30; i++) await saveVisitNote({ caseId: caseFile.id, body: noteWith(`Notitie ${i} (fictief) ` + 'x'.repeat(3000)), followUps: [] });
    a.refuseWith((body) => (JSON.stringify(body).length > 20_000 ? 413 : null));
    await a.sync();
    expect(await countWaiting()).toBe(0);
    expect(await listNeedsAttention()).toEqual([]);
    const first = a.pushes.length;
    // The next round's pushes fit at once: no more refusals to narrow down from.
    for (let i = 0; i < 10; i++) await saveVisitNote({ caseId: caseFile.id, body: noteWith(`Later ${i} ` + 'y'.repeat(3000)), followUps: [] });
    await a.sync();
    expect(a.pushes.slice(first).map((p) => JSON.stringify(p).length).filter((size) => size > 20_000)).toEqual([]);

    const b = await device();
    await b.sync();
    expect(await db().notes.where('caseId').equals(caseFile.id).count()).toBe(40);
  });

  it('narrows a 400 down to the one change, withdraws it in its place, and the changes after it apply', async () => {
    const a = await device();
    a.use();
    const caseFile = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Smal (fictief)' });
    for (let i = 0; i < 9; i++) await saveVisitNote({ caseId: caseFile.id, body: noteWith(i === 4 ? 'DE SLECHTE (fictief)' : `Goed ${i}`), followUps: [] });
    a.refuseWith((body) => (body.mutations.some((m) => 'mutation' in m && JSON.stringify(m).includes('DE SLECHTE')) ? 400 : null));
    await a.sync();
    const refused = await listNeedsAttention();
    expect(refused.map((e) => [e.error, typedText(e.mutation)])).toEqual([['invalid', 'DE SLECHTE (fictief)']]);
    expect(await countWaiting()).toBe(0);
    // The server was told the change is withdrawn (not the change itself), in its place: nothing waits for it.
    const withdrawn = a.pushes.flatMap((p) => p.mutations).filter((m) => 'withdrawn' in m);
    expect(withdrawn.map((m) => m.mutationId)).toEqual([refused[0]!.mutationId]);

    // A later change is not held back by the gap.
    await updateCase(caseFile.id, { ...emptyCaseBody(), label: 'Gezin Smal (fictief)', household: 'Twee volwassenen' });
    await a.sync();
    expect(await countWaiting()).toBe(0);

    // Once the proxy takes it, the person tries again and it arrives.
    a.refuseWith(null);
    await retryChange(refused[0]!.mutationId);
    expect(await countWaiting()).toBe(1);
    await a.sync();
    expect(await listOutbox()).toEqual([]);
    const b = await device();
    await b.sync();
    const texts = (await allRows('notes')).filter((n) => n.caseId === caseFile.id).map((n) => n.body.observaties.facts);
    expect(texts).toContain('DE SLECHTE (fictief)');
    expect(texts).toHaveLength(9);
    expect((await getCase(caseFile.id))!.body.household).toBe('Twee volwassenen');
  });

  it('a push the server answers 500 still lets the pull through: a colleague’s change arrives', async () => {
    const a = await device();
    const b = await device();
    b.use();
    await createPartner(member.organisationId, { themes: [], body: { ...emptyPartnerBody(), name: 'Partner van B (fictief)' } });
    a.use();
    await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Wacht (fictief)' });
    await b.sync();
    a.refuseWith(() => 500);
    await expect(a.sync()).rejects.toMatchObject({ code: 'server' });
    expect((await db().partners.toArray()).map((p) => p.body.name)).toContain('Partner van B (fictief)');
    expect(await countWaiting()).toBe(1);
  });
});

describe('a change set aside on the device before the server answered', () => {
  it('(its team taken away) is withdrawn in its place, so the other teams’ changes are not deferred for ever', async () => {
    const a = await device();
    a.use();
    const gone = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Weg (fictief)' });
    await forgetTeams([member.teamId]);
    const partner = await createPartner(member.organisationId, { themes: [], body: { ...emptyPartnerBody(), name: 'Na het vertrek (fictief)' } });
    const report = await a.sync();
    expect(report.deferred).toBe(0);
    expect((await listNeedsAttention()).map((e) => [e.error, typedText(e.mutation)])).toEqual([['teamRemoved', 'Gezin Weg (fictief)']]);
    expect(await countWaiting()).toBe(0);
    const b = await device();
    await b.sync();
    expect(await getPartner(partner.id)).toBeDefined();
    expect(await getCase(gone.id)).toBeUndefined();
  });
});

describe('discarding a refused change', () => {
  it('removes a refused new row from the device, and brings back the server’s values after a refused edit', async () => {
    const a = await device();
    a.use();
    const kept = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Blijft (fictief)', household: 'Zoals op de server' });
    await a.sync();
    const refusedCase = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Geweigerd (fictief)' });
    await updateCase(kept.id, { ...emptyCaseBody(), label: 'Gezin Blijft (fictief)', household: 'Geweigerde wijziging' });
    a.refuseWith((body) => (body.mutations.some((m) => 'mutation' in m) ? 400 : null));
    await a.sync();
    const refused = await listNeedsAttention();
    expect(refused).toHaveLength(2);
    a.refuseWith(null);
    for (const entry of refused) await discardChange(entry.mutationId);
    expect(await listOutbox()).toEqual([]);
    expect(await getCase(refusedCase.id)).toBeUndefined();
    await a.sync();
    expect((await getCase(kept.id))!.body.household).toBe('Zoals op de server');
  });
});

describe('dealing with refused changes in order', () => {
  it('trying again a refused edit sends only what the person has not changed since', async () => {
    const a = await device();
    a.use();
    const kase = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Volgorde (fictief)' });
    await a.sync();
    await updateCase(kase.id, { ...emptyCaseBody(), label: 'Gezin Volgorde (fictief)', household: 'Eerste versie', address: 'Oude straat 1' });
    a.refuseWith((body) => (body.mutations.some((m) => 'mutation' in m && JSON.stringify(m).includes('Eerste versie')) ? 400 : null));
    await a.sync();
    a.refuseWith(null);
    // Later the person writes the household again; only the address of the refused edit is still theirs to send.
    await updateCase(kase.id, { ...emptyCaseBody(), label: 'Gezin Volgorde (fictief)', household: 'Tweede versie', address: 'Oude straat 1' });
    await a.sync();
    const [refused] = await listNeedsAttention();
    await retryChange(refused!.mutationId);
    await a.sync();
    const b = await device();
    await b.sync();
    expect((await getCase(kase.id))!.body).toMatchObject({ household: 'Tweede versie', address: 'Oude straat 1' });
  });

  it('discarding a refused new case lets go of the notes written in it, which never reach the server', async () => {
    const a = await device();
    a.use();
    const kase = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Nooit (fictief)' });
    a.refuseWith((body) => (body.mutations.some((m) => 'mutation' in m && m.mutation.type === 'case.create' && m.mutation.row.id === kase.id) ? 400 : null));
    await a.sync();
    a.refuseWith(null);
    await saveVisitNote({ caseId: kase.id, body: noteWith('Geschreven na de weigering (fictief)'), followUps: [] });
    const [refused] = await listNeedsAttention();
    expect((await discardSet(refused!.mutationId)).map((e) => typedText(e.mutation))).toEqual(['Gezin Nooit (fictief)', 'Geschreven na de weigering (fictief)']);
    await discardChange(refused!.mutationId);
    expect(await db().notes.where('caseId').equals(kase.id).count()).toBe(0);
    await a.sync();
    expect(await listOutbox()).toEqual([]);
    const b = await device();
    await b.sync();
    expect(await getCase(kase.id)).toBeUndefined();
  });

  it('discarding a refused note lets go of its addenda too, which the server would refuse without it', async () => {
    const a = await device();
    a.use();
    const kase = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Aanvulling (fictief)' });
    await a.sync();
    const note = await saveVisitNote({ caseId: kase.id, body: noteWith('Geweigerde notitie (fictief)'), followUps: [] });
    a.refuseWith((body) => (body.mutations.some((m) => 'mutation' in m && m.mutation.type === 'note.add') ? 400 : null));
    await a.sync();
    a.refuseWith(null);
    await addAddendum(note.id, 'Rechtzetting bij de geweigerde notitie (fictief)');
    const [refused] = await listNeedsAttention();
    expect((await discardSet(refused!.mutationId)).map((e) => typedText(e.mutation))).toEqual(['Geweigerde notitie (fictief)', 'Rechtzetting bij de geweigerde notitie (fictief)']);
    await discardChange(refused!.mutationId);
    expect(await db().notes.where('[caseId+date]').between([kase.id, ''], [kase.id, '\uffff']).count()).toBe(0);
    await a.sync();
    expect(await listOutbox()).toEqual([]);
    expect(await listNeedsAttention()).toEqual([]);
  });
});
