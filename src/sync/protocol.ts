import * as v from 'valibot';
import { CASE_STATUSES, CaseBodySchema } from '../model/caseFile';
import { ExampleBodySchema } from '../model/example';
import { AnswersSchema, RUN_STATUSES } from '../model/instrumentRun';
import { PartnerBodySchema } from '../model/partner';
import {
  CaseRowSchema,
  ExampleRowSchema,
  FollowUpRowSchema,
  id,
  InstrumentRunRowSchema,
  NoteRowSchema,
  PartnerRowSchema,
} from '../model/rowSchemas';
import { THEMES } from '../model/themes';

/**
 * ⚠ The wire protocol between the app and its server, shared by both. Change it only by adding a new version:
 * an old app must keep working locally and be told to update, never lose what it queued.
 */
export const PROTOCOL_VERSION = 1;
/** The oldest app protocol this server still accepts; older apps are asked to update (426). */
export const MIN_CLIENT_PROTOCOL = 1;
/** Most mutations one push may carry; larger queues are sent in several pushes. */
export const MAX_PUSH = 500;
/** Most rows one pull or snapshot page returns. */
export const MAX_PAGE = 1000;
/**
 * Added: the largest push body the server reads (413 above it). A client splits its queue by this as well as by
 * MAX_PUSH: 500 mutations of ~1 KB notes are well below it, a few very long notes are not.
 */
export const MAX_PUSH_BYTES = 8 * 1024 * 1024;

/**
 * 'instrumentRuns' was added to protocol 1 before any release, together with its three mutations: additive, an app
 * without instruments never sends or asks for them.
 */
export const COLLECTIONS = ['cases', 'notes', 'followUps', 'partners', 'examples', 'instrumentRuns'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/**
 * Added: the field paths that carry their own version (the keys of `base`, of RowState.fields and of a
 * conflict's `field`): every key of `body` as `body.<key>`, plus these top-level fields per collection. Ids,
 * scope, caseId, dates of creation are set once by the create and never change.
 */
export const TOP_LEVEL_FIELDS: Record<Collection, readonly string[]> = {
  cases: ['status'],
  notes: [],
  followUps: ['status', 'dueDate', 'doneAt'],
  partners: ['themes'],
  examples: ['themes'],
  instrumentRuns: ['status'],
};
/** Added: the field path of a body key, e.g. `body.name`. */
export const bodyField = (key: string): string => `body.${key}`;

const timestamp = v.pipe(v.string(), v.isoTimestamp());
const themes = v.pipe(v.array(v.picklist(THEMES)), v.maxLength(THEMES.length));

/** The intent-level mutations of src/model/mutation.ts, as parsed at the server's door. */
export const MutationSchema = v.variant('type', [
  v.object({ type: v.literal('case.create'), row: CaseRowSchema }),
  v.object({ type: v.literal('case.setFields'), id, fields: v.partial(CaseBodySchema) }),
  v.object({ type: v.literal('case.transition'), id, status: v.picklist(CASE_STATUSES) }),
  v.object({ type: v.literal('note.add'), row: NoteRowSchema }),
  v.object({ type: v.literal('followUp.add'), row: FollowUpRowSchema }),
  v.object({ type: v.literal('followUp.complete'), id, doneAt: timestamp }),
  v.object({ type: v.literal('followUp.reopen'), id }),
  v.object({ type: v.literal('partner.create'), row: PartnerRowSchema }),
  v.object({ type: v.literal('partner.setFields'), id, fields: v.partial(PartnerBodySchema), themes: v.optional(themes) }),
  v.object({ type: v.literal('example.create'), row: ExampleRowSchema }),
  v.object({ type: v.literal('example.setFields'), id, fields: v.partial(ExampleBodySchema), themes: v.optional(themes) }),
  v.object({ type: v.literal('instrumentRun.start'), row: InstrumentRunRowSchema }),
  v.object({ type: v.literal('instrumentRun.setAnswers'), id, answers: AnswersSchema }),
  v.object({ type: v.literal('instrumentRun.setStatus'), id, status: v.picklist(RUN_STATUSES) }),
]);

export const PushRequestSchema = v.object({
  protocol: v.pipe(v.number(), v.integer()),
  clientId: id,
  mutations: v.pipe(
    v.array(
      v.object({
        mutationId: id,
        /**
         * Per client, dense from 1 in outbox order: a mutation whose seq skips one (an earlier push has not
         * arrived) is answered 'deferred' and applied later, so the server applies a client's changes in order.
         */
        seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
        createdAt: timestamp,
        mutation: MutationSchema,
        /**
         * Per changed field path (see TOP_LEVEL_FIELDS), the server version the author's copy had: how conflicts
         * are found. A missing key counts as 0, "never saw the field set". followUp.complete/reopen set `status`
         * and `doneAt`; case.transition sets `status`.
         */
        base: v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.number(), v.integer(), v.minValue(0))),
      }),
    ),
    v.maxLength(MAX_PUSH),
  ),
});
export type PushRequest = v.InferOutput<typeof PushRequestSchema>;
export type PushedMutation = PushRequest['mutations'][number];

/**
 * 'conflict': applied where it could, and at least one field kept the other value; the conflict is stored on
 * the row (RowState.conflicts). Added 'deferred': not applied because an earlier seq of this client has not
 * arrived yet; nothing of it was stored, send it again (after the earlier ones).
 */
export type Outcome = 'applied' | 'conflict' | 'rejected' | 'deferred';

export interface MutationResult {
  mutationId: string;
  seq: number;
  outcome: Outcome;
  /** For 'rejected': why, as a stable code the app explains in Dutch (e.g. 'forbidden', 'invalid', 'notFound'). */
  error?: string;
}

export interface FieldStampWire {
  version: number;
  by: string;
  at: string;
  /** The device that set the field (see src/sync/merge.ts); the app does not need it and may drop it. */
  client?: string;
}

/** A row as the server holds it: what pull, snapshot and push answers carry. */
export interface RowState {
  collection: Collection;
  id: string;
  scopeId: string;
  version: number;
  deleted: boolean;
  /**
   * The row without sync bookkeeping, as the app stores it (body, status, dates …); its `version` is the one
   * above. Empty for a deleted row (a tombstone keeps no content).
   */
  row: Record<string, unknown>;
  fields: Record<string, FieldStampWire>;
  conflicts: Array<{ field: string; kept: { value: unknown } & FieldStampWire; proposed: { value: unknown; by: string; at: string } }>;
}

export interface PushResponse {
  protocol: number;
  results: MutationResult[];
}

/**
 * Added, the query strings of the two GET routes (numbers in decimal). Both accept an optional `protocol`
 * (the app's PROTOCOL_VERSION): below MIN_CLIENT_PROTOCOL the answer is 426 'updateRequired'.
 *   GET /api/sync/changes?scope=S&since=N[&limit=L]   since below the scope's retention horizon: 410 'cursorExpired'
 *   GET /api/sync/snapshot?scope=S[&after=ID][&limit=L]
 * A scope the user may not read answers 404 'notFound', exactly like a scope that does not exist.
 */
export interface ChangesResponse {
  protocol: number;
  scopeId: string;
  rows: RowState[];
  /** Pass back as `since` for the next page. */
  cursor: number;
  more: boolean;
}

export interface SnapshotResponse {
  protocol: number;
  scopeId: string;
  rows: RowState[];
  /** The scope's version when the snapshot started: pull changes from here once the snapshot is complete. */
  cursor: number;
  /** Resume after this row id; null when the snapshot is complete. */
  nextAfter: string | null;
}
