import { describe, expect, it } from 'vitest';
import { mergeFields, resolutionChange, sameValue, type MergeState } from '../../../src/sync/merge';

const stored = (): MergeState => ({
  data: { phone: '09 111', email: 'a@x.be', hours: 'ma' },
  fields: {
    phone: { version: 5, by: 'ann', at: '2026-11-20T10:00:00Z' },
    email: { version: 2, by: 'ann', at: '2026-11-01T10:00:00Z' },
    hours: { version: 2, by: 'ann', at: '2026-11-01T10:00:00Z' },
  },
  conflicts: [],
});

type Row = [name: string, fields: Record<string, unknown>, base: Record<string, number>, applied: string[], conflicted: string[]];

describe('mergeFields', () => {
  const table: Row[] = [
    ['a change based on the current version applies', { phone: '09 222' }, { phone: 5 }, ['phone'], []],
    ['a change to a field nobody touched since applies', { email: 'b@x.be' }, { email: 2 }, ['email'], []],
    ['a change to a new field applies', { notes: 'nieuw' }, {}, ['notes'], []],
    ['a stale change to a field that moved is a conflict', { phone: '09 333' }, { phone: 3 }, [], ['phone']],
    ['a stale change to the same value is no conflict and no change', { phone: '09 111' }, { phone: 3 }, [], []],
    ['different fields merge, the moved one conflicts', { phone: '09 333', hours: 'di' }, { phone: 3, hours: 2 }, ['hours'], ['phone']],
    ['a change without a base on a set field is a conflict', { email: 'c@x.be' }, {}, [], ['email']],
  ];
  it.each(table)('%s', (_name, fields, base, applied, conflicted) => {
    const result = mergeFields(stored(), { fields, base, by: 'bob', at: '2026-11-27T09:00:00Z' }, 9);
    expect(result.applied).toEqual(applied);
    expect(result.conflicted).toEqual(conflicted);
    for (const f of applied) {
      expect(result.state.data[f]).toEqual(fields[f]);
      expect(result.state.fields[f]).toEqual({ version: 9, by: 'bob', at: '2026-11-27T09:00:00Z' });
    }
    for (const f of conflicted) expect(result.state.data[f]).toEqual(stored().data[f]);
  });

  it('records both values of a conflict, with who set each and when', () => {
    const { state } = mergeFields(stored(), { fields: { phone: '09 333' }, base: { phone: 3 }, by: 'bob', at: '2026-11-27T09:00:00Z' }, 9);
    expect(state.conflicts).toEqual([
      {
        field: 'phone',
        kept: { value: '09 111', version: 5, by: 'ann', at: '2026-11-20T10:00:00Z' },
        proposed: { value: '09 333', by: 'bob', at: '2026-11-27T09:00:00Z' },
      },
    ]);
  });

  it('resolving a conflict applies the chosen value and clears the conflict', () => {
    const first = mergeFields(stored(), { fields: { phone: '09 333' }, base: { phone: 3 }, by: 'bob', at: 't1' }, 9).state;
    const conflict = first.conflicts[0]!;
    const resolved = mergeFields(first, resolutionChange(first, conflict, '09 333', 'bob', 't2'), 10);
    expect(resolved.applied).toEqual(['phone']);
    expect(resolved.state.data.phone).toBe('09 333');
    expect(resolved.state.conflicts).toEqual([]);
  });

  it('does not change the state it was given', () => {
    const before = stored();
    const snapshot = JSON.stringify(before);
    mergeFields(before, { fields: { phone: 'x', email: 'y' }, base: { phone: 0, email: 2 }, by: 'b', at: 't' }, 9);
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});

describe('sameValue', () => {
  it.each([
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [[1, 2], [2, 1], false],
    ['', null, false],
  ])('%j vs %j → %s', (a, b, expected) => expect(sameValue(a, b)).toBe(expected));
});
