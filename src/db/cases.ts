import { db, read, write } from './connection';
import { changeSealedRow } from './changeSealedRow';
import { prepareChange, queue, queuePrepared } from './outbox';
import { openRow, openRows, sealRow, type StoredCase } from './sealedRows';
import { keepObserving } from './sealing';
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
  await changeSealedRow<CaseFile>(
    'cases',
    id,
    (prev) => {
      const fields = changedFields(prev.body, checked.value);
      if (Object.keys(fields).length === 0) return null;
      return { next: { ...prev, body: checked.value, updatedAt: now.toISOString() }, mutation: { type: 'case.setFields', id, fields } };
    },
    now,
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
