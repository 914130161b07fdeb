import { newId } from '../../model/ids';
import type { Db } from './database';

export interface AuditEntry {
  userId: string | null;
  /** A stable verb such as 'login', 'login.failed', 'logout', 'refresh.reuse'. */
  action: string;
  /** What was acted on (a dossier id, a user id …); never personal data itself. */
  target?: string | null;
  /** How many rows a sync push or pull touched (the rows themselves are never named here). */
  rowCount?: number | null;
}

export async function writeAudit(db: Db, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ id: newId(now.getTime()), at: now.toISOString(), user_id: entry.userId, action: entry.action, target: entry.target ?? null, row_count: entry.rowCount ?? null })
    .execute();
}
