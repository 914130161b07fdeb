import { describe, expect, it } from 'vitest';
import { forDevice, pageJson, toWire, type RecordRead } from '../../../src/server/sync/wireRows';

const note = { id: 'n1', scopeId: 't1', caseId: 'c1', date: '2026-12-01', body: { text: 'Zegt "genoeg" \u2028 en \\ meer 🙂' } };
const record = (over: Partial<RecordRead>): RecordRead => ({
  collection: 'notes',
  id: 'n1',
  scope_id: 't1',
  version: 7,
  deleted: 0,
  row_json: JSON.stringify(note),
  fields_json: JSON.stringify({ 'body.text': { version: 7, client: 'device-a' } }),
  conflicts_json: '[]',
  updated_at: '2026-12-01T10:00:00.000Z',
  row_case: 'c1',
  ...over,
});

describe('toWire: a row as the device receives it, written once', () => {
  it.each([
    ['a note, its stored JSON spliced in', record({}), 'c1'],
    ['a note whose case id the database could not read (parsed instead)', record({ row_case: null }), 'c1'],
    ['a deleted note (a tombstone keeps no content)', record({ deleted: 1, row_json: '{}', row_case: null }), null],
    ['a note with a conflict', record({ conflicts_json: JSON.stringify([{ path: 'body.text', value: 'x', version: 3 }]) }), 'c1'],
    ['a case (its own dossier), field stamps without the device', record({ collection: 'cases', id: 'c1', row_json: JSON.stringify({ id: 'c1', body: { label: 'X' } }), row_case: null }), 'c1'],
    ['a follow-up under a case', record({ collection: 'followUps', id: 'f1', row_json: JSON.stringify({ id: 'f1', caseId: 'c2' }), row_case: 'c2' }), 'c2'],
  ])('%s', (_name, rec, caseId) => {
    const wire = toWire(rec);
    expect(JSON.parse(wire.json)).toEqual(forDevice(rec));
    expect(wire.caseId).toBe(caseId);
  });

  it('sends no field stamps of a note and no device id of any row', () => {
    expect(JSON.parse(toWire(record({})).json).fields).toEqual({});
    expect(toWire(record({ collection: 'cases', row_case: null })).json).not.toContain('device-a');
  });
});

describe('pageJson', () => {
  it.each([
    ['rows and meta', [toWire(record({}))], { protocol: 1, cursor: 7, nextAfter: null }],
    ['no rows', [], { protocol: 1, more: false }],
    ['no meta', [toWire(record({}))], {}],
  ])('%s: the same JSON as writing the whole answer at once', (_name, rows, meta) => {
    expect(JSON.parse(pageJson(meta, rows))).toEqual({ ...meta, rows: rows.map((r) => JSON.parse(r.json)) });
  });
});
