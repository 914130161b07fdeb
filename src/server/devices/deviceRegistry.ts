import { ServerError } from '../serverError';
import type { Db } from '../store/database';

/**
 * "Last seen" is written at most once a minute per device: a sync round makes several requests, and on SQLite
 * every write is an fsync. A changed app version is written at once.
 */
const SEEN_RESOLUTION_MS = 60_000;

export interface Sighting {
  clientId: string;
  userId: string;
  /** Null when the request did not say (the stored version is then kept). */
  appVersion: string | null;
}

export function deviceRevoked(): ServerError {
  return new ServerError(403, 'deviceRevoked', 'This device was revoked by an administrator: it must erase its copy of the data.');
}

export async function isRevoked(db: Db, clientId: string): Promise<boolean> {
  const row = await db.selectFrom('sync_clients').select('revoked_at').where('client_id', '=', clientId).executeTakeFirst();
  return row?.revoked_at != null;
}

/**
 * Records that a device was seen for its user: a new install is bound to that user (as a push binds it, see
 * bindClient), a known one gets its last-seen time and app version. A revoked install is refused with 403
 * `deviceRevoked`. An install bound to someone else is left as it is: it is never re-bound, and what to answer
 * is the route's business (a push refuses it in bindClient, a pull does not look at the client id).
 */
export async function recordSighting(db: Db, seen: Sighting, now: Date): Promise<void> {
  const row = await db
    .selectFrom('sync_clients')
    .select(['user_id', 'revoked_at', 'last_seen_at', 'app_version'])
    .where('client_id', '=', seen.clientId)
    .executeTakeFirst();
  const at = now.toISOString();
  if (!row) {
    await db
      .insertInto('sync_clients')
      .values({ client_id: seen.clientId, user_id: seen.userId, last_seq: 0, first_seen_at: at, last_seen_at: at, app_version: seen.appVersion })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .execute();
    return;
  }
  if (row.revoked_at !== null) throw deviceRevoked();
  if (row.user_id !== seen.userId) return;
  const stale = row.last_seen_at === null || Date.parse(row.last_seen_at) <= now.getTime() - SEEN_RESOLUTION_MS;
  const newVersion = seen.appVersion !== null && seen.appVersion !== row.app_version;
  if (!stale && !newVersion) return;
  await db
    .updateTable('sync_clients')
    .set({ last_seen_at: at, ...(newVersion ? { app_version: seen.appVersion } : {}) })
    .where('client_id', '=', seen.clientId)
    .execute();
}
