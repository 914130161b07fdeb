import type { Sealed } from '../crypto/seal';
import { aboutChange, carriesClientData, type ChangeAbout, type ClientDataMutation } from '../model/changes';
import { newId } from '../model/ids';
import type { Mutation, OutboxEntry } from '../model/mutation';
import type { Row } from '../model/rows';
import { db, read } from './connection';
import { unlockedKey } from './keyring';
import { keepObserving, keyForWriting, openAll, placeOf, sealWith, type OpenOptions } from './sealing';

/**
 * A queued change as it lies in IndexedDB. One that carries client data has its mutation sealed (issue 13) and
 * says in plaintext, in `about`, which row and fields it is about, so the queue can be searched without opening
 * it. Entries queued before sealing existed have a plaintext mutation and no `about`.
 */
export interface StoredOutboxEntry extends Omit<OutboxEntry, 'mutation'> {
  mutation: Mutation | Sealed;
  about?: ChangeAbout;
}

/** A change made ready outside its transaction: sealed, numbered, described. */
export interface PreparedChange {
  mutationId: string;
  createdAt: string;
  mutation: Mutation | Sealed;
  about: ChangeAbout;
}

const placeOfEntry = (mutationId: string) => placeOf('outbox', mutationId);

/** What a stored change is about, sealed or not. */
export function aboutOf(entry: StoredOutboxEntry): ChangeAbout {
  if (entry.about) return entry.about;
  return aboutChange(entry.mutation as Mutation);
}

/** Seals a change before its transaction starts (db/sealing.ts says why); AppError 'locked' on a locked device. */
export async function prepareChange(mutation: Mutation, now: Date): Promise<PreparedChange> {
  const mutationId = newId(now.getTime());
  const key = carriesClientData(mutation) ? await keyForWriting() : null;
  return { mutationId, createdAt: now.toISOString(), mutation: await sealWith(key, mutation, placeOfEntry(mutationId)), about: aboutChange(mutation) };
}

/**
 * Must run inside the transaction of the change it describes, so the effect and its queue entry land together.
 * `prev` is the row as it was before the change: its field versions are the base the server merges against.
 */
export async function queuePrepared(change: PreparedChange, prev?: Pick<Row<unknown>, 'fields'>): Promise<void> {
  await db().outbox.add({
    ...change,
    status: 'pending',
    base: Object.fromEntries(change.about.paths.map((path) => [path, prev?.fields?.[path]?.version ?? 0])),
  });
}

/** A change without client data (a status, a completion, the directory), queued inside its transaction. */
export async function queue(mutation: Exclude<Mutation, ClientDataMutation>, now: Date, prev?: Pick<Row<unknown>, 'fields'>): Promise<void> {
  const mutationId = newId(now.getTime());
  await queuePrepared({ mutationId, createdAt: now.toISOString(), mutation, about: aboutChange(mutation) }, prev);
}

/**
 * Local work kept at the first sign-in (db/localData.ts): queued as it is, since the device has no key yet. The
 * first unlock seals it in place (db/sealAtRest.ts).
 */
export async function queueBeforeSignIn(mutation: Mutation, now: Date): Promise<void> {
  if (unlockedKey()) throw new Error('A device with a key seals its changes: use prepareChange');
  const mutationId = newId(now.getTime());
  await queuePrepared({ mutationId, createdAt: now.toISOString(), mutation, about: aboutChange(mutation) });
}

/** Stored changes opened for use (to send, to show); a damaged one is refused, never sent as garbage. */
export async function openEntries(stored: readonly StoredOutboxEntry[], options: OpenOptions = {}): Promise<OutboxEntry[]> {
  const mutations = await openAll<Mutation>(stored.map((entry) => ({ stored: entry.mutation, place: placeOfEntry(entry.mutationId) })), options);
  return stored.map(({ about: _about, ...entry }, i) => ({ ...entry, mutation: mutations[i]! }));
}

export async function listOutbox(options: OpenOptions = {}): Promise<OutboxEntry[]> {
  return openEntries(await db().outbox.orderBy('seq').toArray(), options);
}

/** Changes the server refused, opened, for the "needs attention" list. */
export function listNeedsAttention(): Promise<OutboxEntry[]> {
  return keepObserving(read(async () => openEntries(await db().outbox.where('status').equals('needsAttention').sortBy('seq'))));
}
