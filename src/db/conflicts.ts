import { db, read } from './connection';
import { isSealedTable, openRows } from './sealedRows';
import { keepObserving } from './sealing';
import type { Row, RowConflict } from '../model/rows';

import { EDITABLE, hasConflicts, type EditableCollection } from './conflictRows';

export type { EditableCollection };

export interface ConflictItem {
  collection: EditableCollection;
  id: string;
  /** What the user recognises the row by: the case label, the partner's or example's name. */
  title: string;
  conflict: RowConflict;
}

/** Every open conflict on this device, for the conflicts screen and the count in the header. */
export function listConflicts(): Promise<ConflictItem[]> {
  return keepObserving(read(async () => {
    const items: ConflictItem[] = [];
    // Every table read first, then opened: a live query observes the reads (see keepObserving).
    const stored = await Promise.all(
      EDITABLE.map((collection) =>
        (db()[collection] as unknown as { filter(f: (r: { conflicts?: unknown }) => boolean): { toArray(): Promise<Array<Row<Record<string, unknown>>>> } }).filter(hasConflicts).toArray(),
      ),
    );
    for (const [i, collection] of EDITABLE.entries()) {
      const rows = isSealedTable(collection) ? await openRows<Row<Record<string, unknown>>>(collection, stored[i]!) : stored[i]!;
      for (const row of rows) {
        const title = String(row.body.label ?? row.body.name ?? row.body.title ?? row.id);
        for (const conflict of row.conflicts ?? []) items.push({ collection, id: row.id, title, conflict });
      }
    }
    return items;
  }));
}
