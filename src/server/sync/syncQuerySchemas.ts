import * as v from 'valibot';
import { id } from '../../model/rowSchemas';

/** A non-negative decimal integer from a query string (at most 15 digits: exact as a JavaScript number). */
const count = v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number));
const limit = v.pipe(count, v.minValue(1));

/** GET /api/sync/changes: query strings are parsed at the door like bodies are; unknown keys are ignored. */
export const ChangesQuerySchema = v.object({ scope: id, since: count, limit: v.optional(limit), protocol: v.optional(count) });

/** GET /api/sync/snapshot; `part` and `case` were added for the staged first sync (see protocol.ts). */
export const SnapshotQuerySchema = v.pipe(
  v.object({
    scope: id,
    after: v.optional(id),
    limit: v.optional(limit),
    protocol: v.optional(count),
    part: v.optional(v.picklist(['recent', 'latest', 'history'])),
    case: v.optional(id),
  }),
  v.check((q) => q.case === undefined || q.part === 'latest', '`case` goes with part=latest only'),
);
