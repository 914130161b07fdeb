import { db, read, write } from './connection';
import { prepareChange, queue, queuePrepared } from './outbox';
import { openRows, sealRow } from './sealedRows';
import { keepObserving } from './sealing';
import { AppError } from '../model/appError';
import type { CaseFile } from '../model/caseFile';
import { NewFollowUpSchema, type FollowUp, type FollowUpBody } from '../model/followUp';
import { newId } from '../model/ids';
import { freshStamp } from '../model/rows';
import { check } from '../model/validation';

export interface FollowUpWithCase {
  followUp: FollowUp;
  caseLabel: string;
  /** Its case's team and field stamps: whose case it is (model/caseOwner), for a filter per person. */
  caseOwner: Pick<CaseFile, 'scopeId' | 'fields'> | null;
}

/** All follow-ups with the label and owner of their case, for the follow-ups screen (grouped by the model). */
export function listFollowUpsWithCase(): Promise<FollowUpWithCase[]> {
  return keepObserving(read(async () => {
    const stored = await db().followUps.toArray();
    const caseIds = [...new Set(stored.map((f) => f.caseId))];
    const storedCases = (await db().cases.bulkGet(caseIds)).filter((c) => c !== undefined);
    const [followUps, cases] = await Promise.all([openRows<FollowUp>('followUps', stored), openRows<CaseFile>('cases', storedCases)]);
    const byId = new Map(cases.map((c) => [c.id, c]));
    return followUps.map((followUp) => {
      const caseFile = byId.get(followUp.caseId);
      return { followUp, caseLabel: caseFile?.body.label ?? '', caseOwner: caseFile ? { scopeId: caseFile.scopeId, fields: caseFile.fields } : null };
    });
  }));
}

export function listFollowUpsOfCase(caseId: string): Promise<FollowUp[]> {
  return keepObserving(read(async () => openRows<FollowUp>('followUps', await db().followUps.where('caseId').equals(caseId).toArray())));
}

export async function addFollowUp(
  caseId: string,
  input: { dueDate: string; body: FollowUpBody },
  now = new Date(),
): Promise<FollowUp> {
  const checked = check(NewFollowUpSchema, input);
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  const owner = await read(() => db().cases.get(caseId));
  if (!owner) throw new AppError('notFound');
  const row: FollowUp = {
    id: newId(now.getTime()),
    scopeId: owner.scopeId,
    caseId,
    dueDate: checked.value.dueDate,
    status: 'open',
    doneAt: '',
    noteId: '',
    ...freshStamp(now),
    body: checked.value.body,
  };
  // Sealed before the transaction (db/sealing.ts says why).
  const [stored, change] = await read(() => Promise.all([sealRow('followUps', row), prepareChange({ type: 'followUp.add', row }, now)]));
  return write(['cases', 'followUps', 'outbox'], async () => {
    if (!(await db().cases.get(caseId))) throw new AppError('notFound');
    await db().followUps.add(stored);
    await queuePrepared(change);
    return row;
  });
}

/** Status and dates lie outside the sealed body: done and reopened without opening the row. */
export function completeFollowUp(id: string, now = new Date()): Promise<void> {
  return write(['followUps', 'outbox'], async () => {
    const prev = await db().followUps.get(id);
    if (!prev) throw new AppError('notFound');
    if (prev.status === 'done') return;
    const doneAt = now.toISOString();
    await db().followUps.put({ ...prev, status: 'done', doneAt, updatedAt: doneAt });
    await queue({ type: 'followUp.complete', id, doneAt }, now, prev);
  });
}

export function reopenFollowUp(id: string, now = new Date()): Promise<void> {
  return write(['followUps', 'outbox'], async () => {
    const prev = await db().followUps.get(id);
    if (!prev) throw new AppError('notFound');
    if (prev.status === 'open') return;
    await db().followUps.put({ ...prev, status: 'open', doneAt: '', updatedAt: now.toISOString() });
    await queue({ type: 'followUp.reopen', id }, now, prev);
  });
}
