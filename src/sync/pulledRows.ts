import * as v from 'valibot';
import type { IncomingRow } from '../db/syncStore';
import type { Collection } from '../model/collections';
import { AddendumRowSchema, CaseRowSchema, ExampleRowSchema, FollowUpRowSchema, InstrumentRunRowSchema, NoteRowSchema, PartnerRowSchema } from '../model/rowSchemas';
import type { RowState } from './protocol';

/**
 * A row as a pull delivers it, per collection: everything sync and the indexes rely on (ids, scope, dates,
 * status, case) is checked; the body only has to be an object, so a row written by an older or newer app
 * version is still taken (the screens read bodies defensively) rather than lost on this device.
 */
const pulledBody = { body: v.looseObject({}) };
const PULLED_ROW_SCHEMAS = {
  cases: v.looseObject({ ...CaseRowSchema.entries, ...pulledBody }),
  // A visit note, or an addendum to one (model/noteAddendum).
  notes: v.union([v.looseObject({ ...NoteRowSchema.entries, ...pulledBody }), v.looseObject({ ...AddendumRowSchema.entries, ...pulledBody })]),
  followUps: v.looseObject({ ...FollowUpRowSchema.entries, ...pulledBody }),
  partners: v.looseObject({ ...PartnerRowSchema.entries, ...pulledBody }),
  examples: v.looseObject({ ...ExampleRowSchema.entries, ...pulledBody }),
  instrumentRuns: v.looseObject({ ...InstrumentRunRowSchema.entries, ...pulledBody }),
} satisfies Record<Collection, v.GenericSchema>;

/** What a sync run counts of the rows it pulled (SyncReport has both). */
export interface PullCount {
  pulled: number;
  unreadable: number;
}

/**
 * A pulled row in the shape the device stores, parsed by its collection's schema first. One the device cannot
 * read is left out and counted (report.unreadable), never written half-understood.
 */
export function readPage(rows: RowState[], report: PullCount): IncomingRow[] {
  const incoming: IncomingRow[] = [];
  for (const state of rows) {
    // One copy, checked and kept: a first sync reads tens of thousands of rows.
    const row = { ...state.row, id: state.id, scopeId: state.scopeId, version: state.version, fields: state.fields, conflicts: state.conflicts };
    if (!state.deleted && !v.is(PULLED_ROW_SCHEMAS[state.collection], row)) {
      report.unreadable++;
      continue;
    }
    incoming.push({ collection: state.collection, id: state.id, deleted: state.deleted, row });
  }
  return incoming;
}
