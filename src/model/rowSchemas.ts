import * as v from 'valibot';
import { CaseBodySchema, CASE_STATUSES } from './caseFile';
import { ExampleBodySchema } from './example';
import { FollowUpBodySchema } from './followUp';
import { INSTRUMENT_KINDS, InstrumentBodySchema, RUN_STATUSES } from './instrumentRun';
import { PartnerBodySchema } from './partner';
import { THEMES } from './themes';
import { day } from './validation';
import { AddendumBodySchema } from './noteAddendum';
import { VisitNoteBodySchema } from './visitNote';

/** Schemas of whole stored rows, for everything that arrives from outside: snapshots and sync. */
/**
 * One safe character set for every id, on both sides: letters, digits and `._:-`, starting with a letter or
 * digit. Ids end up as database keys and in URLs; a NUL or a lone surrogate must be refused at the door (400 or
 * 'invalid'), never reach PostgreSQL (which answers a NUL in text with an error, a 500).
 */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
export const id = v.pipe(v.string(), v.regex(SAFE_ID));
const base = {
  id,
  scopeId: id,
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  updatedAt: v.pipe(v.string(), v.isoTimestamp()),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
};
const themes = v.array(v.picklist(THEMES));

export const CaseRowSchema = v.object({ ...base, status: v.picklist(CASE_STATUSES), body: CaseBodySchema });
export const NoteRowSchema = v.object({ ...base, caseId: id, date: day, body: VisitNoteBodySchema });
/** An addendum, a row of the notes collection (model/noteAddendum): no visit day, the id of its note. */
export const AddendumRowSchema = v.object({ ...base, caseId: id, date: v.literal(''), addendumOf: id, body: AddendumBodySchema });
export const FollowUpRowSchema = v.object({
  ...base,
  caseId: id,
  dueDate: day,
  status: v.picklist(['open', 'done']),
  doneAt: v.union([v.literal(''), v.pipe(v.string(), v.isoTimestamp())]),
  noteId: v.union([v.literal(''), id]),
  body: FollowUpBodySchema,
});
export const PartnerRowSchema = v.object({ ...base, themes, body: PartnerBodySchema });
export const ExampleRowSchema = v.object({ ...base, themes, body: ExampleBodySchema });
export const InstrumentRunRowSchema = v.object({
  ...base,
  instrument: v.picklist(INSTRUMENT_KINDS),
  caseId: v.union([v.literal(''), id]),
  status: v.picklist(RUN_STATUSES),
  body: InstrumentBodySchema,
});
