import * as v from 'valibot';
import { parseInput } from '../parseInput';

/** The admin API's door for bodies and path parameters: parsed with a schema of src/model/admin.ts, or 400 `invalid`. */
export function parseAdminInput<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  return parseInput(schema, input, 'invalid');
}

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
export const IdParamsSchema = v.object({ id: Id });
export const MemberParamsSchema = v.object({ id: Id, userId: Id });

/** Admin bodies are small; a bigger one is refused before it is read. */
export const ADMIN_BODY_LIMIT = 16 * 1024;
