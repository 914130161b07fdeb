import { AppError, isAppError } from '../model/appError';

interface ErrorLike {
  name?: string;
  message?: string;
  inner?: unknown;
  cause?: unknown;
}

/**
 * A full disk shows up as QuotaExceededError, or as an AbortError (Dexie or the browser) whose inner error
 * is the quota error. Look through the whole chain.
 */
export function isQuotaError(e: unknown): boolean {
  let current: unknown = e;
  for (let depth = 0; current && depth < 5; depth++) {
    const err = current as ErrorLike;
    if (err.name === 'QuotaExceededError' || /quota/i.test(err.message ?? '')) return true;
    current = err.inner ?? err.cause;
  }
  return false;
}

export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  if (isQuotaError(e)) return new AppError('quotaExceeded', [], { cause: e });
  const name = (e as ErrorLike)?.name;
  // Chrome says "The database connection is closing" (InvalidStateError) for a read on a database being deleted.
  if (name === 'DatabaseClosedError' || name === 'VersionChangeError' || /database connection is closing/i.test((e as ErrorLike)?.message ?? '')) {
    return new AppError('databaseClosed', [], { cause: e });
  }
  return new AppError('unknown', [], { cause: e });
}
