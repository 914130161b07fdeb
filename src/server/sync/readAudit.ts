import type { AuditEntry } from '../store/auditLog';
import { writeAuditEntries } from '../store/auditLog';
import type { Db } from '../store/database';

/** Past this many remembered entries the memory starts over (a new entry per dossier, as after a restart). */
const MAX_REMEMBERED = 200_000;

/**
 * Pulls and snapshots audited as one entry per person, device, action, dossier and day. A first sync reads a
 * dossier's notes over dozens of pages: an entry per page and dossier made the log long to read, and made each
 * page's write slower as the log grew (an insert at a random place of the case index per dossier, page after
 * page: half of a history page's server time). Later pages of the same day add their rows to that day's entry.
 * The entries written today are remembered by this server process only: another instance, or a restart, starts
 * a new entry for the day. An entry is never lost, at worst split in two.
 */
export function readAuditor(db: Db): (entries: AuditEntry[], now?: Date) => Promise<void> {
  let day = '';
  const written = new Map<string, string>();
  return async (entries, now = new Date()) => {
    if (entries.length === 0) return;
    const today = now.toISOString().slice(0, 10);
    if (today !== day || written.size > MAX_REMEMBERED) {
      written.clear();
      day = today;
    }
    const fresh: AuditEntry[] = [];
    // The entries to add to, by the number of rows to add (a page adds 1 or 2 to most): one statement each.
    const more = new Map<number, Array<{ id: string; entry: AuditEntry }>>();
    for (const entry of entries) {
      const id = written.get(keyOf(entry));
      const rows = entry.rowCount ?? 0;
      if (id === undefined) fresh.push(entry);
      else if (more.has(rows)) more.get(rows)!.push({ id, entry });
      else more.set(rows, [{ id, entry }]);
    }
    const ids = await db.transaction().execute(async (trx) => {
      for (const [rows, known] of more) {
        const ids = known.map((k) => k.id);
        const { numUpdatedRows } = await trx.updateTable('audit_log').set((eb) => ({ row_count: eb('row_count', '+', rows) })).where('id', 'in', ids).executeTakeFirstOrThrow();
        if (Number(numUpdatedRows) === ids.length) continue;
        // An entry gone meanwhile (the database restored from a backup): written anew.
        const still = new Set((await trx.selectFrom('audit_log').select('id').where('id', 'in', ids).execute()).map((r) => r.id));
        fresh.push(...known.filter((k) => !still.has(k.id)).map((k) => k.entry));
      }
      return writeAuditEntries(trx, fresh, now);
    });
    fresh.forEach((entry, i) => written.set(keyOf(entry), ids[i]!));
  };
}

function keyOf(entry: AuditEntry): string {
  return JSON.stringify([entry.userId, entry.clientId ?? null, entry.action, entry.target ?? null, entry.caseId ?? null]);
}
