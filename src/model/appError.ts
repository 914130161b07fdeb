import type { Problem } from './validation';

/**
 * Every failure the UI can explain. The UI maps `code` to a translated sentence that says what happened
 * and what to do; nothing else reaches the user.
 */
export type AppErrorCode =
  | 'quotaExceeded'
  | 'invalidInput'
  | 'notFound'
  | 'databaseClosed'
  | 'corruptImport'
  | 'wrongPassword'
  | 'keyRecordCorrupt'
  | 'cannotDecrypt'
  | 'locked'
  /** A change to sealed data kept meeting newer writes of the same rows (db/sealing.ts optimistic). */
  | 'busy'
  | 'unknown';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly problems: Problem[] = [],
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
