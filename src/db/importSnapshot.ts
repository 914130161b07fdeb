import { db, write } from './connection';
import { AppError } from '../model/appError';
import { SnapshotSchema, type Snapshot } from '../model/snapshot';
import { check } from '../model/validation';

/** Parses an untrusted snapshot; a corrupt file is refused whole with a clear error, nothing written. */
export function parseSnapshot(input: unknown): Snapshot {
  const checked = check(SnapshotSchema, input);
  if (!checked.ok) throw new AppError('corruptImport', checked.problems.slice(0, 5));
  return checked.value;
}

/**
 * Writes a snapshot in one transaction. These rows come from the server, so nothing enters the outbox;
 * rows already on the device are replaced by id.
 */
export async function importSnapshot(snapshot: Snapshot): Promise<void> {
  await write(['cases', 'notes', 'followUps', 'partners', 'examples', 'meta'], async () => {
    // A sign-in that finished while the demo was on its way: the organisation's data must not meet the demo's.
    if (await db().meta.get('sessionUser')) return;
    await db().cases.bulkPut(snapshot.cases);
    await db().notes.bulkPut(snapshot.notes);
    await db().followUps.bulkPut(snapshot.followUps);
    await db().partners.bulkPut(snapshot.partners);
    await db().examples.bulkPut(snapshot.examples);
    await db().meta.put({ key: 'orgName', value: snapshot.scopes.orgName });
  });
}

/** A device that holds data, or whose person signed in, never receives the demo data set. */
export async function hasAnyData(): Promise<boolean> {
  const marked = await db().meta.bulkGet(['orgName', 'sessionUser']);
  return marked.some((entry) => entry !== undefined) || (await db().cases.limit(1).count()) > 0;
}
