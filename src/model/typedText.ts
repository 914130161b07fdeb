import type { Mutation } from './mutation';

/**
 * The words a person typed in a change, in the order of its fields: what a refused or unsent change shows so it
 * can be copied elsewhere instead of being lost. Ids, dates and codes are not typed text and are left out.
 */
export function typedText(mutation: Mutation): string {
  return typedWords('row' in mutation ? mutation.row.body : 'fields' in mutation ? mutation.fields : 'answers' in mutation ? mutation.answers : {});
}

/** The same for any body, e.g. a visit note's draft. */
export function typedWords(body: unknown): string {
  const parts: string[] = [];
  collect(body, parts);
  return parts.join('\n');
}

/** Codes picked from a list, not words typed: left out wherever they sit in the path. */
const CODES = new Set(['kind', 'group', 'tie', 'supports', 'visitType', 'announced', 'nextContactType', 'partnerId', 'askedBy']);
/**
 * Written by the app, not typed, at the top of a body: an addendum's `author` (the signed-in person's name). A
 * visit note's `administratief.author` is typed, and stays.
 */
const WRITTEN_BY_THE_APP = new Set(['author']);
const DAY_OR_TIME = /^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}$/;

function collect(value: unknown, out: string[], path = ''): void {
  if (typeof value === 'string') {
    const typed = value.trim() !== '' && !DAY_OR_TIME.test(value) && !WRITTEN_BY_THE_APP.has(path) && !path.split('.').some((segment) => CODES.has(segment));
    if (typed) out.push(value.trim());
    return;
  }
  if (Array.isArray(value)) value.forEach((item, i) => collect(item, out, `${path}.${i}`));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) collect(item, out, path ? `${path}.${key}` : key);
}
