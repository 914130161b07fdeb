import { describe, expect, it } from 'vitest';
import { authorship } from '../../../src/model/authorship';

const stamp = (version: number, by: string, at = `2026-12-0${version}T09:00:00.000Z`) => ({ version, by, at });

describe('authorship: who added a shared row and who changed it last', () => {
  it.each([
    ['a row only on this device', undefined, null],
    ['created and never changed', { 'body.name': stamp(1, 'u-lotte'), themes: stamp(1, 'u-lotte') }, { author: 'u-lotte', editor: 'u-lotte', editedAt: stamp(1, '').at }],
    ['changed later by someone else', { 'body.name': stamp(1, 'u-lotte'), 'body.phone': stamp(4, 'u-samir') }, { author: 'u-lotte', editor: 'u-samir', editedAt: stamp(4, '').at }],
  ])('%s', (_name, fields, expected) => {
    expect(authorship(fields)).toEqual(expected);
  });
});
