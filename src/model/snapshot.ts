import * as v from 'valibot';
import { CaseBodySchema, CASE_STATUSES } from './caseFile';
import { ExampleBodySchema } from './example';
import { FollowUpBodySchema } from './followUp';
import { PartnerBodySchema } from './partner';
import { THEMES } from './themes';
import { day, shortText } from './validation';
import { VisitNoteBodySchema } from './visitNote';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const base = {
  id,
  scopeId: id,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
};
const themes = v.array(v.picklist(THEMES));

/**
 * A whole data set for one device: what the server sends a fresh device (demo data now, the sync snapshot later).
 * It is parsed here, once, before a single row is written.
 */
export const SnapshotSchema = v.object({
  format: v.literal('veldwerk-snapshot'),
  formatVersion: v.literal(1),
  scopes: v.object({ teamId: id, orgId: id, orgName: shortText }),
  cases: v.array(v.object({ ...base, status: v.picklist(CASE_STATUSES), body: CaseBodySchema })),
  notes: v.array(v.object({ ...base, caseId: id, date: day, body: VisitNoteBodySchema })),
  followUps: v.array(
    v.object({
      ...base,
      caseId: id,
      dueDate: day,
      status: v.picklist(['open', 'done']),
      doneAt: v.union([v.literal(''), v.pipe(v.string(), v.isoTimestamp())]),
      noteId: v.union([v.literal(''), id]),
      body: FollowUpBodySchema,
    }),
  ),
  partners: v.array(v.object({ ...base, themes, body: PartnerBodySchema })),
  examples: v.array(v.object({ ...base, themes, body: ExampleBodySchema })),
});
export type Snapshot = v.InferOutput<typeof SnapshotSchema>;

