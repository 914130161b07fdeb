import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessToken, Device, outcomes, pullAll } from './support/syncClient';
import { instrumentRunRow } from './support/syncFixtures';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, SIGN_IN_FREELY, startApp, type Member } from './support/testServer';

/**
 * The places of a power–interest grid at the server's door (issue 14 point 9): partners of the directory and people
 * outside it (residents, clients, politicians), each with an optional attitude. What the app sends is accepted and
 * comes back on a pull; a shape the app never makes is refused in its place and changes nothing.
 */
const partner = { kind: 'placement', power: 'high', interest: 'high', note: '' };
const outsider = { kind: 'placement', power: 'low', interest: 'high', note: 'Vraagt een buurtcentrum', attitude: 'supports', who: 'resident', name: 'Bewoners Rabotwijk (fictief)' };

const ACCEPTED: Array<[string, Record<string, unknown>]> = [
  ['a partner placed before attitudes existed', { 'p:partner-1': partner }],
  ['a partner with an attitude', { 'p:partner-2': { ...partner, attitude: 'critical' } }],
  ['a resident who supports the plan', { 'o:0190a0b0-0000-7000-8000-000000000001': outsider }],
  ['a politician whose attitude is not known', { 'o:0190a0b0-0000-7000-8000-000000000002': { ...outsider, who: 'politician', name: 'Schepen (fictief)', attitude: undefined } }],
  ['an outsider removed again', { 'o:0190a0b0-0000-7000-8000-000000000001': null }],
];

const REFUSED: Array<[string, Record<string, unknown>]> = [
  ['an attitude the app does not know', { 'p:partner-3': { ...partner, attitude: 'hostile' } }],
  ['an outsider without a kind', { 'o:x1': { ...outsider, who: undefined } }],
  ['an outsider of an unknown kind', { 'o:x2': { ...outsider, who: 'journalist' } }],
  ['an outsider with an empty name', { 'o:x3': { ...outsider, name: '  ' } }],
  ['an outsider with a name of 121 characters', { 'o:x4': { ...outsider, name: 'x'.repeat(121) } }],
  ['an outsider stored under a partner key', { 'p:partner-4': outsider }],
  ['a partner placement stored under an outsider key', { 'o:x5': partner }],
  ['a partner placement with a name but no kind', { 'p:partner-5': { ...partner, name: 'Naam' } }],
  ['a level that is no level', { 'o:x6': { ...outsider, power: 'medium' } }],
];

describeEachDatabase('power–interest grid places at the server', (store) => {
  let app: FastifyInstance;
  let coordinator: Member;
  let device: Device;
  const run = { id: '' };

  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
    coordinator = await createMember(store().db, 'coordinator');
    device = new Device(app, await accessToken(app, coordinator));
    const row = instrumentRunRow(coordinator.organisationId, '', 'machts-belangenmatrix');
    run.id = row.id;
    expect(outcomes(await device.push([device.entry({ type: 'instrumentRun.start', row })]))).toEqual(['applied']);
  });
  afterAll(() => app.close());

  it.each(ACCEPTED)('accepts %s and hands it back on a pull', async (_what, answers) => {
    const [result] = await device.push([device.entry({ type: 'instrumentRun.setAnswers', id: run.id, answers: answers as never })]);
    expect(result!.outcome).toBe('applied');
    const { rows } = await pullAll(app, device.token, coordinator.organisationId);
    const body = rows.find((r) => r.id === run.id)!.row['body'] as Record<string, unknown>;
    for (const [key, value] of Object.entries(answers)) expect(body[key]).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it.each(REFUSED)('refuses %s as invalid and keeps the run as it was', async (_what, answers) => {
    const before = await pullAll(app, device.token, coordinator.organisationId);
    const [result] = await device.push([device.entry({ type: 'instrumentRun.setAnswers', id: run.id, answers: answers as never })]);
    expect([result!.outcome, result!.error]).toEqual(['rejected', 'invalid']);
    const after = await pullAll(app, device.token, coordinator.organisationId);
    expect(after.cursor).toBe(before.cursor);
  });
});
