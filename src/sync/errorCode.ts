import { isQuotaError } from '../db/errors';
import { isAppError } from '../model/appError';
import { SyncError, type SyncErrorCode } from './api';

/**
 * What the status line says about a failed round. A full disk is this device's problem, not the server's: the
 * person is told to free up space rather than to wait for a server that is fine.
 */
export function syncErrorCode(e: unknown): SyncErrorCode {
  if (e instanceof SyncError) return e.code;
  if (isQuotaError(e) || (isAppError(e) && e.code === 'quotaExceeded')) return 'storageFull';
  return 'server';
}
