import * as v from 'valibot';
import { ServerError } from './serverError';

/** The server's single door for outside data: parse with a valibot schema, or refuse with a 400 (`code`). */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown, code = 'invalidInput'): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const where = result.issues
    .slice(0, 5)
    .map((issue) => `${(issue.path ?? []).map((p) => String(p.key)).join('.') || 'body'}: ${issue.message}`)
    .join('; ');
  throw new ServerError(400, code, `Invalid input (${where}).`);
}
