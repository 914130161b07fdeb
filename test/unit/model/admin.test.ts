import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CreatePersonBodySchema, DEFAULT_ORG_SETTINGS, EmptyBodySchema, ORG_SETTINGS_BOUNDS, OrgSettingsSchema, UpdatePersonBodySchema } from '../../../src/model/admin';

const ok = (schema: v.GenericSchema, input: unknown) => v.safeParse(schema, input).success;

describe('organisation settings', () => {
  it('has defaults inside its own bounds', () => {
    expect(ok(OrgSettingsSchema, DEFAULT_ORG_SETTINGS)).toBe(true);
  });

  it.each(Object.entries(ORG_SETTINGS_BOUNDS))('accepts %s at both bounds and refuses one past either', (field, { min, max }) => {
    const at = (value: unknown) => ok(OrgSettingsSchema, { ...DEFAULT_ORG_SETTINGS, [field]: value });
    expect([at(min), at(max), at(min - 1), at(max + 1), at(min + 0.5), at(String(min))]).toEqual([true, true, false, false, false, false]);
  });
});

describe('request bodies', () => {
  it('normalises a new person’s address and name', () => {
    const parsed = v.parse(CreatePersonBodySchema, { email: '  An@Test.Example ', displayName: '  An  ', role: 'worker', teamIds: [] });
    expect(parsed).toEqual({ email: 'an@test.example', displayName: 'An', role: 'worker', teamIds: [] });
  });

  it('lets a change name any of its fields, or none', () => {
    expect(ok(UpdatePersonBodySchema, {})).toBe(true);
    expect(ok(UpdatePersonBodySchema, { disabled: true, role: 'admin', displayName: 'X' })).toBe(true);
    expect(ok(UpdatePersonBodySchema, { disabled: 'true' })).toBe(false);
  });

  it('takes an empty object or nothing where a route needs no body', () => {
    expect([undefined, {}, [], [1], { a: 1 }, 'x'].map((body) => ok(EmptyBodySchema, body))).toEqual([true, true, false, false, false, false]);
  });
});
