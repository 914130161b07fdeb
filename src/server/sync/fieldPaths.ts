import type { FieldStamp } from '../../sync/merge';
import { bodyField, TOP_LEVEL_FIELDS, type Collection } from '../../sync/protocol';

type Row = Record<string, unknown>;

/**
 * A row as merge sees it: a flat map of field path → value (`body.<key>` for each body key, plus the collection's
 * mutable top-level fields). Merging whole body keys keeps a note section or a contact list one unit.
 */
export function fieldData(collection: Collection, row: Row): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const body = isObject(row.body) ? row.body : {};
  for (const [key, value] of Object.entries(body)) data[bodyField(key)] = value;
  for (const field of TOP_LEVEL_FIELDS[collection]) if (field in row) data[field] = row[field];
  return data;
}

/** A new row's stamps: every field path set at its first version, by its author. */
export function stampAll(collection: Collection, row: Row, stamp: FieldStamp): Record<string, FieldStamp> {
  return Object.fromEntries(Object.keys(fieldData(collection, row)).map((path) => [path, { ...stamp }]));
}

/** The row as stored: the client's `version` is bookkeeping, the server's version lives beside the row. */
export function withoutVersion(row: Row): Row {
  const { version: _clientVersion, ...rest } = row;
  return rest;
}

function isObject(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
