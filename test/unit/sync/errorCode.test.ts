import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/model/appError';
import { SyncError } from '../../../src/sync/api';
import { syncErrorCode } from '../../../src/sync/errorCode';

const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('what a failed round tells the person', () => {
  it.each([
    ['a server answer keeps its own code', new SyncError('tooManyRequests', 429), 'tooManyRequests'],
    ['no connection', new SyncError('offline'), 'offline'],
    ['a full disk while writing a pulled page', quota(), 'storageFull'],
    ['a full disk inside a Dexie abort', Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() }), 'storageFull'],
    ['a full disk as the app names it', new AppError('quotaExceeded'), 'storageFull'],
    ['anything else', new TypeError('x is undefined'), 'server'],
  ])('%s', (_what, error, code) => {
    expect(syncErrorCode(error)).toBe(code);
  });
});
