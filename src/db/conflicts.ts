import { db, read } from './connection';
import type { Row, RowConflict } from '../model/rows';

/** Tables whose rows can be edited field by field, and so can hold conflicts. */
const EDITABLE = ['cases', 'partners', 'examples', 'instrumentRuns'] as const;
export type EditableCollection = (typeof EDITABLE)[number];

export interface ConflictItem {
  collection: EditableCollection;
  id: string;
  /** What the user recognises the row by: the case label, the partner's or example's name. */
  title: string;
  conflict: RowConflict;
}

/** Every open conflict on this device, for the conflicts screen and the count in the header. */
export function listConflicts(): Promise<ConflictItem[]> {
  return read(async () => {
    const items: ConflictItem[] = [];
    for (const collection of EDITABLE) {
      const rows = (await db()[collection].filter((r) => (r.conflicts?.length ?? 0) > 0).toArray()) as Array<Row<Record<string, unknown>>>;
      for (const row of rows) {
        const title = String(row.body.label ?? row.body.name ?? row.body.title ?? row.id);
        for (const conflict of row.conflicts ?? []) items.push({ collection, id: row.id, title, conflict });
      }
    }
    return items;
  });
}
