import { db, read, write } from './connection';
import { DATA_TABLES, tableFor } from './syncStore';
import { changedPaths, collectionOf, effectOf, targetId } from '../model/changes';
import { restrictedTo } from '../model/changeEdits';
import { newId } from '../model/ids';
import type { OutboxEntry } from '../model/mutation';

/*
 * What the person does with a change the server refused (the "needs attention" list): try it again, or let it
 * go. Only the settings screen needs this, so it stays off the first screen's code.
 */

/**
 * The person tries a refused change again. One the server never answered goes back in its place; one it
 * refused is sent as a new change at the end of the queue (the server keeps its answer to the old one).
 */
export function retryChange(mutationId: string, now = new Date()): Promise<void> {
  return write([...DATA_TABLES, 'outbox', 'meta'], async () => {
    const entry = await db().outbox.where('mutationId').equals(mutationId).first();
    if (!entry || entry.status !== 'needsAttention') return;
    if (entry.withdraw) {
      await db().outbox.update(entry.seq!, { status: 'pending', error: undefined, withdraw: undefined });
      return;
    }
    await db().outbox.delete(entry.seq!);
    const again = restrictedTo(entry.mutation, await stillOwnValues(entry));
    // Every field it set was changed again by the person since: their later value stands, nothing to send.
    if (!again) return;
    await db().outbox.add({ mutationId: newId(now.getTime()), createdAt: entry.createdAt, status: 'pending', mutation: again, base: entry.base });
  });
}

/**
 * The fields of a refused change the person has not changed again since: sent again at the end of the queue,
 * an older value must not overwrite a newer one of theirs (still queued, or applied under their name).
 * Someone else's later value is kept by the original base instead: the server makes that a visible conflict.
 */
async function stillOwnValues(entry: OutboxEntry): Promise<Set<string>> {
  const target = targetId(entry.mutation);
  // Made later by the person (a change tried again keeps when it was made, not when it was queued again).
  const later = new Set(
    (await db().outbox.toArray()).filter((e) => e.status === 'pending' && e.createdAt > entry.createdAt && targetId(e.mutation) === target).flatMap((e) => changedPaths(e.mutation)),
  );
  // The server names who set each field, not from which device: a later change by this person, on any device.
  const person = ((await db().meta.get('sessionUser'))?.value as { id?: string } | undefined)?.id;
  const row = (await tableFor(collectionOf(entry.mutation)).get(target)) as { fields?: Record<string, { by: string; at: string }> } | undefined;
  const changedAgain = (path: string) => {
    const stamp = row?.fields?.[path];
    return stamp !== undefined && person !== undefined && stamp.by === person && stamp.at > entry.createdAt;
  };
  return new Set(changedPaths(entry.mutation).filter((path) => !later.has(path) && !changedAgain(path)));
}

/**
 * What discarding a refused change lets go: the change itself and, when it created a row the server never took,
 * every other queued change about that row or a row under it (a new case's notes, follow-ups, ecograms): they
 * cannot arrive without it. The screen names the text of all of them before the person confirms.
 */
export function discardSet(mutationId: string): Promise<OutboxEntry[]> {
  return read(() => collectDiscardSet(mutationId));
}

async function collectDiscardSet(mutationId: string): Promise<OutboxEntry[]> {
  const entry = await db().outbox.where('mutationId').equals(mutationId).first();
  if (!entry || entry.status !== 'needsAttention') return [];
  const effect = effectOf(entry.mutation);
  if (effect.kind !== 'create') return [entry];
  const gone = new Set([effect.row.id]);
  for (const table of ['notes', 'followUps', 'instrumentRuns'] as const) {
    for (const id of (await db()[table].where('caseId').equals(effect.row.id).primaryKeys()) as string[]) gone.add(id);
  }
  const others = (await db().outbox.orderBy('seq').toArray()).filter((other) => {
    if (other.mutationId === mutationId || other.status === 'discarded') return false;
    const about = effectOf(other.mutation);
    return gone.has(about.kind === 'create' ? about.row.id : about.id) || (about.kind === 'create' && about.caseId !== undefined && gone.has(about.caseId));
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
    const stillQueued = new Set((await db().outbox.toArray()).filter((other) => other.status !== 'discarded').map((other) => targetId(other.mutation)));
    for (const entry of entries) {
      const effect = effectOf(entry.mutation);
      if (effect.kind === 'create') {
        await tableFor(effect.collection).delete(effect.row.id);
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
