/**
 * A client's name shortened to initials for the discreet mode (issue 13): "Gezin Demo-Peeters" → "G. D.-P.".
 * Words in brackets ("(fictief)") are left out; a word's hyphenated parts keep their hyphen. Small on purpose:
 * the caseload, the first screen, draws it.
 */
export function initials(name: string): string {
  const short = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .map((word) =>
      word
        .split('-')
        .map((part) => /[\p{L}\p{N}]/u.exec(part)?.[0].toLocaleUpperCase('nl'))
        .filter(Boolean)
        .map((first) => `${first}.`)
        .join('-'),
    )
    .filter(Boolean)
    .join(' ');
  return short || '…';
}
