import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { RowState } from '../../sync/protocol';
import type { Database, Db } from '../store/database';
import { isPostgres } from '../store/openDatabase';
import { toRowState } from './recordStore';
import { caseOf } from './syncAudit';

/**
 * Pulled rows on their way out: a page of them is written as JSON once, here. A note (most of any pull) goes out
 * with its stored JSON as it is: parsing ~1 KB per note and writing it again took half a history page's server
 * time, and the server's CPU is what a device's first sync waits for next to its own disk.
 */
export interface WireRow {
  /** The row as the device receives it: a RowState in JSON. */
  json: string;
  /** The dossier it belongs to, for the audit (syncAudit.ts). */
  caseId: string | null;
}

/** A records row read with `caseColumn`. */
export type RecordRead = Selectable<Database['records']> & { row_case: string | null };

/**
 * A top-level field of row_json as text, on either database. Names are constants of ours, never input. ⚠ For
 * notes' caseId and date these are the expressions of index records_live_note_case_idx (migration 0009): keep them equal.
 */
export function jsonField(db: Db, table: 'records' | 'n' | 'c', name: 'caseId' | 'date' | 'status'): RawBuilder<string> {
  // On PostgreSQL through veldwerk_json_text (migration 0006): null, not an error, for a row it cannot read as JSON.
  return isPostgres(db) ? sql<string>`veldwerk_json_text(${sql.ref(`${table}.row_json`)}, ${sql.lit(name)})` : sql<string>`json_extract(${sql.ref(`${table}.row_json`)}, ${sql.lit(`$.${name}`)})`;
}

/** The column every pull query selects next to the record: the case id of its row, read by the database. */
export function caseColumn(db: Db) {
  return jsonField(db, 'records', 'caseId').as('row_case');
}

/**
 * A row as devices receive it. Which device set a field is the server's own bookkeeping (see src/sync/merge.ts):
 * it is not sent, so no one learns another person's device ids. A visit note is never changed after it is added
 * (no mutation sets its fields), so its per-field versions would never serve as a base: they are not sent at all,
 * which keeps about 700 bytes per note off the wire and off the tablet's disk.
 */
export function forDevice(record: Selectable<Database['records']>): RowState {
  const row = toRowState(record);
  if (row.collection === 'notes') return { ...row, fields: {} };
  const fields = Object.fromEntries(Object.entries(row.fields).map(([path, { client: _device, ...stamp }]) => [path, stamp]));
  return { ...row, fields };
}

export function toWire(record: RecordRead): WireRow {
  // A note whose case id the database could not read (PostgreSQL and a lone surrogate in its text) is parsed here.
  if (record.collection !== 'notes' || typeof record.row_case !== 'string') {
    const row = forDevice(record);
    return { json: JSON.stringify(row), caseId: caseOf(row) };
  }
  // The same JSON as forDevice's, key for key; row_json and conflicts_json are JSON the server wrote itself.
  const json = `{"collection":"notes","id":${JSON.stringify(record.id)},"scopeId":${JSON.stringify(record.scope_id)},"version":${Number(record.version)},"deleted":${Number(record.deleted) !== 0},"row":${record.row_json},"fields":{},"conflicts":${record.conflicts_json}}`;
  return { json, caseId: record.row_case === '' ? null : record.row_case };
}

/** A pull or snapshot answer: `meta` (protocol, cursor …) with the rows written in as they are. */
export function pageJson(meta: Record<string, unknown>, rows: readonly WireRow[]): string {
  const rest = JSON.stringify(meta);
  return `{"rows":[${rows.map((r) => r.json).join(',')}]${rest === '{}' ? '}' : `,${rest.slice(1)}`}`;
}
