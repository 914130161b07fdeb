import * as v from 'valibot';
import { id } from '../../model/rowSchemas';

/** A non-negative decimal integer from a query string (at most 15 digits: exact as a JavaScript number). */
const count = v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number));
const limit = v.pipe(count, v.minValue(1));

/** GET /api/sync/changes: query strings are parsed at the door like bodies are; unknown keys are ignored. */
export const ChangesQuerySchema = v.object({ scope: id, since: count, limit: v.optional(limit), protocol: v.optional(count) });

/** GET /api/sync/snapshot. */
export const SnapshotQuerySchema = v.object({ scope: id, after: v.optional(id), limit: v.optional(limit), protocol: v.optional(count) });
