import { db, read, write } from './connection';
import { queue } from './outbox';
import { AppError } from '../model/appError';
import { CaseBodySchema, type CaseBody, type CaseFile, type CaseStatus } from '../model/caseFile';
import { newId } from '../model/ids';
import { changedFields } from '../model/mutation';
import { freshStamp } from '../model/rows';
import { check } from '../model/validation';

// The caseload's reads live apart so the first screen loads them without the code that writes cases.
export { caseloadFrom, listCaseload, type CaseloadItem } from './caseload';

export function listClosedCases(): Promise<CaseFile[]> {
  return read(() => db().cases.where('status').equals('closed').reverse().sortBy('updatedAt'));
}

export function getCase(id: string): Promise<CaseFile | undefined> {
  return read(() => db().cases.get(id));
}

export async function createCase(scopeId: string, input: CaseBody, now = new Date()): Promise<CaseFile> {
  const checked = check(CaseBodySchema, input);
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  const row: CaseFile = { id: newId(now.getTime()), scopeId, status: 'open', ...freshStamp(now), body: checked.value };
  await write(['cases', 'caseViews', 'outbox'], async () => {
    await db().cases.add(row);
    await db().caseViews.put({ caseId: row.id, openedAt: now.toISOString() });
    await queue({ type: 'case.create', row }, now);
  });
  return row;
}

export async function updateCase(id: string, input: CaseBody, now = new Date()): Promise<void> {
  const checked = check(CaseBodySchema, input);
  if (!checked.ok) throw new AppError('invalidInput', checked.problems);
  await write(['cases', 'outbox'], async () => {
    const prev = await db().cases.get(id);
    if (!prev) throw new AppError('notFound');
    const fields = changedFields(prev.body, checked.value);
    if (Object.keys(fields).length === 0) return;
    await db().cases.put({ ...prev, body: checked.value, updatedAt: now.toISOString() });
    await queue({ type: 'case.setFields', id, fields }, now, prev);
  });
}

export async function setCaseStatus(id: string, status: CaseStatus, now = new Date()): Promise<void> {
  await write(['cases', 'outbox'], async () => {
    const prev = await db().cases.get(id);
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
