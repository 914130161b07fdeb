import { describe, expect, it } from 'vitest';
import { caseMatches, emptyCaseBody, type CaseFile } from '../../../src/model/caseFile';

const aCase = (label: string) => ({ body: { ...emptyCaseBody(), label } }) as CaseFile;

describe('caseMatches (the caseload search)', () => {
  it.each([
    ['', 'Familie Çelik', true],
    ['   ', 'Familie Çelik', true],
    ['celik', 'Familie Çelik', true],
    ['ÇELIK', 'Familie Celik', true],
    [' famil ', 'Familie Çelik', true],
    ['peeters', 'Familie Çelik', false],
    ['\u0301', 'Familie Çelik', true], // only an accent: nothing left to search for
    ['zoë', 'Gezin Zoe', true],
  ])('%j in %j → %s', (query, label, expected) => {
    expect(caseMatches(aCase(label), query)).toBe(expected);
  });
});
