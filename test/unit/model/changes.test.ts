import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { changedPaths, collectionOf, overlay, targetId } from '../../../src/model/changes';
import { settingField } from '../../../src/model/changeEdits';
import { COLLECTION_RULES, COLLECTIONS, type Collection } from '../../../src/model/collections';
import type { Mutation, MutationType } from '../../../src/model/mutation';
import { MutationSchema, TOP_LEVEL_FIELDS } from '../../../src/sync/protocol';

describe('the wire schema and the TypeScript union', () => {
  it('describe the same changes (checked by the compiler)', () => {
    type Wire = v.InferOutput<typeof MutationSchema>;
    expectTypeOf<Wire['type']>().toEqualTypeOf<MutationType>();
    expectTypeOf<Mutation>().toMatchTypeOf<Wire>();
    expectTypeOf<Wire>().toMatchTypeOf<Mutation>();
  });
});

const row = { id: 'r1', scopeId: 'team-a', caseId: 'c1', status: 'open', doneAt: '', themes: [], body: { label: 'Oud', phone: 'oud' } };

/** One line per change type: a Record over MutationType, so a new type without a line does not compile. */
const TABLE: Record<MutationType, { m: Mutation; collection: Collection; paths: string[]; laid: Record<string, unknown> | 'unchanged' }> = {
  'case.create': { m: { type: 'case.create', row: { id: 'r1' } as never }, collection: 'cases', paths: [], laid: 'unchanged' },
  'case.setFields': { m: { type: 'case.setFields', id: 'r1', fields: { label: 'Nieuw' } }, collection: 'cases', paths: ['body.label'], laid: { body: { label: 'Nieuw', phone: 'oud' } } },
  'case.transition': { m: { type: 'case.transition', id: 'r1', status: 'closed' }, collection: 'cases', paths: ['status'], laid: { status: 'closed' } },
  'note.add': { m: { type: 'note.add', row: { id: 'r1' } as never }, collection: 'notes', paths: [], laid: 'unchanged' },
  'note.addAddendum': { m: { type: 'note.addAddendum', row: { id: 'r1' } as never }, collection: 'notes', paths: [], laid: 'unchanged' },
  'followUp.add': { m: { type: 'followUp.add', row: { id: 'r1' } as never }, collection: 'followUps', paths: [], laid: 'unchanged' },
  'followUp.complete': { m: { type: 'followUp.complete', id: 'r1', doneAt: '2026-12-03T10:00:00.000Z' }, collection: 'followUps', paths: ['status', 'doneAt'], laid: { status: 'done', doneAt: '2026-12-03T10:00:00.000Z' } },
  'followUp.reopen': { m: { type: 'followUp.reopen', id: 'r1' }, collection: 'followUps', paths: ['status', 'doneAt'], laid: { status: 'open', doneAt: '' } },
  'partner.create': { m: { type: 'partner.create', row: { id: 'r1' } as never }, collection: 'partners', paths: [], laid: 'unchanged' },
  'partner.setFields': { m: { type: 'partner.setFields', id: 'r1', fields: { phone: '09 000 00 00' }, themes: ['wonen'] }, collection: 'partners', paths: ['body.phone', 'themes'], laid: { body: { label: 'Oud', phone: '09 000 00 00' }, themes: ['wonen'] } },
  'example.create': { m: { type: 'example.create', row: { id: 'r1' } as never }, collection: 'examples', paths: [], laid: 'unchanged' },
  'example.setFields': { m: { type: 'example.setFields', id: 'r1', fields: { title: 'T' } }, collection: 'examples', paths: ['body.title'], laid: { body: { label: 'Oud', phone: 'oud', title: 'T' } } },
  'instrumentRun.start': { m: { type: 'instrumentRun.start', row: { id: 'r1' } as never }, collection: 'instrumentRuns', paths: [], laid: 'unchanged' },
  'instrumentRun.setAnswers': { m: { type: 'instrumentRun.setAnswers', id: 'r1', answers: { q1: 'ja' } as never }, collection: 'instrumentRuns', paths: ['body.q1'], laid: { body: { label: 'Oud', phone: 'oud', q1: 'ja' } } },
  'instrumentRun.setStatus': { m: { type: 'instrumentRun.setStatus', id: 'r1', status: 'done' }, collection: 'instrumentRuns', paths: ['status'], laid: { status: 'done' } },
};

describe('one definition per change type', () => {
  it.each(Object.entries(TABLE))('%s: its collection, target, changed paths and how it lies over a pulled row', (_type, line) => {
    expect(collectionOf(line.m)).toBe(line.collection);
    expect(targetId(line.m)).toBe('r1');
    expect(changedPaths(line.m)).toEqual(line.paths);
    const laid = overlay(row, line.m);
    expect(laid).toEqual(line.laid === 'unchanged' ? row : { ...row, ...line.laid });
    // Every path a change sets is one sync versions: a body key or a top-level field of its collection.
    for (const path of line.paths) expect(path.startsWith('body.') || TOP_LEVEL_FIELDS[line.collection].includes(path)).toBe(true);
  });

  it('turns a settled conflict back into the change that sets that one field', () => {
    const cases: Array<[Collection, string, unknown, string[]]> = [
      ['cases', 'status', 'closed', ['status']],
      ['cases', 'body.label', 'Nieuw', ['body.label']],
      ['partners', 'themes', ['wonen'], ['themes']],
      ['partners', 'body.phone', '09', ['body.phone']],
      ['examples', 'body.title', 'T', ['body.title']],
      ['instrumentRuns', 'status', 'done', ['status']],
      ['instrumentRuns', 'body.q1', 'ja', ['body.q1']],
    ];
    for (const [collection, path, value, paths] of cases) {
      const m = settingField(collection, 'r1', path, value);
      expect([collectionOf(m), changedPaths(m)]).toEqual([collection, paths]);
      expect(overlay(row, m)).toEqual(path.startsWith('body.') ? { ...row, body: { ...row.body, [path.slice(5)]: value } } : { ...row, [path]: value });
    }
  });

  it('declares every collection’s rules once', () => {
    expect(Object.keys(COLLECTION_RULES).sort()).toEqual([...COLLECTIONS].sort());
  });
});
