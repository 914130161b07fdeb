import { createContext } from 'preact';
import { useContext, useId } from 'preact/hooks';

/**
 * Ids that tie a label to its field. A second render root (the lock screen drawn over the app, which stays
 * mounted under it) numbers its ids from the same start as the app's: a label would then name a hidden field of
 * the app. The second root sets a prefix here.
 */
export const IdScope = createContext('');

export function useFieldId(): string {
  return useContext(IdScope) + useId();
}
