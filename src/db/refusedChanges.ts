import { db, read, write } from './connection';
import { aboutOf, openEntries, prepareChange, type StoredOutboxEntry } from './outbox';
import { optimistic, sameStored, STALE } from './sealing';
import { DATA_TABLES, tableFor } from './syncStore';
import { restrictedTo } from '../model/changeEdits';
import type { OutboxEntry } from '../model/mutation';
import { ADDENDUM_DAY } from '../model/noteAddendum';

/*
 * What the person does with a change the server refused (the "needs attention" list): try it again, or let it
 * go. Only the settings screen needs this, so it stays off the first screen's code.
 */

const entryOf = (mutationId: string) => db().outbox.where('mutationId').equals(mutationId).first();

/** What a retry depends on besides the entry: the person's later changes of the row and the row's stamps. */
async function retryState(target: string, collection: Parameters<typeof tableFor>[0]): Promise<string> {
  const later = (await db().outbox.where('status').equals('pending').toArray()).filter((e) => aboutOf(e).id === target).map((e) => e.seq);
  const row = (await tableFor(collection).get(target)) as { fields?: unknown } | undefined;
  return JSON.stringify([later, row?.fields ?? null]);
}

/**
 * The person tries a refused change again. One the server never answered goes back in its place; one it
 * refused is sent as a new change at the end of the queue (the server keeps its answer to the old one). A sealed
 * change is opened and the new one sealed outside the transaction (db/sealing.ts says why).
 */
export function retryChange(mutationId: string, now = new Date()): Promise<void> {
  return optimistic(
    async () => {
      const entry = await read(() => entryOf(mutationId));
      if (!entry || entry.status !== 'needsAttention' || entry.withdraw) return { entry, again: null };
      const about = aboutOf(entry);
      const [opened] = await read(() => openEntries([entry], { waitForUnlock: false }));
      const state = await read(() => retryState(about.id, about.collection));
      const mutation = restrictedTo(opened!.mutation, await read(() => stillOwnValues(entry)));
      // Every field it set was changed again by the person since: their later value stands, nothing to send.
      return { entry, state, again: mutation && (await read(() => prepareChange(mutation, now))) };
    },
    ({ entry, state, again }) =>
      write([...DATA_TABLES, 'outbox', 'meta'], async () => {
        const current = await entryOf(mutationId);
        if (!sameStored(current, entry)) return STALE;
        if (!entry || entry.status !== 'needsAttention') return;
        if (entry.withdraw) {
          await db().outbox.update(entry.seq!, { status: 'pending', error: undefined, withdraw: undefined });
          return;
        }
        const about = aboutOf(entry);
        if ((await retryState(about.id, about.collection)) !== state) return STALE;
        await db().outbox.delete(entry.seq!);
        // A change tried again keeps when it was made, and the base it was made on.
        if (again) await db().outbox.add({ ...again, createdAt: entry.createdAt, status: 'pending', base: entry.base });
      }),
  );
}

/**
 * The fields of a refused change the person has not changed again since: sent again at the end of the queue,
 * an older value must not overwrite a newer one of theirs (still queued, or applied under their name).
 * Someone else's later value is kept by the original base instead: the server makes that a visible conflict.
 */
async function stillOwnValues(entry: StoredOutboxEntry): Promise<Set<string>> {
  const about = aboutOf(entry);
  // Made later by the person (a change tried again keeps when it was made, not when it was queued again).
  const later = new Set(
    (await db().outbox.toArray()).filter((e) => e.status === 'pending' && e.createdAt > entry.createdAt && aboutOf(e).id === about.id).flatMap((e) => aboutOf(e).paths),
  );
  // The server names who set each field, not from which device: a later change by this person, on any device.
  const person = ((await db().meta.get('sessionUser'))?.value as { id?: string } | undefined)?.id;
  const row = (await tableFor(about.collection).get(about.id)) as { fields?: Record<string, { by: string; at: string }> } | undefined;
  const changedAgain = (path: string) => {
    const stamp = row?.fields?.[path];
    return stamp !== undefined && person !== undefined && stamp.by === person && stamp.at > entry.createdAt;
  };
  return new Set(about.paths.filter((path) => !later.has(path) && !changedAgain(path)));
}

/**
 * What discarding a refused change lets go: the change itself and, when it created a row the server never took,
 * every other queued change about that row or a row under it (a new case's notes, follow-ups, ecograms): they
 * cannot arrive without it. The screen names the text of all of them before the person confirms.
 */
export async function discardSet(mutationId: string): Promise<OutboxEntry[]> {
  const stored = await read(() => collectDiscardSet(mutationId));
  return read(() => openEntries(stored));
}

async function collectDiscardSet(mutationId: string): Promise<StoredOutboxEntry[]> {
  const entry = await entryOf(mutationId);
  if (!entry || entry.status !== 'needsAttention') return [];
  const about = aboutOf(entry);
  if (about.kind !== 'create') return [entry];
  const gone = new Set([about.id]);
  for (const table of ['notes', 'followUps', 'instrumentRuns'] as const) {
    for (const id of (await db()[table].where('caseId').equals(about.id).primaryKeys()) as string[]) gone.add(id);
  }
  // A note's addenda hang under it (addendumOf, in plaintext): without the note the server refuses them too.
  if (about.collection === 'notes' && about.caseId) {
    const addenda = (await db().notes.where('[caseId+date]').equals([about.caseId, ADDENDUM_DAY]).toArray()) as Array<{ id: string; addendumOf?: string }>;
    for (const addendum of addenda) if (addendum.addendumOf === about.id) gone.add(addendum.id);
  }
  const others = (await db().outbox.orderBy('seq').toArray()).filter((other) => {
    if (other.mutationId === mutationId || other.status === 'discarded') return false;
    const otherAbout = aboutOf(other);
    return gone.has(otherAbout.id) || (otherAbout.kind === 'create' && otherAbout.caseId !== undefined && gone.has(otherAbout.caseId));
  });
  return [entry, ...others];
}

/**
 * The person lets a refused change go (with the others of discardSet). What it made on this device goes too: a
 * row it created leaves the device (the server never took it); a row it changed is copied afresh from the server
 * at the next sync, so the device shows the server's values again. A change the server has not answered yet
 * keeps its place in the numbering (sent as withdrawn) until it has.
 */
export function discardChange(mutationId: string): Promise<void> {
  return write([...DATA_TABLES, 'outbox', 'syncScopes'], async () => {
    const entries = await collectDiscardSet(mutationId);
    for (const entry of entries) {
      const unanswered = entry.withdraw || entry.status === 'pending';
      if (unanswered) await db().outbox.update(entry.seq!, { status: 'discarded', withdraw: true });
      else await db().outbox.delete(entry.seq!);
    }
    // The rows other changes still wait for, read once after the discards above.
    const stillQueued = new Set((await db().outbox.toArray()).filter((other) => other.status !== 'discarded').map((other) => aboutOf(other).id));
    for (const entry of entries) {
      const effect = aboutOf(entry);
      if (effect.kind === 'create') {
        await tableFor(effect.collection).delete(effect.id);
        continue;
      }
      if (stillQueued.has(effect.id)) continue;
      const row = (await tableFor(effect.collection).get(effect.id)) as { scopeId?: string } | undefined;
      // The scope is copied afresh either way. The server said it has no such row (a restore from an older backup
      // lost it): the device's copy goes too, and comes back with the copy if the server has it after all.
      if (entry.error === 'notFound') await tableFor(effect.collection).delete(effect.id);
      if (row?.scopeId) await db().syncScopes.delete(row.scopeId);
    }
  });
}
