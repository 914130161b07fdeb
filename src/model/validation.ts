import * as v from 'valibot';
import { isDay } from './dates';

/** What the UI needs to explain a rejected input: where, what, and the limit if there is one. */
export interface Problem {
  path: string;
  code: 'required' | 'tooLong' | 'invalid';
  max?: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Long free text (a note section). Generous, but bounded so one note can never fill the disk or the sync queue. */
export const LONG_TEXT_MAX = 20_000;
export const SHORT_TEXT_MAX = 300;

export const shortText = v.pipe(v.string(), v.maxLength(SHORT_TEXT_MAX));
export const longText = v.pipe(v.string(), v.maxLength(LONG_TEXT_MAX));
export const requiredShort = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(SHORT_TEXT_MAX));
/** A real calendar day (valibot's isoDate alone accepts 30 February). */
export const day = v.pipe(v.string(), v.isoDate(), v.check(isDay));
export const dayOrEmpty = v.union([v.literal(''), day]);

/** Runs a valibot schema and turns its issues into Problems the UI can translate. */
export function check<S extends v.GenericSchema>(schema: S, input: unknown): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  // One problem per field: a union reports each of its branches, the user needs only one sentence.
  const byPath = new Map<string, Problem>();
  for (const problem of result.issues.map(toProblem)) if (!byPath.has(problem.path)) byPath.set(problem.path, problem);
  return { ok: false, problems: [...byPath.values()] };
}

function toProblem(issue: v.BaseIssue<unknown>): Problem {
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  if (issue.type === 'max_length') return { path, code: 'tooLong', max: Number(issue.requirement) };
  // An empty value refused by its schema (a visit without its date) is a missing one, not a malformed one.
  if (issue.type === 'min_length' || issue.input === '' || (issue.type !== 'string' && issue.input === undefined)) {
    return { path, code: 'required' };
  }
  return { path, code: 'invalid' };
}
