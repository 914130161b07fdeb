import { newId } from '../../model/ids';
import type { Db } from './database';

export interface AuditEntry {
  userId: string | null;
  /** A stable verb such as 'login', 'login.failed', 'logout', 'refresh.reuse', 'sync.pull', 'note.add'. */
  action: string;
  /** What was acted on (a dossier id, a user id …); never personal data itself. */
  target?: string | null;
  /** How many rows a sync push or pull touched (the rows themselves are never named here). */
  rowCount?: number | null;
  /** The device install the request came from (its `x-veldwerk-client` or push client id). */
  clientId?: string | null;
  /** The dossier the entry is about, so a case's whole history is one indexed query. */
  caseId?: string | null;
}

export async function writeAudit(db: Db, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  await writeAuditEntries(db, [entry], now);
}

/** Several entries in one statement per 500 (a push of a thousand notes writes a thousand). Returns their ids. */
export async function writeAuditEntries(db: Db, entries: AuditEntry[], now: Date = new Date()): Promise<string[]> {
  const at = now.toISOString();
  // Ids of one moment, sorted: the entries of one push keep their order when read back by id.
  const ids = entries.map(() => newId(now.getTime())).sort();
  const rows = entries.map((entry, i) => ({
    id: ids[i]!,
    at,
    user_id: entry.userId,
    action: entry.action,
    target: entry.target ?? null,
    row_count: entry.rowCount ?? null,
    client_id: entry.clientId ?? null,
    case_id: entry.caseId ?? null,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
  return ids;
}
