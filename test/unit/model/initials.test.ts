import { describe, expect, it } from 'vitest';
import { initials } from '../../../src/model/initials';

describe('initials for the discreet mode', () => {
  it.each([
    ['Gezin Demo-Peeters (fictief)', 'G. D.-P.'],
    ['Mevrouw Voorbeeld-Claes', 'M. V.-C.'],
    ['meneer de Smet', 'M. D. S.'],
    ['Ömer Çelik', 'Ö. Ç.'],
    ['  Anna   ', 'A.'],
    ['"Jan" (zoon) Peeters', 'J. P.'],
    ['Gezin 2B', 'G. 2.'],
    ['(fictief)', '…'],
    ['', '…'],
    ['Zoë-', 'Z.'],
  ])('%j → %j', (name, expected) => expect(initials(name)).toBe(expected));
});
