import { liveQuery } from 'dexie';
import { toAppError } from './errors';
import type { AppError } from '../model/appError';

/**
 * Runs a named query now and again whenever the tables it read change, in this tab or another one.
 * Returns the unsubscribe function.
 */
export function watch<T>(query: () => Promise<T>, onValue: (value: T) => void, onError: (e: AppError) => void): () => void {
  const subscription = liveQuery(query).subscribe({
    next: onValue,
    error: (e: unknown) => onError(toAppError(e)),
  });
  return () => subscription.unsubscribe();
}
