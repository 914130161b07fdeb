/** Life domains and service themes used to tag partners and practice examples. Labels live in locales. */
export const THEMES = [
  'inkomen',
  'wonen',
  'gezondheid',
  'psychisch',
  'gezin',
  'jeugd',
  'senioren',
  'werk',
  'onderwijs',
  'administratie',
  'schulden',
  'vrijeTijd',
  'onthaal',
  'netwerk',
] as const;
export type Theme = (typeof THEMES)[number];

export function isTheme(value: string): value is Theme {
  return (THEMES as readonly string[]).includes(value);
}

/** The life domains of the hulpvraag, in the order a visit note lists them. */
export const LIFE_DOMAINS = ['inkomen', 'wonen', 'gezondheid', 'gezin', 'werk', 'administratie'] as const;
export type LifeDomain = (typeof LIFE_DOMAINS)[number];
