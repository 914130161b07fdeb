import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/model/ids';
import { MAX_PUSH, MAX_PUSH_BYTES, PROTOCOL_VERSION } from '../../src/sync/protocol';
import { accessToken, Device, pushRaw } from './support/syncClient';
import { caseRow, noteRow, partnerRow } from './support/syncFixtures';
import { signedInUser } from './support/syncWorld';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, errorShape, SIGN_IN_FREELY, startApp, type Member } from './support/testServer';

describeEachDatabase('sync input at the door', (store) => {
  let app: FastifyInstance;
  let member: Member;
  let token: string;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
    member = await createMember(store().db);
    token = await accessToken(app, member);
  });
  afterAll(() => app.close());

  const written = async () => (await store().db.selectFrom('records').select('id').where('scope_id', 'in', [member.teamId, member.organisationId]).execute()).length;
  const answered = async () => (await store().db.selectFrom('client_mutations').select('mutation_id').execute()).length;
  /** A good entry to put next to a bad one: it must not be applied either. */
  const good = () => ({ mutationId: newId(), seq: 1, createdAt: new Date().toISOString(), mutation: { type: 'case.create', row: caseRow(member.teamId) }, base: {} });
  const push = (mutations: unknown[], extra: Record<string, unknown> = {}) => ({ protocol: PROTOCOL_VERSION, clientId: newId(), mutations, ...extra });

  const MALFORMED: Array<[string, () => unknown]> = [
    ['mutations is not an array', () => ({ protocol: PROTOCOL_VERSION, clientId: newId(), mutations: 'all of them' })],
    ['no client id', () => ({ protocol: PROTOCOL_VERSION, mutations: [good()] })],
    ['an empty client id', () => push([good()], { clientId: '' })],
    ['a client id of 65 characters', () => push([good()], { clientId: 'x'.repeat(65) })],
    ['a client id with a NUL', () => push([good()], { clientId: 'client\u0000id' })],
    ['a seq given as a string', () => push([good(), { ...good(), seq: '2' }])],
    ['a seq of 0', () => push([good(), { ...good(), seq: 0 }])],
    ['an empty mutation id', () => push([good(), { ...good(), seq: 2, mutationId: '' }])],
    ['a mutation id with a NUL', () => push([good(), { ...good(), seq: 2, mutationId: 'm\u0000' }])],
    [`more than ${MAX_PUSH} mutations`, () => push(Array.from({ length: MAX_PUSH + 1 }, (_, i) => ({ ...good(), seq: i + 1 })))],
  ];

  it.each(MALFORMED)('refuses %s with 400 and applies nothing', async (_what, body) => {
    const before = { records: await written(), answers: await answered() };
    const res = await pushRaw(app, token, body());
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(errorShape('invalidInput'));
    expect({ records: await written(), answers: await answered() }).toEqual(before);
  });

  // One bad change must not stall a device: it is refused in its place, and the good ones around it apply.
  const BAD_CHANGES: Array<[string, (change: ReturnType<typeof good>) => unknown]> = [
    ['an unknown mutation type', (c) => ({ ...c, mutation: { type: 'case.delete', id: newId() } })],
    ['a row id that is too long', (c) => ({ ...c, mutation: { type: 'case.create', row: { ...caseRow(member.teamId), id: 'y'.repeat(65) } } })],
    ['a row id with a NUL', (c) => ({ ...c, mutation: { type: 'case.create', row: { ...caseRow(member.teamId), id: 'case\u0000x' } } })],
    ['a row id with a lone surrogate', (c) => ({ ...c, mutation: { type: 'case.create', row: { ...caseRow(member.teamId), id: 'case\ud800' } } })],
    ['a scope id with a space', (c) => ({ ...c, mutation: { type: 'case.create', row: { ...caseRow(member.teamId), scopeId: 'team one' } } })],
    ['a partner with a broken e-mail address', (c) => ({ ...c, mutation: { type: 'partner.create', row: { ...partnerRow(member.organisationId), body: { ...partnerRow(member.organisationId).body, email: 'nope' } } } })],
    ['a note without its body', (c) => ({ ...c, mutation: { type: 'note.add', row: { ...noteRow(member.teamId, newId()), body: undefined } } })],
    ['a negative base version', (c) => ({ ...c, base: { 'body.label': -1 } })],
    ['a createdAt that is no timestamp', (c) => ({ ...c, createdAt: 'yesterday' })],
  ];

  it.each(BAD_CHANGES)('answers %s as refused (invalid) in its place and applies the changes around it', async (_what, spoil) => {
    const before = await written();
    const mutations = [good(), spoil({ ...good(), seq: 2 }), { ...good(), seq: 3 }];
    const res = await pushRaw(app, token, push(mutations));
    expect(res.statusCode).toBe(200);
    expect(res.json().results.map((r: { outcome: string; error?: string }) => [r.outcome, r.error])).toEqual([
      ['applied', undefined],
      ['rejected', 'invalid'],
      ['applied', undefined],
    ]);
    expect(await written()).toBe(before + 2);
  });

  it('answers a withdrawn change as refused (withdrawn), so the device’s later changes apply', async () => {
    const before = await written();
    const withdrawn = { mutationId: newId(), seq: 1, withdrawn: true };
    const res = await pushRaw(app, token, push([withdrawn, { ...good(), seq: 2 }]));
    expect(res.statusCode).toBe(200);
    expect(res.json().results.map((r: { outcome: string; error?: string }) => [r.outcome, r.error])).toEqual([
      ['rejected', 'withdrawn'],
      ['applied', undefined],
    ]);
    expect(await written()).toBe(before + 1);
  });

  it('refuses a body with a prototype key (Fastify’s poisoning guard) with 400 and applies nothing', async () => {
    const before = await written();
    const payload = JSON.stringify(push([good()])).replace('"mutation":{', '"mutation":{"__proto__":{"x":1},');
    const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(400);
    expect(await written()).toBe(before);
  });

  it('refuses a body that is not JSON with 400 in the same shape', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: '{"protocol":1,' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(errorShape('badRequest'));
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const huge = push([{ ...good(), mutation: { type: 'case.create', row: { ...caseRow(member.teamId), padding: 'x'.repeat(MAX_PUSH_BYTES) } } }]);
    const res = await pushRaw(app, token, huge);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual(errorShape('payloadTooLarge'));
  });

  it('asks an app with an old protocol to update (426), on every route', async () => {
    const res = await pushRaw(app, token, { protocol: 0, clientId: newId(), mutations: [{ whatever: 'the old app sent' }] });
    expect(res.statusCode).toBe(426);
    expect(res.json()).toEqual(errorShape('updateRequired'));
    for (const url of [`/api/sync/changes?scope=${member.teamId}&since=0&protocol=0`, `/api/sync/snapshot?scope=${member.teamId}&protocol=0`]) {
      const get = await app.inject({ url, headers: { authorization: `Bearer ${token}` } });
      expect(get.statusCode).toBe(426);
      expect(get.json()).toEqual(errorShape('updateRequired'));
    }
  });

  it('asks for a token on every route (401)', async () => {
    for (const res of [
      await app.inject({ method: 'POST', url: '/api/sync/push', payload: push([good()]) }),
      await app.inject({ url: `/api/sync/changes?scope=${member.teamId}&since=0` }),
      await app.inject({ url: `/api/sync/snapshot?scope=${member.teamId}`, headers: { authorization: 'Bearer not-a-token' } }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toMatch(/^(unauthenticated|invalidToken)$/);
    }
  });

  it('refuses another user’s client id with 403 and applies nothing', async () => {
    const d = new Device(app, token);
    await d.push([d.entry({ type: 'case.create', row: caseRow(member.teamId) })]);
    const colleague = await signedInUser(store().db, app, member.organisationId, [member.teamId]);
    const before = await written();
    const res = await pushRaw(app, colleague.token, push([good()], { clientId: d.clientId }));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(errorShape('forbidden'));
    expect(await written()).toBe(before);
  });

  it.each([
    ['since=-1', 'changes'],
    ['since=abc', 'changes'],
    ['since=1.5', 'changes'],
    ['', 'changes'],
    ['since=0&limit=0', 'changes'],
    ['after=', 'snapshot'],
    ['limit=ten', 'snapshot'],
    ['after=a%00b', 'snapshot'],
  ])('refuses the query %s on %s with 400', async (query, route) => {
    const res = await app.inject({ url: `/api/sync/${route}?scope=${member.teamId}&${query}`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(errorShape('invalidInput'));
  });

  it.each(['changes?since=0&', 'snapshot?'])('refuses a scope id with a NUL or a lone surrogate on %s with 400, never 500', async (route) => {
    for (const scope of ['team%00x', '%ED%A0%80', 'a%20b']) {
      const res = await app.inject({ url: `/api/sync/${route}scope=${scope}`, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(400);
    }
  });
});
