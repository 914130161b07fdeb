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
  AddendumRowSchema,
  PartnerRowSchema,
} from '../model/rowSchemas';
import { THEMES } from '../model/themes';
import type { FieldStamp, RowConflict } from '../model/rows';
import { COLLECTION_RULES, COLLECTIONS, type Collection } from '../model/collections';

/**
 * ⚠ The wire protocol between the app and its server, shared by both. Change it only by adding a new version:
 * an old app must keep working locally and be told to update, never lose what it queued.
 */
export const PROTOCOL_VERSION = 1;
/** The oldest app protocol this server still accepts; older apps are asked to update (426). */
export const MIN_CLIENT_PROTOCOL = 1;
/** Most mutations one push may carry; larger queues are sent in several pushes. */
export const MAX_PUSH = 500;
/** Most rows one pull or snapshot page returns (a staged snapshot's history page: MAX_HISTORY_PAGE). */
export const MAX_PAGE = 1000;
/**
 * Added: most notes one page of a snapshot's part=history returns, and how many it returns unasked. Larger than
 * MAX_PAGE: a device writes the history in the background, page by page, and each page costs it a few round trips
 * to IndexedDB and the sync lock besides its rows. Not larger: a device holds three pages at once (one being
 * written, two fetched ahead, about 7 MB of JSON at this size), and the server answers nobody else while it
 * reads one.
 */
export const MAX_HISTORY_PAGE = 2000;
/** Added: most notes per open case that a snapshot's part=latest returns (see SnapshotResponse). */
export const LATEST_NOTES_PER_CASE = 20;
/** Added: the parts of a staged first sync (GET /api/sync/snapshot `part`, see SnapshotResponse). */
export type SnapshotPart = 'recent' | 'latest' | 'history';
/**
 * Added: the largest push body the server reads (413 above it). A client splits its queue by this as well as by
 * MAX_PUSH: 500 mutations of ~1 KB notes are well below it, a few very long notes are not.
 */
export const MAX_PUSH_BYTES = 8 * 1024 * 1024;

/**
 * The collections (declared once in model/collections). 'instrumentRuns' was added to protocol 1 before any
 * release, together with its three mutations: additive, an app without instruments never sends or asks for them.
 */
export { COLLECTIONS, type Collection } from '../model/collections';

/**
 * Added: the field paths that carry their own version (the keys of `base`, of RowState.fields and of a
 * conflict's `field`): every key of `body` as `body.<key>`, plus these top-level fields per collection. Ids,
 * scope, caseId, dates of creation are set once by the create and never change.
 */
export const TOP_LEVEL_FIELDS: Record<Collection, readonly string[]> = Object.fromEntries(
  COLLECTIONS.map((collection) => [collection, COLLECTION_RULES[collection].topLevelFields]),
) as Record<Collection, readonly string[]>;
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
  // Added (issue 14): an app that does not know it never sends it; its rows fail an older app's note schema
  // (no visit day) and are left out there as unreadable, never shown half-understood.
  v.object({ type: v.literal('note.addAddendum'), row: AddendumRowSchema }),
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

const seq = v.pipe(v.number(), v.integer(), v.minValue(1));

/** One change as the server applies it. */
export const PushedMutationSchema = v.object({
  mutationId: id,
  /**
   * Per client, dense from 1 in outbox order: a mutation whose seq skips one (an earlier push has not
   * arrived) is answered 'deferred' and applied later, so the server applies a client's changes in order.
   */
  seq,
  createdAt: timestamp,
  mutation: MutationSchema,
  /**
   * Per changed field path (see TOP_LEVEL_FIELDS), the server version the author's copy had: how conflicts
   * are found. A missing key counts as 0, "never saw the field set". followUp.complete/reopen set `status`
   * and `doneAt`; case.transition sets `status`.
   */
  base: v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.number(), v.integer(), v.minValue(0))),
});
export type PushedMutation = v.InferOutput<typeof PushedMutationSchema>;

/**
 * Added: a change the device gives up sending (alone it is still refused as a whole request, e.g. too large),
 * in its place in the order. Answered 'rejected' with error 'withdrawn', so the changes after it are not held
 * back; the device keeps the change itself under "needs attention".
 */
export const WithdrawnChangeSchema = v.object({ mutationId: id, seq, withdrawn: v.literal(true) });
export type WithdrawnChange = v.InferOutput<typeof WithdrawnChangeSchema>;

/**
 * The request as the server reads it first: each change is then parsed on its own (parsePushItem), so one
 * malformed change is answered 'rejected' 'invalid' in its place instead of refusing the whole push (which
 * would send the same batch again for ever). Only a change without a usable mutationId and seq refuses all.
 */
export const PushEnvelopeSchema = v.object({
  protocol: v.pipe(v.number(), v.integer()),
  clientId: id,
  mutations: v.pipe(v.array(v.looseObject({ mutationId: id, seq })), v.maxLength(MAX_PUSH)),
});

export interface PushRequest {
  protocol: number;
  clientId: string;
  mutations: Array<PushedMutation | WithdrawnChange>;
}

/** A change of a push after its own parse: applied by its rules, or answered 'rejected' with the reason. */
export type PushItem = { mutationId: string; seq: number } & ({ pushed: PushedMutation } | { pushed: null; refusal: 'invalid' | 'withdrawn' });

export function parsePushItem(raw: { mutationId: string; seq: number } & Record<string, unknown>): PushItem {
  const key = { mutationId: raw.mutationId, seq: raw.seq };
  if (v.is(WithdrawnChangeSchema, raw)) return { ...key, pushed: null, refusal: 'withdrawn' };
  const parsed = v.safeParse(PushedMutationSchema, raw);
  return parsed.success ? { ...key, pushed: parsed.output } : { ...key, pushed: null, refusal: 'invalid' };
}

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

/** A field's stamp on the wire: the one declaration in model/rows. The app may drop `client`. */
export type FieldStampWire = FieldStamp;

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
  conflicts: RowConflict[];
}

export interface PushResponse {
  protocol: number;
  results: MutationResult[];
  /**
   * Added, the server's epoch (optional: older servers do not send it). It changes when the server's database is
   * restored from an older backup: a device that synced under another epoch takes a fresh snapshot.
   */
  serverEpoch?: string;
}

/**
 * Added, the query strings of the two GET routes (numbers in decimal). Both accept an optional `protocol`
 * (the app's PROTOCOL_VERSION): below MIN_CLIENT_PROTOCOL the answer is 426 'updateRequired'.
 *   GET /api/sync/changes?scope=S&since=N[&limit=L]   since below the scope's retention horizon: 410 'cursorExpired'
 *   GET /api/sync/snapshot?scope=S[&after=ID][&limit=L]
 * A scope the user may not read answers 404 'notFound', exactly like a scope that does not exist.
 *
 * Added, a staged first sync: GET /api/sync/snapshot?scope=S&part=P[&after=ID][&limit=L][&case=C]. Without `part`
 * the snapshot is the whole scope as before. The three parts together hold exactly the rows of the whole snapshot:
 *   part=recent    every live row except notes, in id order, paged like the whole snapshot (`after` = last id)
 *   part=latest    one page, nextAfter null: the newest notes of the scope's open cases, at most
 *                  LATEST_NOTES_PER_CASE per case, rank by rank (each case's newest, then each case's second
 *                  newest …) up to `limit`; with `case=C`, case C's newest `limit` notes whatever its status
 *   part=history   every live note, newest id first, paged: `after` = resume below this id; the first page
 *                  (no `after`) also says `total`, how many notes the history holds
 * `case` is only accepted with part=latest (400 otherwise). Every page's `cursor` is the scope's version read
 * before its rows: pulling changes from the first 'recent' page's cursor catches whatever changed meanwhile.
 */
export interface ChangesResponse {
  protocol: number;
  scopeId: string;
  rows: RowState[];
  /** Pass back as `since` for the next page. */
  cursor: number;
  more: boolean;
  /** See PushResponse.serverEpoch. */
  serverEpoch?: string;
}

export interface SnapshotResponse {
  protocol: number;
  scopeId: string;
  rows: RowState[];
  /** The scope's version when the snapshot started: pull changes from here once the snapshot is complete. */
  cursor: number;
  /** Resume after this row id; null when the snapshot is complete. */
  nextAfter: string | null;
  /** See PushResponse.serverEpoch. */
  serverEpoch?: string;
  /** Added: part=history, first page only: the number of notes in the whole history. */
  total?: number;
}
