import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { getInstrumentRun, listInstrumentRuns, saveAnswers, setRunStatus, startInstrumentRun } from '../../../src/db/instrumentRuns';
import { setMeta } from '../../../src/db/meta';
import { listOutbox } from '../../../src/db/outbox';
import { isAppError } from '../../../src/model/appError';
import { MAX_ANSWERS, type Answers } from '../../../src/model/instrumentRun';
import { LONG_TEXT_MAX } from '../../../src/model/validation';
import { aCase, freshDb } from './freshDb';

beforeEach(async () => {
  freshDb();
  await setMeta('sessionUser', { organisationId: 'org-a', teamIds: ['team-a'] });
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 27, 9, minute));
const codeOf = async (p: Promise<unknown>) => {
  const e = await p.then(() => null, (err: unknown) => err);
  return isAppError(e) ? e.code : e;
};

describe('instrument runs', () => {
  it('starts a network instrument in the organisation and an ecogram in its case’s team, each with its queued start', async () => {
    const kase = await aCase('Gezin Ecogram', 'team-b');
    const network = await startInstrumentRun({ instrument: 'machts-belangenmatrix', title: '  Overleg jeugd  ' }, at(1));
    const ecogram = await startInstrumentRun({ instrument: 'ecogram', title: 'Netwerk van het gezin', caseId: kase.id }, at(2));
    expect([network.scopeId, network.caseId, network.status, network.body]).toEqual(['org-a', '', 'open', { title: 'Overleg jeugd' }]);
    expect([ecogram.scopeId, ecogram.caseId]).toEqual(['team-b', kase.id]);
    expect((await listOutbox()).slice(-2).map((e) => e.mutation)).toEqual([
      { type: 'instrumentRun.start', row: network },
      { type: 'instrumentRun.start', row: ecogram },
    ]);
    expect((await listInstrumentRuns({ caseId: kase.id })).map((r) => r.id)).toEqual([ecogram.id]);
    expect((await listInstrumentRuns()).map((r) => r.id)).toEqual([ecogram.id, network.id]);
  });

  it.each([
    ['an ecogram without a case', { instrument: 'ecogram' as const, title: 'X' }, 'invalidInput'],
    ['a network instrument under a case', { instrument: 'netwerk-startvragen' as const, title: 'X', caseId: 'c1' }, 'invalidInput'],
    ['an empty title', { instrument: 'netwerk-startvragen' as const, title: '   ' }, 'invalidInput'],
    ['an ecogram under a case not on this device', { instrument: 'ecogram' as const, title: 'X', caseId: 'missing' }, 'notFound'],
  ])('refuses %s and stores nothing', async (_name, start, code) => {
    expect(await codeOf(startInstrumentRun(start))).toBe(code);
    expect([await db().instrumentRuns.count(), await db().outbox.count()]).toEqual([0, 0]);
  });

  it('saves only the answers that changed, one queued change per save, each answer versioned on its own', async () => {
    const run = await startInstrumentRun({ instrument: 'netwerk-startvragen', title: 'Start' }, at(1));
    await saveAnswers(run.id, { title: 'Start', goal: 'Samen', members: '' }, at(2));
    await saveAnswers(run.id, { title: 'Start', goal: 'Samen', members: 'CAW' }, at(3));
    await saveAnswers(run.id, { title: 'Start', goal: 'Samen', members: 'CAW' }, at(4));
    expect((await listOutbox()).slice(1).map((e) => [e.mutation, e.base])).toEqual([
      [{ type: 'instrumentRun.setAnswers', id: run.id, answers: { goal: 'Samen', members: '' } }, { 'body.goal': 0, 'body.members': 0 }],
      [{ type: 'instrumentRun.setAnswers', id: run.id, answers: { members: 'CAW' } }, { 'body.members': 0 }],
    ]);
    expect((await getInstrumentRun(run.id))!).toMatchObject({ body: { title: 'Start', goal: 'Samen', members: 'CAW' }, updatedAt: at(3).toISOString() });
  });

  it('keeps an entry that was removed as null, so the removal syncs', async () => {
    const kase = await aCase();
    const run = await startInstrumentRun({ instrument: 'ecogram', title: 'E', caseId: kase.id });
    const person = { kind: 'person' as const, name: 'Oma', group: 'family' as const, tie: 'strong' as const, supports: ['emotional' as const], note: '' };
    await saveAnswers(run.id, { 'r:a1': person });
    await saveAnswers(run.id, { 'r:a1': null });
    expect((await getInstrumentRun(run.id))!.body['r:a1']).toBeNull();
    expect((await listOutbox()).at(-1)!.mutation).toEqual({ type: 'instrumentRun.setAnswers', id: run.id, answers: { 'r:a1': null } });
  });

  it.each([
    ['a key that is not an answer key', { 'body.x': 'a' }],
    ['an over-long answer', { goal: 'x'.repeat(LONG_TEXT_MAX + 1) }],
    ['a malformed placement', { 'p:abc': { kind: 'placement', power: 'huge', interest: 'low', note: '' } }],
    ['a blank title', { title: ' ' }],
    ['too many answers', Object.fromEntries(Array.from({ length: MAX_ANSWERS + 1 }, (_, i) => [`q${i}`, 'x']))],
  ])('refuses %s and keeps what was stored', async (_name, answers) => {
    const run = await startInstrumentRun({ instrument: 'netwerk-startvragen', title: 'Start' });
    expect(await codeOf(saveAnswers(run.id, answers as Answers))).toBe('invalidInput');
    expect((await getInstrumentRun(run.id))!.body).toEqual({ title: 'Start' });
    expect(await db().outbox.count()).toBe(1);
  });

  it('marks a run done and open again, queueing only real changes', async () => {
    const run = await startInstrumentRun({ instrument: 'netwerk-evaluatie', title: 'Evaluatie 2026' });
    await setRunStatus(run.id, 'done');
    await setRunStatus(run.id, 'done');
    await setRunStatus(run.id, 'open');
    expect((await listOutbox()).slice(1).map((e) => e.mutation)).toEqual([
      { type: 'instrumentRun.setStatus', id: run.id, status: 'done' },
      { type: 'instrumentRun.setStatus', id: run.id, status: 'open' },
    ]);
    expect(await codeOf(setRunStatus('missing', 'done'))).toBe('notFound');
  });
});
