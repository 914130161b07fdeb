import type { Collection, RowState } from '../../sync/protocol';
import type { Db } from '../store/database';
import { stampAll, withoutVersion } from '../sync/fieldPaths';
import { insertRecords, lockScopes, saveScopeVersions } from '../sync/recordStore';
import { demoSchuldhulp, SCHULDHULP_TEAM_ID } from './demoSchuldhulp';
import { DEMO_SCOPES, demoSnapshot } from './demoSnapshot';

/** Who the demo rows say set them: not a user, so a conflict on demo data names no real person. */
export const DEMO_AUTHOR = 'demo-seed';

type AnyRow = { id: string; scopeId: string; createdAt: string } & object;

/**
 * Puts the demo data set into the synced store, one scope at a time and only into an empty scope: every
 * `npm start` runs it, and what demo users changed since is left alone. Safe with several instances starting at
 * once: the scope's counter lock makes the second wait and then find the scope filled.
 */
export async function seedDemoRecords(db: Db, now: Date = new Date()): Promise<void> {
  const snapshot = demoSnapshot(now);
  const schuld = demoSchuldhulp(now);
  const scopes: Array<[string, Array<[Collection, AnyRow[]]>]> = [
    [DEMO_SCOPES.teamId, [['cases', snapshot.cases], ['notes', snapshot.notes], ['followUps', snapshot.followUps]]],
    [SCHULDHULP_TEAM_ID, [['cases', schuld.cases], ['notes', schuld.notes], ['followUps', schuld.followUps]]],
    [DEMO_SCOPES.orgId, [['partners', snapshot.partners], ['examples', snapshot.examples]]],
  ];
  for (const [scopeId, collections] of scopes) {
    await db.transaction().execute(async (trx) => {
      const version = (await lockScopes(trx, [scopeId])).get(scopeId)!;
      const filled = await trx.selectFrom('records').select('id').where('scope_id', '=', scopeId).limit(1).executeTakeFirst();
      if (filled || version > 0) return;
      const states = collections.flatMap(([collection, rows]) => rows.map((row) => ({ collection, row })));
      const rows: RowState[] = states.map(({ collection, row }, i) => {
        const stored = withoutVersion(row as unknown as Record<string, unknown>);
        const fields = stampAll(collection, stored, { version: version + i + 1, by: DEMO_AUTHOR, at: row.createdAt });
        return { collection, id: row.id, scopeId, version: version + i + 1, deleted: false, row: stored, fields, conflicts: [] };
      });
      await insertRecords(trx, rows, now);
      await saveScopeVersions(trx, new Map([[scopeId, version + rows.length]]));
    });
  }
}
