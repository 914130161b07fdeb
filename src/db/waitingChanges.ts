import { db, read } from './connection';
import { aboutOf } from './outbox';
import { keepObserving } from './sealing';
import { openRows, type StoredCase } from './sealedRows';
import type { CaseFile } from '../model/caseFile';
import type { Collection } from '../model/collections';
import type { ChangeAbout } from '../model/changes';

/**
 * What waits to be sent, for the list the header's sync state opens (issue 14, point 6): per change, what it is
 * about (the plaintext `about` the outbox keeps: collection, row, create or change) and when it was made, with
 * the name of the case it belongs to. The changes themselves stay sealed: only the case rows are opened, so this
 * shows names only on an unlocked device. Refused changes are listed by settings/NeedsAttention (listNeedsAttention).
 */
export interface WaitingChange {
  mutationId: string;
  createdAt: string;
  collection: Collection;
  kind: ChangeAbout['kind'];
  /** The case the change belongs to, when it is about client data; absent for partners and examples. */
  caseId?: string;
  /** That case's name, when the device holds it. */
  caseLabel?: string;
  /** A partner's name or an example's title (organisation data, not sealed). */
  title?: string;
}

const CASE_CHILDREN = ['notes', 'followUps', 'instrumentRuns'] as const;

export function listWaitingChanges(): Promise<WaitingChange[]> {
  return keepObserving(
    read(async () => {
      // Every table is read before anything is opened (see sealing.ts keepObserving).
      const stored = await db().outbox.where('status').equals('pending').sortBy('seq');
      const abouts = stored.map(aboutOf);
      const caseOf = new Map<string, string>();
      for (const table of CASE_CHILDREN) {
        const ids = abouts.filter((a) => a.collection === table && !a.caseId).map((a) => a.id);
        if (ids.length === 0) continue;
        const rows = (await db()[table].bulkGet(ids)) as Array<{ id: string; caseId?: string | null } | undefined>;
        for (const row of rows) if (row?.caseId) caseOf.set(row.id, row.caseId);
      }
      const caseIdFor = (about: ChangeAbout): string | undefined =>
        about.collection === 'cases' ? about.id : (about.caseId ?? caseOf.get(about.id));
      const caseIds = [...new Set(abouts.map(caseIdFor).filter((id): id is string => !!id))];
      const caseRows = (await db().cases.bulkGet(caseIds)).filter((row): row is StoredCase => !!row);
      const titles = new Map<string, string>();
      for (const collection of ['partners', 'examples'] as const) {
        const ids = abouts.filter((a) => a.collection === collection).map((a) => a.id);
        if (ids.length === 0) continue;
        for (const row of await db()[collection].bulkGet(ids)) {
          const body = row?.body as { name?: unknown; title?: unknown } | undefined;
          const title = collection === 'partners' ? body?.name : body?.title;
          if (row && typeof title === 'string') titles.set(row.id, title);
        }
      }
      const cases = await openRows<CaseFile>('cases', caseRows, { waitForUnlock: false }).catch(() => [] as CaseFile[]);
      const labels = new Map(cases.map((c) => [c.id, c.body.label]));
      return stored.map((entry, i): WaitingChange => {
        const about = abouts[i]!;
        const caseId = caseIdFor(about);
        const caseLabel = caseId ? labels.get(caseId) : undefined;
        const title = titles.get(about.id);
        return {
          mutationId: entry.mutationId,
          createdAt: entry.createdAt,
          collection: about.collection,
          kind: about.kind,
          ...(caseId ? { caseId } : {}),
          ...(caseLabel ? { caseLabel } : {}),
          ...(title ? { title } : {}),
        };
      });
    }),
  );
}
