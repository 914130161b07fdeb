import { isSealed } from '../crypto/seal';
import { AppError } from '../model/appError';
import { aboutChange, carriesClientData } from '../model/changes';
import type { Mutation } from '../model/mutation';
import { db, read, write } from './connection';
import { unlockedKey } from './keyring';
import { getMeta, setMeta } from './meta';
import type { StoredOutboxEntry } from './outbox';
import { hasPlaintext, openRows, SEALED_TABLES, sealRows, type SealedTable } from './sealedRows';
import { placeOf, sameStored, sealWith } from './sealing';

/**
 * Seals in place what a device still holds in plaintext (issue 13, point 5): the rows, drafts and queued changes
 * written before it had a key (a device in use before this version, local work kept at the first sign-in). Runs
 * after an unlock or sign-in, in pieces, each written only if the row is still as it was read (another tab or a
 * sync may write meanwhile); it does its work once per device and then only looks at a flag.
 */
const DONE = 'sealedAtRest';
const PIECE = 500;

/** How many values this pass sealed, and how many it left because they changed meanwhile. */
interface Tally {
  sealed: number;
  left: number;
}

export async function sealAtRest(): Promise<Tally> {
  const tally = { sealed: 0, left: 0 };
  if (!unlockedKey() || (await getMeta(DONE)) === true) return tally;
  for (const table of SEALED_TABLES) await sealTable(table, tally);
  await sealDrafts(tally);
  await sealOutbox(tally);
  // A value that met a newer write was left: the next unlock tries again (a newer write is sealed already,
  // unless it came from a device state without key, which only the first sign-in has).
  if (tally.left === 0) await setMeta(DONE, true);
  return tally;
}

type AnyTable = {
  orderBy(index: string): { limit(n: number): { toArray(): Promise<Array<{ id: string; body: unknown }>> } };
  where(index: string): { above(key: string): { limit(n: number): { toArray(): Promise<Array<{ id: string; body: unknown }>> } } };
  bulkGet(ids: string[]): Promise<Array<unknown>>;
  bulkPut(rows: unknown[]): Promise<unknown>;
};
const tableOf = (table: SealedTable | 'drafts') => db()[table] as unknown as AnyTable;

/** Walks a table in primary-key order, a piece at a time, handing each piece to `seal`. */
/** The key, or AppError 'locked' when the device locked during the pass: nothing is ever written unsealed. */
function keyNow(): CryptoKey {
  const key = unlockedKey();
  if (!key) throw new AppError('locked');
  return key;
}

type Piece = Array<{ id: string; body: unknown }>;

async function inPieces(table: SealedTable | 'drafts', seal: (rows: Piece) => Promise<void>): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const piece: Piece = await read(() => (from === null ? tableOf(table).orderBy(':id') : tableOf(table).where(':id').above(from)).limit(PIECE).toArray());
    if (piece.length === 0) return;
    after = piece[piece.length - 1]!.id;
    await seal(piece);
  }
}

/** Writes the sealed rows whose stored form is still `before`, and counts them and the ones left. */
async function putIfUnchanged(table: SealedTable | 'drafts', before: Piece, after: unknown[], tally: Tally): Promise<void> {
  const written = await write([table], async () => {
    const now = await tableOf(table).bulkGet(before.map((row) => row.id));
    const fresh = after.filter((_, i) => sameStored(now[i], before[i]));
    await tableOf(table).bulkPut(fresh);
    return fresh.length;
  });
  tally.sealed += written;
  tally.left += before.length - written;
}

function sealTable(table: SealedTable, tally: Tally): Promise<void> {
  return inPieces(table, async (piece) => {
    const plain = piece.filter(hasPlaintext);
    if (plain.length === 0) return;
    // Opened first: a row whose body is sealed may still carry plaintext conflicts.
    const rows = await read(async () => sealRows(table, await openRows(table, plain as never[])));
    await putIfUnchanged(table, plain, rows, tally);
  });
}

function sealDrafts(tally: Tally): Promise<void> {
  return inPieces('drafts', async (piece) => {
    const plain = piece.filter((draft) => !isSealed(draft.body));
    if (plain.length === 0) return;
    const key = keyNow();
    const rows = await Promise.all(plain.map(async (draft) => ({ ...draft, body: await sealWith(key, draft.body, placeOf('drafts', draft.id)) })));
    await putIfUnchanged('drafts', plain, rows, tally);
  });
}

/** A queued change without `about`, or with client data in plaintext. */
function outboxNeedsSealing(entry: StoredOutboxEntry): boolean {
  return !entry.about || (!isSealed(entry.mutation) && carriesClientData(entry.mutation));
}

async function sealOutbox(tally: Tally): Promise<void> {
  const plain = await read(async () => (await db().outbox.toArray()).filter(outboxNeedsSealing));
  if (plain.length === 0) return;
  const key = keyNow();
  const sealed = await Promise.all(
    plain.map(async (entry): Promise<StoredOutboxEntry> => {
      const mutation = entry.mutation as Mutation;
      const stored = carriesClientData(mutation) ? await sealWith(key, mutation, placeOf('outbox', entry.mutationId)) : mutation;
      return { ...entry, mutation: stored, about: aboutChange(mutation) };
    }),
  );
  const written = await write(['outbox'], async () => {
    const now = await db().outbox.bulkGet(plain.map((entry) => entry.seq!));
    const fresh = sealed.filter((_, i) => sameStored(now[i], plain[i]));
    await db().outbox.bulkPut(fresh);
    return fresh.length;
  });
  tally.sealed += written;
  tally.left += plain.length - written;
}

/** How many stored values are still plaintext client data (0 once everything is sealed). */
export async function stillPlaintext(): Promise<number> {
  return read(async () => {
    let count = 0;
    for (const table of SEALED_TABLES) count += await (db()[table] as unknown as { filter(f: (r: { body: unknown }) => boolean): { count(): Promise<number> } }).filter(hasPlaintext).count();
    count += await db().drafts.filter((draft) => !isSealed(draft.body)).count();
    count += await db().outbox.filter(outboxNeedsSealing).count();
    return count;
  });
}
