import * as v from 'valibot';
import { CASE_STATUSES, CaseBodySchema } from '../model/caseFile';
import { ExampleBodySchema } from '../model/example';
import { PartnerBodySchema } from '../model/partner';
import {
  CaseRowSchema,
  ExampleRowSchema,
  FollowUpRowSchema,
  id,
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

export const COLLECTIONS = ['cases', 'notes', 'followUps', 'partners', 'examples'] as const;
export type Collection = (typeof COLLECTIONS)[number];

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
]);

export const PushRequestSchema = v.object({
  protocol: v.pipe(v.number(), v.integer()),
  clientId: id,
  mutations: v.pipe(
    v.array(
      v.object({
        mutationId: id,
        seq: v.pipe(v.number(), v.integer(), v.minValue(1)),
        createdAt: timestamp,
        mutation: MutationSchema,
        /** Per changed field, the server version the author's copy had: how conflicts are found. */
        base: v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.number(), v.integer(), v.minValue(0))),
      }),
    ),
    v.maxLength(MAX_PUSH),
  ),
});
export type PushRequest = v.InferOutput<typeof PushRequestSchema>;
export type PushedMutation = PushRequest['mutations'][number];

export type Outcome = 'applied' | 'conflict' | 'rejected';

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
}

/** A row as the server holds it: what pull, snapshot and push answers carry. */
export interface RowState {
  collection: Collection;
  id: string;
  scopeId: string;
  version: number;
  deleted: boolean;
  /** The row without sync bookkeeping, as the app stores it (body, status, dates …). */
  row: Record<string, unknown>;
  fields: Record<string, FieldStampWire>;
  conflicts: Array<{ field: string; kept: { value: unknown } & FieldStampWire; proposed: { value: unknown; by: string; at: string } }>;
}

export interface PushResponse {
  protocol: number;
  results: MutationResult[];
}

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
