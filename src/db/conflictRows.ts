/** Tables whose rows can be edited field by field, and so can hold conflicts. */
export const EDITABLE = ['cases', 'partners', 'examples', 'instrumentRuns'] as const;
export type EditableCollection = (typeof EDITABLE)[number];

/** A stored row with open conflicts: a non-empty list, or a sealed one (only a non-empty list is sealed). */
export function hasConflicts(row: { conflicts?: unknown }): boolean {
  return Array.isArray(row.conflicts) ? row.conflicts.length > 0 : row.conflicts !== undefined;
}
