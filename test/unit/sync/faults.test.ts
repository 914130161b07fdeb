import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, setCaseStatus } from '../../../src/db/cases';
import { db } from '../../../src/db/connection';
import { completeFollowUp } from '../../../src/db/followUps';
import { saveVisitNote } from '../../../src/db/notes';
import { listOutbox } from '../../../src/db/outbox';
import { createPartner, getPartner, updatePartner } from '../../../src/db/partners';
import { clientId, pendingBatch } from '../../../src/db/syncStore';
import { emptyCaseBody } from '../../../src/model/caseFile';
import { emptyPartnerBody } from '../../../src/model/partner';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { SyncApi, SyncError, type SyncErrorCode } from '../../../src/sync/api';
import { MAX_PAGE, MAX_PUSH, PROTOCOL_VERSION, type MutationResult, type PushRequest } from '../../../src/sync/protocol';
import type { Db } from '../../../src/server/store/database';
import { accessToken, Device as ServerDevice } from '../../server/support/syncClient';
import { partnerRow } from '../../server/support/syncFixtures';
import { createMember, SIGN_IN_FREELY, startApp, type Member } from '../../server/support/testServer';
import { answer, Device, localData, pass, serverView, sqliteServer, type Intercept } from './syncHarness';

/**
 * The network and the server failing around the device's real sync client: every case ends with each change the
 * device made on the server exactly once and nothing left in the queue that should not be there.
 */

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const PUSH = '/api/sync/push';
const REFRESH = '/api/auth/refresh';

let store: Db;
let app: FastifyInstance;
/** The next push is committed and then the server dies before it can answer (SyncOptions.afterPushCommit). */
let crashAfterNextCommit = false;
/** A second instance on the same database whose auth clock the test moves: access tokens expire on demand. */
let clockApp: FastifyInstance;
let clock = Date.now();

beforeAll(async () => {
  ({ store, app } = await sqliteServer(SIGN_IN_FREELY, {
    afterPushCommit: () => {
      if (!crashAfterNextCommit) return;
      crashAfterNextCommit = false;
      throw new Error('killed after commit, before the reply');
    },
  }));
  clockApp = await startApp(store, { ...SIGN_IN_FREELY, now: () => clock });
});
afterAll(async () => {
  await clockApp.close();
  await app.close();
});

/** A day's work on the current device: five changes in two scopes (team: case, note, follow-up; organisation: partner created and edited). */
interface Work {
  caseId: string;
  noteId: string;
  followUpId: string;
  partnerId: string;
}
const PHONE = '+32 9 000 00 01';
const CHANGES = 5;

async function recordWork(member: Member, now = new Date()): Promise<Work> {
  const kase = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Storing (fictief)' }, now);
  const body = emptyVisitNote('2026-11-27');
  body.observaties.facts = 'Genoteerd terwijl het netwerk haperde';
  const note = await saveVisitNote({ caseId: kase.id, body, followUps: [{ dueDate: '2026-12-01', body: { title: 'Terugbellen', who: '', kind: 'contact' } }] }, now);
  const partner = await createPartner(member.organisationId, { themes: ['wonen'], body: { ...emptyPartnerBody(), name: 'Woonwinkel (fictief)' } }, now);
  await updatePartner(partner.id, { themes: ['wonen'], body: { ...partner.body, phone: PHONE } }, now);
  const followUp = (await db().followUps.where('caseId').equals(kase.id).first())!;
  return { caseId: kase.id, noteId: note.id, followUpId: followUp.id, partnerId: partner.id };
}

/**
 * Nothing lost, nothing duplicated: a brand-new device pulls each row once, and each scope's version counts one
 * version per change (a change applied twice takes two; a create applied twice is refused and would leave a
 * "needs attention" entry). The device itself has an empty queue and exactly what the server has.
 */
async function expectExactlyOnce(device: Device, member: Member, work: Work): Promise<void> {
  const view = await serverView(app, member);
  expect(view.cases.map((r) => r.id)).toEqual([work.caseId]);
  expect(view.notes.map((r) => r.id)).toEqual([work.noteId]);
  expect(view.followUps.map((r) => r.id)).toEqual([work.followUpId]);
  expect(view.partners.map((r) => [r.id, r.version, r.body.phone, r.conflicts])).toEqual([[work.partnerId, 2, PHONE, []]]);
  expect([...view.cases, ...view.notes, ...view.followUps].map((r) => r.version).sort()).toEqual([1, 2, 3]);
  expect(view.teamVersion).toBe(3);
  expect(view.orgVersion).toBe(2);
  device.use();
  const local = await localData();
  expect(local.outbox).toEqual([]);
  for (const table of ['cases', 'notes', 'followUps', 'partners'] as const) expect(local[table]).toEqual(view[table]);
}

async function pendingCount(device: Device): Promise<number> {
  device.use();
  return (await listOutbox()).filter((e) => e.status === 'pending').length;
}

async function failsWith(promise: Promise<unknown>, code: SyncErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncError);
  expect((error as SyncError).code).toBe(code);
}

/** The push the client would send now, built from the outbox by hand: to deliver it twice, or out of order. */
async function outboxRequest(): Promise<PushRequest> {
  const entries = await pendingBatch(MAX_PUSH);
  return {
    protocol: PROTOCOL_VERSION,
    clientId: await clientId(),
    mutations: entries.map((e) => ({ mutationId: e.mutationId, seq: e.seq!, createdAt: e.createdAt, mutation: e.mutation, base: e.base })),
  };
}

const outcomes = (results: MutationResult[]) => results.map((r) => r.error ?? r.outcome);

/** Records the push answers the device receives. */
function recordPushAnswers(device: Device): MutationResult[][] {
  const answers: MutationResult[][] = [];
  device.net.intercept = async (call, deliver) => {
    const res = await deliver();
    if (call.path === PUSH && res.status === 200) answers.push((JSON.parse(res.body) as { results: MutationResult[] }).results);
    return answer(res.status, res.body);
  };
  return answers;
}

async function signedIn(on = app): Promise<{ member: Member; device: Device }> {
  const member = await createMember(store);
  return { member, device: await Device.signedIn(on, member) };
}

describe('a reply lost after the server committed the push', () => {
  const cases: Array<[string, Intercept, SyncErrorCode]> = [
    [
      'the connection drops while the reply is under way',
      async (_call, deliver) => {
        await deliver();
        throw new TypeError('Failed to fetch');
      },
      'offline',
    ],
    [
      'the server is killed after the commit, before its reply',
      (_call, deliver) => {
        crashAfterNextCommit = true;
        return pass(deliver);
      },
      'server',
    ],
    [
      'a gateway gives up waiting and answers 504 after forwarding it',
      async (_call, deliver) => {
        await deliver();
        return answer(504, '<html>Gateway Timeout</html>');
      },
      'server',
    ],
  ];

  it.each(cases)('%s: the next sync gets the stored answers and nothing is applied twice', async (_name, fault, code) => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    device.net.faultOnce(PUSH, fault);
    await failsWith(device.sync(), code);

    // The device could not know, so it kept everything; the server had in fact applied all of it.
    expect(await pendingCount(device)).toBe(CHANGES);
    expect((await serverView(app, member)).teamVersion).toBe(3);

    const answers = recordPushAnswers(device);
    expect(await device.sync()).toMatchObject({ pushed: CHANGES, deferred: 0 });
    // Stored answers: a create applied a second time would have been refused ('invalid', its id is taken).
    expect(answers.map(outcomes)).toEqual([Array(CHANGES).fill('applied')]);
    expect(answers[0]!.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    await expectExactlyOnce(device, member, work);
  });

  it('a pull page whose reply is lost is fetched again: its cursor only moves with the page', async () => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    await device.sync();
    const other = await Device.signedIn(app, member, 'other');
    await other.sync();
    device.use();
    await updatePartner(work.partnerId, { themes: ['wonen', 'schulden'], body: { ...(await getPartner(work.partnerId))!.body, notes: 'Nieuw adres' } });
    await device.sync();

    other.net.faultOnce('/api/sync/changes', async (_call, deliver) => {
      await deliver();
      throw new TypeError('Failed to fetch');
    });
    await failsWith(other.sync(), 'offline');
    other.use();
    expect((await getPartner(work.partnerId))!.body.notes).toBe('');
    await other.sync();
    other.use();
    expect((await localData()).partners).toEqual((device.use(), await localData()).partners);
  });
});

describe('the same batch delivered more than once', () => {
  it('twice, one after the other: answered alike and applied once', async () => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    const request = await outboxRequest();
    const first = (await device.api.push(request)).results;
    expect(outcomes(first)).toEqual(Array(CHANGES).fill('applied'));
    expect((await device.api.push(request)).results).toEqual(first);
    // The device never saw either answer: it sends the batch a third time itself.
    expect(await device.sync()).toMatchObject({ pushed: CHANGES });
    await expectExactlyOnce(device, member, work);
  });

  it('twice at once: both answered alike, applied once', async () => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    const request = await outboxRequest();
    const [a, b] = (await Promise.all([device.api.push(request), device.api.push(request)])).map((r) => r.results) as [MutationResult[], MutationResult[]];
    expect(outcomes(a)).toEqual(Array(CHANGES).fill('applied'));
    expect(b).toEqual(a);
    await device.sync();
    await expectExactlyOnce(device, member, work);
  });

  it('by two sync rounds started at once on one device: applied once', async () => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    const [r1, r2] = await Promise.all([device.sync(), device.sync()]);
    expect([r1.pushed, r2.pushed]).toEqual([CHANGES, CHANGES]);
    await expectExactlyOnce(device, member, work);
  });
});

describe('batches that arrive out of order', () => {
  it('a later batch that overtakes an earlier one waits (deferred, nothing stored) and is applied after it', async () => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    const request = await outboxRequest();
    const batch = (...seqs: number[]): PushRequest => ({ ...request, mutations: request.mutations.filter((m) => seqs.includes(m.seq)) });

    expect(outcomes((await device.api.push(batch(3, 4))).results)).toEqual(['deferred', 'deferred']);
    const meanwhile = await serverView(app, member);
    expect([meanwhile.cases, meanwhile.notes, meanwhile.followUps, meanwhile.partners].flat()).toEqual([]);
    expect([meanwhile.teamVersion, meanwhile.orgVersion]).toEqual([0, 0]);

    device.use();
    expect(outcomes((await device.api.push(batch(1, 2))).results)).toEqual(['applied', 'applied']);
    expect(outcomes((await device.api.push(batch(3, 4))).results)).toEqual(['applied', 'applied']);
    // The client sends its whole queue, 1–5: three answers are stored ones, the fifth is applied now.
    expect(await device.sync()).toMatchObject({ pushed: CHANGES, deferred: 0 });
    await expectExactlyOnce(device, member, work);
  });

  it('a deferred answer keeps the change queued, counts it, and the next round applies it', async () => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    // A middlebox that lost the first two changes of the push: the server sees seq 3–5 and defers them.
    device.net.faultOnce(PUSH, (call, deliver) => {
      const body = JSON.parse(call.body!) as PushRequest;
      call.body = JSON.stringify({ ...body, mutations: body.mutations.filter((m) => m.seq > 2) });
      return pass(deliver);
    });
    expect(await device.sync()).toMatchObject({ pushed: 0, deferred: 3 });
    expect(await pendingCount(device)).toBe(CHANGES);
    expect(await device.sync()).toMatchObject({ pushed: CHANGES, deferred: 0 });
    await expectExactlyOnce(device, member, work);
  });
});

describe('a reply cut off mid-body (status 200, half the JSON)', () => {
  const truncate: Intercept = async (_call, deliver) => {
    const res = await deliver();
    return answer(200, res.body.slice(0, Math.floor(res.body.length / 2)));
  };

  it('of a push: the round fails, the queue stays, the next round completes without duplicates', async () => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    device.net.faultOnce(PUSH, truncate);
    await expect(device.sync()).rejects.toThrow();
    expect(await pendingCount(device)).toBe(CHANGES);
    expect(await device.sync()).toMatchObject({ pushed: CHANGES });
    await expectExactlyOnce(device, member, work);
  });

  it.each(['/api/sync/snapshot', '/api/sync/changes'])('of a pull page (%s): nothing of it is written, the next round fetches it again', async (path) => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    await device.sync();
    const other = await Device.signedIn(app, member, 'other');
    if (path === '/api/sync/changes') {
      await other.sync();
      device.use();
      await updatePartner(work.partnerId, { themes: [], body: { ...(await getPartner(work.partnerId))!.body, website: 'https://example.org' } });
      await device.sync();
    }
    other.use();
    const before = await localData();
    other.net.faultOnce(path, truncate);
    await expect(other.sync()).rejects.toThrow();
    other.use();
    expect(await localData()).toEqual(before);
    await other.sync();
    other.use();
    const after = await localData();
    device.use();
    const source = await localData();
    expect([after.cases, after.notes, after.followUps, after.partners]).toEqual([source.cases, source.notes, source.followUps, source.partners]);
  });
});

describe('a first snapshot cut off between its pages', () => {
  it('keeps the page it wrote and resumes after it: every row once, the written page not fetched again', async () => {
    const member = await createMember(store);
    // More than one page of partners, put on the server by another device.
    const seeder = new ServerDevice(app, await accessToken(app, member));
    const ids: string[] = [];
    for (let push = 0; push < 3; push++) {
      const rows = Array.from({ length: 400 }, (_x, i) => partnerRow(member.organisationId, `Partner ${push}-${i} (fictief)`));
      ids.push(...rows.map((r) => r.id));
      await seeder.push(rows.map((row) => seeder.entry({ type: 'partner.create', row })));
    }
    expect(ids.length).toBeGreaterThan(MAX_PAGE);

    const device = await Device.signedIn(app, member, 'fresh');
    const orgSnapshot = (url: string) => url.startsWith('/api/sync/snapshot') && url.includes(member.organisationId);
    // The org's second page is fetched while the first is written; its reply is cut off mid-body.
    device.net.intercept = async (call, deliver) => {
      if (!orgSnapshot(call.url) || !call.url.includes('after=')) return pass(deliver);
      device.net.intercept = null;
      const res = await deliver();
      return answer(200, res.body.slice(0, Math.floor(res.body.length / 2)));
    };
    await expect(device.sync()).rejects.toThrow();
    device.use();
    expect(await db().partners.count()).toBe(MAX_PAGE);
    const resume = (await localData()).syncScopes.find((s) => s.scopeId === member.organisationId);
    expect(resume).toMatchObject({ cursor: 0, snapshot: { after: [...ids].sort()[MAX_PAGE - 1], cursor: ids.length, part: 'recent' } });

    await device.sync();
    device.use();
    const partners = await db().partners.orderBy('id').toArray();
    expect(partners.map((p) => p.id)).toEqual([...ids].sort());
    // The staged first sync's first part (every row but notes) is what resumes here; its latest notes and history follow.
    const orgPages = device.net.log.filter((c) => orgSnapshot(c.url) && c.url.includes('part=recent')).map((c) => [new URL(c.url, 'http://x').searchParams.get('after'), c.status]);
    expect(orgPages).toEqual([
      [null, 200],
      [resume!.snapshot!.after, 200],
      [resume!.snapshot!.after, 200],
    ]);
    expect((await localData()).syncScopes.find((s) => s.scopeId === member.organisationId)).toEqual({ scopeId: member.organisationId, cursor: ids.length, snapshot: null, history: null });
  });
});

describe('503 for a while, then recovery', () => {
  const unavailable = () => answer(503, '<html>Service Unavailable</html>');

  it('every round meanwhile fails without touching the queue; the first round after completes it once', async () => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    let down = 3;
    // Only the pushes fail: the pulls of each round still go out (and succeed) meanwhile.
    device.net.intercept = async (call, deliver) => (call.path === PUSH && down-- > 0 ? unavailable() : pass(deliver));
    for (let round = 0; round < 3; round++) await failsWith(device.sync(), 'server');
    expect(await pendingCount(device)).toBe(CHANGES);
    expect(device.net.statuses(PUSH)).toEqual([503, 503, 503]);
    expect(device.net.log.filter((c) => c.path !== PUSH && c.status === 200).length).toBeGreaterThanOrEqual(3);
    expect(await device.sync()).toMatchObject({ pushed: CHANGES });
    await expectExactlyOnce(device, member, work);
  });

  it('starting in the middle of a round: what was pushed is off the queue, the pull catches up after', async () => {
    const { member, device } = await signedIn();
    const work = await recordWork(member);
    let down = 4;
    let pushed = false;
    device.net.intercept = async (call, deliver) => {
      if (pushed && down-- > 0) return unavailable();
      pushed ||= call.path === PUSH;
      return pass(deliver);
    };
    await failsWith(device.sync(), 'server');
    // The push was answered before the outage: those changes are done, the rows still show the local copy.
    expect(device.net.statuses(PUSH)).toEqual([200]);
    expect(await pendingCount(device)).toBe(0);
    expect((await getPartner(work.partnerId))!.version).toBe(0);
    for (let round = 0; round < 3; round++) await failsWith(device.sync(), 'server');
    expect(await device.sync()).toMatchObject({ pushed: 0 });
    await expectExactlyOnce(device, member, work);
  });
});

describe('the access token expiring mid-way', () => {
  it('on the push itself: one refresh (cookie rotated), the push is sent again and applied once', async () => {
    const { member, device } = await signedIn(clockApp);
    const work = await recordWork(member);
    const cookie = device.net.jar.get('vw_refresh')?.value;
    expect(cookie).toBeTruthy();
    device.net.faultOnce(PUSH, (_call, deliver) => {
      clock += 11 * MINUTE;
      return pass(deliver);
    });
    expect(await device.sync()).toMatchObject({ pushed: CHANGES });
    expect(device.net.statuses(PUSH)).toEqual([401, 200]);
    expect(device.net.statuses(REFRESH)).toEqual([200]);
    expect(device.net.jar.get('vw_refresh')?.value).not.toBe(cookie);
    await expectExactlyOnce(device, member, work);
  });

  it('between two batches of one long queue: the second batch is refused, refreshed, sent again; all applied once', async () => {
    const { member, device } = await signedIn(clockApp);
    const count = MAX_PUSH + 1;
    const now = new Date();
    for (let i = 0; i < count; i++) await createPartner(member.organisationId, { themes: [], body: { ...emptyPartnerBody(), name: `Partner ${i} (fictief)` } }, now);
    let pushes = 0;
    device.net.intercept = async (call, deliver) => {
      const res = await pass(deliver);
      // The first batch is applied with the old token; the token expires before the second one.
      if (call.path === PUSH && ++pushes === 1) clock += 11 * MINUTE;
      return res;
    };
    expect(await device.sync()).toMatchObject({ pushed: count });
    expect(device.net.statuses(PUSH)).toEqual([200, 401, 200]);
    expect(device.net.statuses(REFRESH)).toEqual([200]);
    expect(await db().outbox.count()).toBe(0);
    const view = await serverView(app, member);
    expect(view.partners).toHaveLength(count);
    expect(new Set(view.partners.map((p) => p.body.name)).size).toBe(count);
    expect(view.orgVersion).toBe(count);
  }, 20_000); // 501 changes through the real server: about 4 s on an idle two-core machine, more when it is busy
});

describe('a 401 that no refresh can fix', () => {
  it.each([
    ['the session was ended in another tab (the cookie is gone)', false],
    ['the refresh token was revoked on the server (the cookie is still sent)', true],
  ])('%s: sync fails as unauthorized, the queue and the local rows are untouched, and signing in again sends it once', async (_name, keepCookie) => {
    // A logout ends the person's access tokens from that moment on every instance; this instance's clock must
    // not be ahead of the others' when it is stamped, or the fresh device's later login would predate it.
    clock = Date.now();
    const { member, device } = await signedIn(clockApp);
    const work = await recordWork(member);
    const before = await localData();
    const cookie = device.net.jar.get('vw_refresh')!;
    await new SyncApi(device.net.fetch).logout();
    expect(device.net.jar.has('vw_refresh')).toBe(false);
    if (keepCookie) device.net.jar.set('vw_refresh', cookie);
    clock += 11 * MINUTE;

    await failsWith(device.sync(), 'unauthorized');
    expect(device.net.statuses(PUSH)).toEqual([401]);
    expect(device.net.statuses(REFRESH)).toEqual([401]);
    device.use();
    expect(await localData()).toEqual(before);
    expect(before.outbox).toHaveLength(CHANGES);
    expect((await serverView(app, member)).teamVersion).toBe(0);

    await device.api.login(member.user.email, member.password);
    expect(await device.sync()).toMatchObject({ pushed: CHANGES });
    await expectExactlyOnce(device, member, work);
  });
});

describe('changes to rows this device created and has not had back from the server yet', () => {
  // Found by this suite: such a change carries base 0 (the device has no server versions yet), and the server took
  // it for a change that never saw the create, so it became a conflict with the device's own create. Fixed in
  // src/sync/merge.ts (a field this device set itself counts as seen).
  it('apply, pushed together with the create: no conflict with the create', async () => {
    const { member, device } = await signedIn();
    const kase = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Nieuw (fictief)' });
    await saveVisitNote({ caseId: kase.id, body: emptyVisitNote('2026-11-27'), followUps: [{ dueDate: '2026-12-01', body: { title: 'Bellen', who: '', kind: 'contact' } }] });
    const followUp = (await db().followUps.where('caseId').equals(kase.id).first())!;
    await completeFollowUp(followUp.id);
    await setCaseStatus(kase.id, 'closed');
    expect(await device.sync()).toMatchObject({ pushed: 5 });
    const view = await serverView(app, member);
    expect(view.cases.map((c) => [c.status, c.conflicts])).toEqual([['closed', []]]);
    expect(view.followUps.map((f) => [f.status, f.conflicts])).toEqual([['done', []]]);
  });

  it('apply when the create went in an earlier round whose pull failed, and still conflict with what others changed since', async () => {
    const { member, device } = await signedIn();
    const partner = await createPartner(member.organisationId, { themes: [], body: { ...emptyPartnerBody(), name: 'Nieuw (fictief)' } });
    // The push goes through, the pull does not: the device still has only its own copy, without versions.
    let pushed = false;
    device.net.intercept = async (call, deliver) => {
      if (pushed) return answer(503);
      pushed = call.path === PUSH;
      return pass(deliver);
    };
    await failsWith(device.sync(), 'server');
    device.net.intercept = null;
    // A colleague changes the phone meanwhile.
    const other = await Device.signedIn(app, member, 'colleague');
    await other.sync();
    other.use();
    await updatePartner(partner.id, { themes: [], body: { ...partner.body, phone: '+32 9 555 55 55' } });
    await other.sync();

    device.use();
    expect((await getPartner(partner.id))!.version).toBe(0);
    await updatePartner(partner.id, { themes: ['wonen'], body: { ...partner.body, phone: '+32 9 666 66 66', city: 'Gent' } });
    await device.sync();
    const [onServer] = (await serverView(app, member)).partners;
    expect(onServer!.body).toMatchObject({ phone: '+32 9 555 55 55', city: 'Gent' });
    expect(onServer!.themes).toEqual(['wonen']);
    expect(onServer!.conflicts?.map((c) => [c.field, c.kept.value, c.proposed.value])).toEqual([['body.phone', '+32 9 555 55 55', '+32 9 666 66 66']]);
  });
});

describe('device clocks off by ±2 days', () => {
  it('do not order anything: the server version does, and a concurrent change is a conflict whatever its clock says', async () => {
    const member = await createMember(store);
    const ahead = await Device.signedIn(app, member, 'ahead');
    const behind = await Device.signedIn(app, member, 'behind');
    const future = (ms = 0) => new Date(Date.now() + 2 * DAY + ms);
    const past = (ms = 0) => new Date(Date.now() - 2 * DAY + ms);

    ahead.use();
    const partner = await createPartner(member.organisationId, { themes: [], body: { ...emptyPartnerBody(), name: 'CAW (fictief)' } }, future());
    const kase = await createCase(member.teamId, { ...emptyCaseBody(), label: 'Gezin Klok (fictief)' }, future());
    await ahead.sync();
    await behind.sync();

    // Behind, two days in the past, edits first (in real order); ahead, two days in the future, edits the same
    // field later without having seen it: its later clock does not make it win.
    const behindAt = past();
    const aheadAt = future(MINUTE);
    behind.use();
    await updatePartner(partner.id, { themes: [], body: { ...partner.body, phone: '+32 9 111 11 11' } }, behindAt);
    const body = emptyVisitNote('2026-11-25');
    body.observaties.facts = 'Van het toestel dat achterloopt';
    await saveVisitNote({ caseId: kase.id, body, followUps: [] }, behindAt);
    await behind.sync();
    ahead.use();
    await updatePartner(partner.id, { themes: [], body: { ...partner.body, phone: '+32 9 222 22 22', openingHours: 'ma 9–12 u' } }, aheadAt);
    await ahead.sync();
    await behind.sync();

    const view = await serverView(app, member);
    const [onServer] = view.partners;
    expect(onServer!.body).toMatchObject({ phone: '+32 9 111 11 11', openingHours: 'ma 9–12 u' });
    expect(onServer!.conflicts).toEqual([
      {
        field: 'body.phone',
        // Who and when as each device's clock said, for people to read: the kept value looks four days older.
        kept: { value: '+32 9 111 11 11', version: 2, by: member.user.id, at: behindAt.toISOString() },
        proposed: { value: '+32 9 222 22 22', by: member.user.id, at: aheadAt.toISOString() },
      },
    ]);
    expect(onServer!.version).toBe(3);
    expect(view.notes.map((n) => [n.version, n.createdAt])).toEqual([[2, behindAt.toISOString()]]);
    for (const d of [ahead, behind]) {
      d.use();
      const local = await localData();
      expect([local.cases, local.notes, local.partners]).toEqual([view.cases, view.notes, view.partners]);
    }
  });

  it('jumping back and forth on one device: its changes still apply in the order they were made', async () => {
    const { member, device } = await signedIn();
    // Created "in two days", edited "two days ago", edited again now: ids and timestamps sort the other way round,
    // and an edit sent before its create would be refused as 'notFound'.
    const partner = await createPartner(member.organisationId, { themes: [], body: { ...emptyPartnerBody(), name: 'OCMW (fictief)' } }, new Date(Date.now() + 2 * DAY));
    await updatePartner(partner.id, { themes: [], body: { ...partner.body, city: 'Verleden' } }, new Date(Date.now() - 2 * DAY));
    await updatePartner(partner.id, { themes: ['inkomen'], body: { ...partner.body, city: 'Verleden', phone: '+32 9 333 33 33' } }, new Date());
    const queued = await listOutbox();
    expect(queued.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect([...queued].sort((a, b) => a.mutationId.localeCompare(b.mutationId)).map((e) => e.seq)).toEqual([2, 3, 1]);

    expect(await device.sync()).toMatchObject({ pushed: 3, deferred: 0 });
    const view = await serverView(app, member);
    expect(view.partners.map((p) => [p.version, p.body.city, p.body.phone, p.themes, p.conflicts])).toEqual([[3, 'Verleden', '+32 9 333 33 33', ['inkomen'], []]]);
    device.use();
    expect(await db().outbox.count()).toBe(0);
  });
});
