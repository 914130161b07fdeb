/**
 * Code-unit order for machine strings (ISO dates and times, ids, answer keys). `localeCompare` would sort them
 * the same way but builds an ICU collator on first use, which costs a noticeable slice of a cold start on a
 * slow tablet; names shown to people keep using the language's collation.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
