import * as v from 'valibot';
import { CaseRowSchema, ExampleRowSchema, FollowUpRowSchema, id, NoteRowSchema, PartnerRowSchema } from './rowSchemas';
import { shortText } from './validation';

/**
 * A whole data set for one device: what the server sends a fresh device (demo data now, the sync snapshot later).
 * It is parsed here, once, before a single row is written.
 */
export const SnapshotSchema = v.object({
  format: v.literal('veldwerk-snapshot'),
  formatVersion: v.literal(1),
  scopes: v.object({ teamId: id, orgId: id, orgName: shortText }),
  cases: v.array(CaseRowSchema),
  notes: v.array(NoteRowSchema),
  followUps: v.array(FollowUpRowSchema),
  partners: v.array(PartnerRowSchema),
  examples: v.array(ExampleRowSchema),
});
export type Snapshot = v.InferOutput<typeof SnapshotSchema>;
