import * as v from 'valibot';

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
export const dayOrEmpty = v.union([v.literal(''), v.pipe(v.string(), v.isoDate())]);
export const day = v.pipe(v.string(), v.isoDate());

/** Runs a valibot schema and turns its issues into Problems the UI can translate. */
export function check<S extends v.GenericSchema>(schema: S, input: unknown): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problems: result.issues.map(toProblem) };
}

function toProblem(issue: v.BaseIssue<unknown>): Problem {
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  if (issue.type === 'max_length') return { path, code: 'tooLong', max: Number(issue.requirement) };
  if (issue.type === 'min_length' || (issue.type !== 'string' && issue.input === undefined)) {
    return { path, code: 'required' };
  }
  return { path, code: 'invalid' };
}
