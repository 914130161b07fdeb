import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/model/ids';
import type { Mutation } from '../../src/model/mutation';
import type { Role } from '../../src/server/store/database';
import type { ChangesResponse, SnapshotResponse } from '../../src/sync/protocol';
import { Device, getChanges, getSnapshot, outcomes } from './support/syncClient';
import { caseRow, instrumentRunRow, noteRow, partnerRow } from './support/syncFixtures';
import { signedInUser, twoOrganisations, type SyncUser } from './support/syncWorld';
import { describeEachDatabase } from './support/testDatabases';
import { SIGN_IN_FREELY, startApp } from './support/testServer';

const ROLES: Role[] = ['worker', 'coordinator', 'admin'];
/** Seen from a member of team A1 of organisation A. Only the first and third are theirs. */
const SCOPES = ['own team', 'other team of own organisation', 'own organisation', 'team of another organisation', 'another organisation'] as const;
type Scope = (typeof SCOPES)[number];
const READABLE: Record<Scope, boolean> = { 'own team': true, 'other team of own organisation': false, 'own organisation': true, 'team of another organisation': false, 'another organisation': false };
const MATRIX = ROLES.flatMap((role) => SCOPES.map((scope) => [role, scope] as const));
const TEAM_SCOPES: Scope[] = ['own team', 'other team of own organisation', 'team of another organisation'];

describeEachDatabase('sync authorisation matrix', (store) => {
  let app: FastifyInstance;
  const users = {} as Record<Role, SyncUser>;
  /** Per scope: its id, and a row in it (a case in a team, a partner in an organisation) made by a member. */
  const fixture = {} as Record<Scope, { scopeId: string; rowId: string; team: boolean }>;
  const counts = {} as Record<Scope, number>;

  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
    const w = await twoOrganisations(store().db);
    for (const role of ROLES) users[role] = await signedInUser(store().db, app, w.orgA, [w.teamA1], role);
    const owners = { A: await signedInUser(store().db, app, w.orgA, [w.teamA1, w.teamA2]), B: await signedInUser(store().db, app, w.orgB, [w.teamB1]) };
    const place = async (scope: Scope, scopeId: string, owner: SyncUser, team: boolean) => {
      const mutation: Mutation = team ? { type: 'case.create', row: caseRow(scopeId) } : { type: 'partner.create', row: partnerRow(scopeId) };
      const d = new Device(app, owner.token);
      expect(outcomes(await d.push([d.entry(mutation)]))).toEqual(['applied']);
      fixture[scope] = { scopeId, rowId: mutation.row.id, team };
    };
    await place('own team', w.teamA1, owners.A, true);
    await place('other team of own organisation', w.teamA2, owners.A, true);
    await place('own organisation', w.orgA, owners.A, false);
    await place('team of another organisation', w.teamB1, owners.B, true);
    await place('another organisation', w.orgB, owners.B, false);
    for (const scope of SCOPES) counts[scope] = await recordCount(fixture[scope].scopeId);
  });
  afterAll(() => app.close());

  const recordCount = async (scopeId: string) => (await store().db.selectFrom('records').select('id').where('scope_id', '=', scopeId).execute()).length;
  const missingScope = () => `no-such-scope-${newId()}`;
  const answer = (res: { statusCode: number; body: string }) => ({ status: res.statusCode, body: JSON.parse(res.body) as unknown });

  it.each(MATRIX)('GET changes: %s, %s', async (role, scope) => {
    const { scopeId, rowId } = fixture[scope];
    const res = await getChanges(app, users[role].token, scopeId, 0);
    if (READABLE[scope]) {
      expect(res.statusCode).toBe(200);
      expect((res.json() as ChangesResponse).rows.map((r) => r.id)).toContain(rowId);
    } else {
      expect(answer(res)).toEqual(answer(await getChanges(app, users[role].token, missingScope(), 0)));
      expect(res.statusCode).toBe(404);
    }
  });

  it.each(MATRIX)('GET snapshot: %s, %s', async (role, scope) => {
    const { scopeId, rowId } = fixture[scope];
    const res = await getSnapshot(app, users[role].token, scopeId);
    if (READABLE[scope]) {
      expect(res.statusCode).toBe(200);
      expect((res.json() as SnapshotResponse).rows.map((r) => r.id)).toContain(rowId);
    } else {
      expect(answer(res)).toEqual(answer(await getSnapshot(app, users[role].token, missingScope())));
      expect(res.statusCode).toBe(404);
    }
  });

  it.each(MATRIX)('push a create: %s, %s', async (role, scope) => {
    const { scopeId, team } = fixture[scope];
    const d = new Device(app, users[role].token);
    const mutation: Mutation = team ? { type: 'case.create', row: caseRow(scopeId) } : { type: 'partner.create', row: partnerRow(scopeId) };
    expect(outcomes(await d.push([d.entry(mutation)]))).toEqual([READABLE[scope] ? 'applied' : 'forbidden']);
  });

  it.each(MATRIX)('push a change to an existing row: %s, %s', async (role, scope) => {
    const { rowId, team } = fixture[scope];
    const change = (id: string): Mutation => (team ? { type: 'case.setFields', id, fields: { phone: `+32 9 ${role.length}00 00 00` } } : { type: 'partner.setFields', id, fields: { city: role } });
    const d = new Device(app, users[role].token);
    const [real, missing] = await d.push([d.entry(change(rowId), { 'body.phone': 99, 'body.city': 99 }), d.entry(change(newId()), { 'body.phone': 99, 'body.city': 99 })]);
    if (READABLE[scope]) expect(real!.outcome).toBe('applied');
    else expect({ outcome: real!.outcome, error: real!.error }).toEqual({ outcome: missing!.outcome, error: missing!.error });
    expect(missing).toMatchObject({ outcome: 'rejected', error: 'notFound' });
  });

  // A network instrument run may belong to a team or to the organisation: only the user's own, and only a
  // coordinator or an admin starts one (a worker fills it in: see the next test).
  it.each(MATRIX)('push an instrument run: %s, %s', async (role, scope) => {
    const { scopeId } = fixture[scope];
    const d = new Device(app, users[role].token);
    const run = instrumentRunRow(scopeId);
    const [started, answered] = await d.push([d.entry({ type: 'instrumentRun.start', row: run }), d.entry({ type: 'instrumentRun.setAnswers', id: run.id, answers: { goal: role } }, { 'body.goal': 1 })]);
    const allowed = READABLE[scope] && role !== 'worker';
    expect([started!.outcome, started!.error ?? answered!.error]).toEqual(allowed ? ['applied', undefined] : ['rejected', 'forbidden']);
    if (!allowed) expect(answered).toMatchObject({ outcome: 'rejected', error: 'notFound' });
  });

  it.each(TEAM_SCOPES.slice(0, 1).concat(['own organisation' as Scope]))('a worker answers a coordinator’s network instrument but cannot close it: %s', async (scope) => {
    const { scopeId } = fixture[scope];
    const run = instrumentRunRow(scopeId);
    const coordinator = new Device(app, users.coordinator.token);
    expect(outcomes(await coordinator.push([coordinator.entry({ type: 'instrumentRun.start', row: run })]))).toEqual(['applied']);
    const worker = new Device(app, users.worker.token);
    const [answered, closed] = await worker.push([
      worker.entry({ type: 'instrumentRun.setAnswers', id: run.id, answers: { members: 'CAW (fictief)' } }),
      worker.entry({ type: 'instrumentRun.setStatus', id: run.id, status: 'done' }, { status: 1 }),
    ]);
    expect([answered!.outcome, closed!.outcome, closed!.error]).toEqual(['applied', 'rejected', 'forbidden']);
  });

  it('keeps an ecogram with its case: under another team’s case it is refused like under no case at all', async () => {
    const d = new Device(app, users.worker.token);
    const own = fixture['own team'].scopeId;
    const results = await d.push([
      d.entry({ type: 'instrumentRun.start', row: instrumentRunRow(own, fixture['other team of own organisation'].rowId) }),
      d.entry({ type: 'instrumentRun.start', row: instrumentRunRow(own, newId()) }),
      d.entry({ type: 'instrumentRun.start', row: instrumentRunRow(fixture['own organisation'].scopeId, fixture['own team'].rowId) }),
      d.entry({ type: 'instrumentRun.start', row: instrumentRunRow(own, '', 'ecogram') }),
      d.entry({ type: 'instrumentRun.start', row: instrumentRunRow(own, fixture['own team'].rowId, 'netwerk-startvragen') }),
      d.entry({ type: 'instrumentRun.start', row: instrumentRunRow(own, fixture['own team'].rowId) }),
    ]);
    expect(outcomes(results)).toEqual(['notFound', 'notFound', 'invalid', 'invalid', 'invalid', 'applied']);
  });

  // Organisations hold no cases: this row of the matrix has team scopes only.
  it.each(MATRIX.filter(([, scope]) => TEAM_SCOPES.includes(scope)))('push a case transition: %s, %s', async (role, scope) => {
    const { rowId } = fixture[scope];
    const d = new Device(app, users[role].token);
    expect(outcomes(await d.push([d.entry({ type: 'case.transition', id: rowId, status: 'open' }, { status: 99 })]))).toEqual([READABLE[scope] ? 'applied' : 'notFound']);
  });

  it('answers a note under another team’s case exactly like one under a case that does not exist', async () => {
    const d = new Device(app, users.worker.token);
    const own = fixture['own team'].scopeId;
    const results = await d.push([
      d.entry({ type: 'note.add', row: noteRow(own, fixture['other team of own organisation'].rowId) }),
      d.entry({ type: 'note.add', row: noteRow(own, fixture['team of another organisation'].rowId) }),
      d.entry({ type: 'followUp.add', row: { ...noteRow(own, newId()), dueDate: '2025-01-01', status: 'open', doneAt: '', noteId: '', body: { title: 'x', who: '', kind: 'task' } } }),
      d.entry({ type: 'note.add', row: noteRow(own, fixture['own team'].rowId) }),
    ]);
    expect(outcomes(results)).toEqual(['notFound', 'notFound', 'notFound', 'applied']);
  });

  it('refuses rows in the wrong kind of scope and notes in a team the user is not in', async () => {
    const d = new Device(app, users.coordinator.token);
    const results = await d.push([
      d.entry({ type: 'case.create', row: caseRow(fixture['own organisation'].scopeId) }),
      d.entry({ type: 'partner.create', row: partnerRow(fixture['own team'].scopeId) }),
      d.entry({ type: 'note.add', row: noteRow(fixture['other team of own organisation'].scopeId, fixture['other team of own organisation'].rowId) }),
    ]);
    expect(outcomes(results)).toEqual(['invalid', 'invalid', 'forbidden']);
  });

  it('left every scope that is not the users’ own exactly as it was', async () => {
    for (const scope of SCOPES) if (!READABLE[scope]) expect(await recordCount(fixture[scope].scopeId)).toBe(counts[scope]);
    const rows = await store().db.selectFrom('records').select(['id', 'version']).where('id', 'in', SCOPES.filter((s) => !READABLE[s]).map((s) => fixture[s].rowId)).execute();
    expect(rows.map((r) => Number(r.version))).toEqual([1, 1, 1]);
  });
});
