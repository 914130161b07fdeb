import Dexie, { type Table } from 'dexie';
import type { Example } from '../model/example';
import type { Partner } from '../model/partner';
import type { VisitNoteBody } from '../model/visitNote';
import type { StoredOutboxEntry } from './outbox';
import type { StoredCase, StoredFollowUp, StoredNote, StoredRun } from './sealedRows';

/**
 * A visit note being written: saved as the user types, local to this device, never synced. Its body is sealed
 * at rest once someone signed in (db/drafts.ts, db/sealing.ts); drafts.ts hands it out opened.
 */
export interface Draft {
  id: string;
  caseId: string;
  updatedAt: string;
  body: VisitNoteBody;
}

/**
 * A plain form's typed values kept over a lock (db/keptForms.ts): in the drafts table, id `form:<place>`, no
 * case. Always sealed (only a signed-in device keeps them).
 */
export interface KeptFormRow {
  id: string;
  caseId: string;
  updatedAt: string;
  body: unknown;
}

/** When this device last opened a case: drives "recently visited first" and stays on the device. */
export interface CaseView {
  caseId: string;
  openedAt: string;
}

/** Sync progress per scope (team or organisation): the pull cursor, and a snapshot's resume point. */
export interface SyncScope {
  scopeId: string;
  /** Server version up to which this device has every change of the scope. */
  cursor: number;
  /**
   * While a first snapshot is under way: resume after this id, and the cursor it started at. `part: 'recent'`
   * (added, no new schema version: not indexed) marks the first stage of a staged first sync (sync/firstSync.ts);
   * without it, a whole snapshot begun by an older app is resumed as it was.
   */
  snapshot: { after: string; cursor: number; part?: 'recent' } | null;
  /**
   * Added: the notes of a staged first sync still to fetch in the background, newest first: resume below
   * `after` ('' = from the newest), `done` of `total` notes so far (total null until the first page said it).
   * `latest`: the open cases' newest notes are in; `ahead`: notes fetched ahead of the history (id → version),
   * not written again when their history page comes. Absent or null: the scope's copy is complete.
   */
  history?: { after: string; done: number; total: number | null; latest?: boolean; ahead?: Record<string, number> } | null;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/**
 * ⚠ PERSISTENCE-CRITICAL. Shipped schema versions are frozen: never edit a `version(n)` block that has been
 * released. Add `version(n + 1)` with an `upgrade()` that migrates rows and outbox entries, and a fixture test.
 * Indexes hold only ids, scope ids, dates and status; client data stays inside `body`.
 */
export { SCHEMA_VERSION } from './schemaVersion';

export class VeldwerkDb extends Dexie {
  // Client data: stored sealed (db/sealedRows.ts), read through the functions that open it.
  cases!: Table<StoredCase, string>;
  notes!: Table<StoredNote, string>;
  followUps!: Table<StoredFollowUp, string>;
  partners!: Table<Partner, string>;
  examples!: Table<Example, string>;
  instrumentRuns!: Table<StoredRun, string>;
  drafts!: Table<Draft | KeptFormRow, string>;
  caseViews!: Table<CaseView, string>;
  outbox!: Table<StoredOutboxEntry, number>;
  meta!: Table<MetaEntry, string>;
  syncScopes!: Table<SyncScope, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      cases: 'id, scopeId, status, updatedAt',
      notes: 'id, scopeId, [caseId+date], date, updatedAt',
      followUps: 'id, scopeId, caseId, [status+dueDate], updatedAt',
      partners: 'id, scopeId, *themes, updatedAt',
      examples: 'id, scopeId, *themes, updatedAt',
      drafts: 'id, caseId, updatedAt',
      caseViews: 'caseId, openedAt',
      outbox: '++seq, &mutationId, status',
      meta: 'key',
    });
    // v2 (sync): per-scope cursors; every queued change carries the field versions it was based on.
    this.version(2)
      .stores({ syncScopes: 'scopeId' })
      .upgrade((tx) =>
        tx
          .table('outbox')
          .toCollection()
          .modify((entry: { base?: Record<string, number> }) => {
            // Queued before sync existed: based on nothing the server has sent, so version 0 for every field.
            entry.base ??= {};
          }),
      );
    // v3 (handreikingen): filled-in instruments. Indexed by kind (a label, not client data), case, status, date.
    this.version(3).stores({ instrumentRuns: 'id, scopeId, instrument, caseId, status, updatedAt' });
    // v4: notes, by far the biggest table, keep only the indexes a query uses (a case's notes by date, a date
    // range). Every index is one more write per note: dropping two makes a fresh device's first sync and a bulk
    // import about a fifth faster.
    this.version(4).stores({ notes: 'id, [caseId+date], date' });
  }
}
