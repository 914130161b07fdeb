import type { Table } from 'dexie';
import { AppError } from '../model/appError';
import type { Mutation } from '../model/mutation';
import type { Row } from '../model/rows';
import { db, read, write } from './connection';
import { prepareChange, queuePrepared } from './outbox';
import { openRow, sealRow, type SealedTable, type StoredRow } from './sealedRows';
import { optimistic, sameStored, STALE } from './sealing';

/**
 * One edit of one sealed row, as one intent: `edit` gets the row opened and answers the next row and the change
 * to queue, or null when nothing differs. Both are sealed outside the transaction and written only if the row is
 * still as read (db/sealing.ts optimistic); the change is based on the row as it was. A locked device is refused
 * at once (AppError 'locked'), never left waiting for the unlock.
 */
export function changeSealedRow<R extends Row<unknown>>(table: SealedTable, id: string, edit: (prev: R) => { next: R; mutation: Mutation } | null, now: Date): Promise<void> {
  const rows = () => db()[table] as unknown as Table<StoredRow<R>, string>;
  return optimistic(
    async () => {
      const stored = await read(() => rows().get(id));
      const prev = await read(() => openRow<R>(table, stored, { waitForUnlock: false }));
      if (!stored || !prev) throw new AppError('notFound');
      const edited = edit(prev);
      if (!edited) return { stored, prev, sealed: null };
      const sealed = await read(() => Promise.all([sealRow(table, edited.next), prepareChange(edited.mutation, now)]));
      return { stored, prev, sealed };
    },
    ({ stored, prev, sealed }) =>
      write([table, 'outbox'], async () => {
        if (!sameStored(await rows().get(id), stored)) return STALE;
        if (!sealed) return;
        await rows().put(sealed[0]);
        await queuePrepared(sealed[1], prev);
      }),
  );
}
