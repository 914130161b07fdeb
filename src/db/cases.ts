import { db, read, write } from './connection';
import { prepareChange, queue, queuePrepared } from './outbox';
import { openRow, openRows, sealRow, type StoredCase } from './sealedRows';
import { keepObserving, optimistic, sameStored, STALE } from './sealing';
import { AppError } from '../model/appError';
import { CaseBodySchema, type CaseBody, type CaseFile, type CaseStatus } from '../model/caseFile';
import { newId } from '../model/ids';
import { changedFields } from '../model/mutation';
import { freshStamp } from '../model/rows';
import { check } from '../model/validation';

// The caseload's reads live apart so the first screen loads them without the code that writes cases.
export { caseloadFrom, listCaseload, type CaseloadItem } from './caseload';

export function listClosedCases(): Promise<CaseFile[]> {
  return keepObserving(read(async () => openRows<CaseFile>('cases', await db().cases.where('status').equals('closed').reverse().sortBy('updatedAt'))));
}

export function getCase(id: string): Promise<CaseFile | undefined> {
  return keepObserving(read(async () => openRow<CaseFile>('cases', await db().cases.get(id))));
}

export async function createCase(scopeId: string, input: CaseBody, now = new Date()): Promise<CaseFile> {
  const checked = check(CaseBodySchema, input);
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  const row: CaseFile = { id: newId(now.getTime()), scopeId, status: 'open', ...freshStamp(now), body: checked.value };
  const [stored, change] = await read(() => Promise.all([sealRow('cases', row), prepareChange({ type: 'case.create', row }, now)]));
  await write(['cases', 'caseViews', 'outbox'], async () => {
    await db().cases.add(stored);
    await db().caseViews.put({ caseId: row.id, openedAt: now.toISOString() });
    await queuePrepared(change);
  });
  return row;
}

export async function updateCase(id: string, input: CaseBody, now = new Date()): Promise<void> {
  const checked = check(CaseBodySchema, input);
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  await optimistic(
    async () => {
      const stored = await read(() => db().cases.get(id));
      // A write on a locked device is refused at once (AppError 'locked'), never left waiting for the unlock.
      const prev = await read(() => openRow<CaseFile>('cases', stored, { waitForUnlock: false }));
      if (!stored || !prev) throw new AppError('notFound');
      const fields = changedFields(prev.body, checked.value);
      if (Object.keys(fields).length === 0) return { stored, prev, next: null };
      const next = await read(() => sealRow('cases', { ...prev, body: checked.value, updatedAt: now.toISOString() }));
      return { stored, prev, next, change: await read(() => prepareChange({ type: 'case.setFields', id, fields }, now)) };
    },
    ({ stored, prev, next, change }) =>
      write(['cases', 'outbox'], async () => {
        if (!sameStored(await db().cases.get(id), stored)) return STALE;
        if (!next || !change) return;
        await db().cases.put(next);
        await queuePrepared(change, prev);
      }),
  );
}

export async function setCaseStatus(id: string, status: CaseStatus, now = new Date()): Promise<void> {
  await write(['cases', 'outbox'], async () => {
    // The status lies outside the sealed body: the row changes without being opened.
    const prev: StoredCase | undefined = await db().cases.get(id);
    if (!prev) throw new AppError('notFound');
    if (prev.status === status) return;
    await db().cases.put({ ...prev, status, updatedAt: now.toISOString() });
    await queue({ type: 'case.transition', id, status }, now, prev);
  });
}

/** Device-local: remembers that this case was opened, for the caseload order. Not a change to sync. */
export function markCaseOpened(caseId: string, now = new Date()): Promise<void> {
  return write(['caseViews'], async () => {
    await db().caseViews.put({ caseId, openedAt: now.toISOString() });
  });
}
