import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/connection';
import { createCase } from '../../../src/db/cases';
import { isQuotaError, toAppError } from '../../../src/db/errors';
import { isAppError } from '../../../src/model/appError';
import { emptyCaseBody } from '../../../src/model/caseFile';
import { freshDb } from './freshDb';

beforeEach(freshDb);

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('storage errors', () => {
  it.each([
    ['a plain QuotaExceededError', quota(), true],
    ['an AbortError wrapping it (Dexie inner)', Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota() }), true],
    ['an AbortError wrapping it (cause)', new Error('aborted', { cause: quota() }), true],
    ['an unrelated AbortError', Object.assign(new Error('aborted'), { name: 'AbortError' }), false],
    ['a constraint error', Object.assign(new Error('Key already exists'), { name: 'ConstraintError' }), false],
  ])('%s → quota: %s', (_name, error, expected) => {
    expect(isQuotaError(error)).toBe(expected);
    expect(toAppError(error).code).toBe(expected ? 'quotaExceeded' : 'unknown');
  });

  it.each([
    ['Dexie\'s DatabaseClosedError', Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' })],
    ['a version change', Object.assign(new Error('Database version changed'), { name: 'VersionChangeError' })],
    ['Chrome reading from a database being deleted', new DOMException('Failed to execute \'transaction\' on \'IDBDatabase\': The database connection is closing.', 'InvalidStateError')],
  ])('%s → databaseClosed', (_name, error) => {
    expect(toAppError(error).code).toBe('databaseClosed');
  });

  it('a full disk during a write gives quotaExceeded and leaves nothing half-written', async () => {
    const spy = vi.spyOn(db().outbox, 'add').mockRejectedValueOnce(Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota() }));
    const error = await createCase('t', { ...emptyCaseBody(), label: 'A' }).catch((e) => e);
    spy.mockRestore();
    expect(isAppError(error) && error.code).toBe('quotaExceeded');
    expect(await db().cases.count()).toBe(0);
  });
});
