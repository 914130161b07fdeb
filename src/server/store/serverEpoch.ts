import { randomUUID } from 'node:crypto';
import type { Db } from './database';

const KEY = 'server_epoch';

/**
 * The server's epoch: a random id that stays the same as long as the database only moves forward. A restore
 * of an older backup gets a fresh one (renewServerEpoch), and a device that sees a different epoch than the
 * one it synced against knows its cursors may point past the server's state: it takes a fresh snapshot.
 * Read from the database on every answer (one primary-key read), so every instance sees a restore at once.
 */
export async function readServerEpoch(db: Db): Promise<string> {
  const found = await db.selectFrom('server_meta').select('value').where('key', '=', KEY).executeTakeFirst();
  if (found) return found.value;
  // Missing (deleted by hand, or a restore of a dump without it): made once, whichever instance gets there first.
  await db.insertInto('server_meta').values({ key: KEY, value: randomUUID() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const made = await db.selectFrom('server_meta').select('value').where('key', '=', KEY).executeTakeFirstOrThrow();
  return made.value;
}

/** After a restore: the database went back in time, so devices must hear a new epoch. Returns it. */
export async function renewServerEpoch(db: Db): Promise<string> {
  const epoch = randomUUID();
  await db
    .insertInto('server_meta')
    .values({ key: KEY, value: epoch })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: epoch }))
    .execute();
  return epoch;
}
