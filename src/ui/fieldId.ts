import { createContext } from 'preact';
import { useContext, useId } from 'preact/hooks';

/**
 * Ids that tie a label to its field. A second render root (the lock screen drawn over the app, which stays
 * mounted under it) numbers its ids from the same start as the app's: a label would then name a hidden field of
 * the app. The second root sets a prefix here.
 */
export const IdScope = createContext('');

/**
 * A field's id. With a `path` (where its value sits in the form, e.g. "context.date") the id is known in advance,
 * so an error summary can link to the field; without one it is generated.
 */
export function useFieldId(path?: string): string {
  const scope = useContext(IdScope);
  const generated = useId();
  return path === undefined ? scope + generated : fieldDomId(scope, path);
}

export function fieldDomId(scope: string, path: string): string {
  return `${scope}field-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
