import { db, read, write } from './connection';
import type { EditableCollection } from './conflicts';
import { prepareChange, queuePrepared } from './outbox';
import { isSealedTable, openRow, sealRow } from './sealedRows';
import { optimistic, sameStored, STALE } from './sealing';
import { AppError } from '../model/appError';
import { settingField } from '../model/changeEdits';
import type { Row } from '../model/rows';

type AnyRow = Row<Record<string, unknown>> & Record<string, unknown>;
type AnyTable = { get(id: string): Promise<AnyRow | undefined>; put(row: unknown): Promise<unknown> };

/**
 * Settles one conflict with the chosen value: the row shows it at once, the conflict disappears, and a change
 * based on the kept value's version is queued, so the server applies it and clears its copy of the conflict.
 * A case's or ecogram's row is opened and sealed again outside the transaction (db/sealing.ts says why).
 */
export function resolveConflict(collection: EditableCollection, id: string, field: string, value: unknown, now = new Date()): Promise<void> {
  const table = () => db()[collection] as unknown as AnyTable;
  return optimistic(
    async () => {
      const stored = await read(() => table().get(id));
      const prev = isSealedTable(collection) ? await read(() => openRow<AnyRow>(collection, stored, { waitForUnlock: false })) : stored;
      if (!stored || !prev) throw new AppError('notFound');
      const conflicts = (prev.conflicts ?? []).filter((c) => c.field !== field);
      const next = { ...prev, conflicts, updatedAt: now.toISOString() } as AnyRow;
      if (field.startsWith('body.')) next.body = { ...prev.body, [field.slice(5)]: value };
      else next[field] = value;
      const [row, change] = await read(() =>
        Promise.all([isSealedTable(collection) ? sealRow(collection, next) : next, prepareChange(settingField(collection, id, field, value), now)]),
      );
      return { stored, prev, row, change };
    },
    ({ stored, prev, row, change }) =>
      write([collection, 'outbox'], async () => {
        if (!sameStored(await table().get(id), stored)) return STALE;
        await table().put(row);
        await queuePrepared(change, prev);
      }),
  );
}
