import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { addFollowUp, completeFollowUp, listFollowUpsOfCase, listFollowUpsWithCase, reopenFollowUp } from '../../../src/db/followUps';
import { listOutbox } from '../../../src/db/outbox';
import { isAppError } from '../../../src/model/appError';
import { aCase, freshDb } from './freshDb';

beforeEach(freshDb);

const input = { dueDate: '2026-12-01', body: { title: 'Attest opvragen', who: 'ik', kind: 'task' as const } };

describe('follow-ups', () => {
  it('adds a follow-up to a case in the case scope and queues it', async () => {
    const c = await aCase();
    const f = await addFollowUp(c.id, input);
    expect(f).toMatchObject({ caseId: c.id, scopeId: 'team-a', status: 'open', dueDate: '2026-12-01' });
    expect((await listOutbox()).at(-1)?.mutation).toEqual({ type: 'followUp.add', row: f });
  });

  it('refuses a follow-up without a title or with an impossible date', async () => {
    const c = await aCase();
    const error = await addFollowUp(c.id, { dueDate: '2026-13-01', body: { ...input.body, title: ' ' } }).catch((e) => e);
    expect(isAppError(error) && error.problems.map((p) => p.path).sort()).toEqual(['body.title', 'dueDate']);
    expect(await listFollowUpsOfCase(c.id)).toEqual([]);
  });

  it('marks done and reopens, each once, with an outbox entry per real change', async () => {
    const c = await aCase();
    const f = await addFollowUp(c.id, input);
    await completeFollowUp(f.id, new Date('2026-12-01T10:00:00Z'));
    await completeFollowUp(f.id, new Date('2026-12-01T11:00:00Z'));
    expect(await db().followUps.get(f.id)).toMatchObject({ status: 'done', doneAt: '2026-12-01T10:00:00.000Z' });
    await reopenFollowUp(f.id);
    expect(await db().followUps.get(f.id)).toMatchObject({ status: 'open', doneAt: '' });
    expect((await listOutbox()).map((e) => e.mutation.type)).toEqual(['case.create', 'followUp.add', 'followUp.complete', 'followUp.reopen']);
  });

  it('lists follow-ups with the label of their case', async () => {
    const c = await aCase('Mevrouw Proef');
    await addFollowUp(c.id, input);
    expect((await listFollowUpsWithCase()).map((i) => i.caseLabel)).toEqual(['Mevrouw Proef']);
  });
});
