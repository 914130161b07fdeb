import { isSealed, type Sealed } from '../crypto/seal';
import type { CaseFile } from '../model/caseFile';
import type { FollowUp } from '../model/followUp';
import type { InstrumentRun } from '../model/instrumentRun';
import type { RowConflict } from '../model/rows';
import type { VisitNote } from '../model/visitNote';
import { keyForWriting, openAll, placeOf, sealWith, type OpenOptions } from './sealing';

/**
 * The tables that hold client data (issue 13). Their rows keep ids, scope, case, dates, status and field stamps
 * outside, for the indexes and for sync; `body` and `conflicts` (which hold client values) are sealed. Partners,
 * practice examples and network knowledge are the organisation's shared knowledge and stay plaintext.
 */
export const SEALED_TABLES = ['cases', 'notes', 'followUps', 'instrumentRuns'] as const;
export type SealedTable = (typeof SEALED_TABLES)[number];

export function isSealedTable(table: string): table is SealedTable {
  return (SEALED_TABLES as readonly string[]).includes(table);
}

interface ClientRow {
  id: string;
  body: unknown;
  conflicts?: RowConflict[];
}

/** A row as it lies in IndexedDB: its body and conflicts sealed (or plaintext on a device without a key). */
export type StoredRow<R extends ClientRow> = Omit<R, 'body' | 'conflicts'> & { body: R['body'] | Sealed; conflicts?: RowConflict[] | Sealed };

export type StoredCase = StoredRow<CaseFile>;
export type StoredNote = StoredRow<VisitNote>;
export type StoredFollowUp = StoredRow<FollowUp>;
export type StoredRun = StoredRow<InstrumentRun>;

const conflictsPlace = (table: SealedTable, id: string) => `${placeOf(table, id)}#conflicts`;

/** Rows ready to store: sealed before the transaction that writes them (db/sealing.ts says why). */
export async function sealRows<R extends ClientRow>(table: SealedTable, rows: readonly R[]): Promise<Array<StoredRow<R>>> {
  const key = await keyForWriting();
  if (!key) return rows as unknown as Array<StoredRow<R>>;
  return Promise.all(
    rows.map(async (row) => {
      const sealed = { ...row, body: await sealWith(key, row.body, placeOf(table, row.id)) } as StoredRow<R>;
      // An empty list says nothing about a client: only a row with open conflicts carries sealed ones.
      if (row.conflicts?.length) sealed.conflicts = await sealWith(key, row.conflicts, conflictsPlace(table, row.id));
      return sealed;
    }),
  );
}

export async function sealRow<R extends ClientRow>(table: SealedTable, row: R): Promise<StoredRow<R>> {
  return (await sealRows(table, [row]))[0]!;
}

/** Stored rows opened for use. A damaged value is refused (AppError 'cannotDecrypt'), never shown as garbage. */
export async function openRows<R extends ClientRow>(table: SealedTable, stored: ReadonlyArray<StoredRow<R>>, options: OpenOptions = {}): Promise<R[]> {
  const values = await openAll<unknown>(
    stored.flatMap((row) => [
      { stored: row.body, place: placeOf(table, row.id) },
      { stored: row.conflicts, place: conflictsPlace(table, row.id) },
    ]),
    options,
  );
  return stored.map((row, i) => {
    const opened = { ...row, body: values[2 * i] } as unknown as R;
    const conflicts = values[2 * i + 1] as RowConflict[] | undefined;
    if (conflicts === undefined) delete opened.conflicts;
    else opened.conflicts = conflicts;
    return opened;
  });
}

export async function openRow<R extends ClientRow>(table: SealedTable, stored: StoredRow<R> | undefined, options: OpenOptions = {}): Promise<R | undefined> {
  return stored && (await openRows<R>(table, [stored], options))[0];
}

/** Whether a stored row still holds client data in plaintext (written before its device had a key). */
export function hasPlaintext(row: { body: unknown; conflicts?: unknown }): boolean {
  return !isSealed(row.body) || (Array.isArray(row.conflicts) && row.conflicts.length > 0);
}
