import { db, write } from './connection';
import { visitDraftId } from './drafts';
import { isKeptForm } from './keptForms';
import { queueBeforeSignIn } from './outbox';
import { SEQ_BASE_KEY } from './clientNumbering';
import { adoptRows, type LocalRows } from '../model/adoptRows';
import { newId } from '../model/ids';

/** What a device holds before anyone signed in, in numbers a person can weigh (the sign-in screen shows them). */
export interface LocalDataSummary {
  cases: number;
  notes: number;
  followUps: number;
  partners: number;
  examples: number;
  instrumentRuns: number;
  drafts: number;
}

export async function summarizeLocalData(): Promise<LocalDataSummary> {
  const d = db();
  const [cases, notes, followUps, partners, examples, instrumentRuns, drafts] = await Promise.all([
    d.cases.count(),
    d.notes.count(),
    d.followUps.count(),
    d.partners.count(),
    d.examples.count(),
    d.instrumentRuns.count(),
    d.drafts.count(),
  ]);
  return { cases, notes, followUps, partners, examples, instrumentRuns, drafts };
}

export function isEmpty(summary: LocalDataSummary): boolean {
  return Object.values(summary).every((n) => n === 0);
}

const DATA = ['cases', 'notes', 'followUps', 'partners', 'examples', 'instrumentRuns'] as const;

/**
 * Keeps what was on the device as the signed-in person's own new rows (see model/adoptRows), in one transaction:
 * the old rows and everything queued for them are replaced by fresh rows and one create each, drafts and "last
 * opened" follow their case, and no cursor or demo marker survives, so the first sync starts from this person.
 */
export async function adoptLocalRows(target: { teamId: string; organisationId: string }, now = new Date()): Promise<void> {
  await write([...DATA, 'drafts', 'caseViews', 'outbox', 'meta', 'syncScopes'], async () => {
    const d = db();
    // Nobody signed in to this device yet, so it holds no key and nothing on it is sealed. The first unlock
    // after this sign-in seals what is kept (db/sealAtRest.ts).
    const local = {
      cases: await d.cases.toArray(),
      notes: await d.notes.toArray(),
      followUps: await d.followUps.toArray(),
      partners: await d.partners.toArray(),
      examples: await d.examples.toArray(),
      instrumentRuns: await d.instrumentRuns.toArray(),
    } as LocalRows;
    const adopted = adoptRows(local, target, () => newId(now.getTime()));
    for (const table of DATA) await d[table].clear();
    await d.outbox.clear();
    await d.syncScopes.clear();
    await d.meta.bulkDelete(['orgName', 'serverEpoch']);
    await d.cases.bulkAdd(adopted.rows.cases);
    await d.notes.bulkAdd(adopted.rows.notes);
    await d.followUps.bulkAdd(adopted.rows.followUps);
    await d.partners.bulkAdd(adopted.rows.partners);
    await d.examples.bulkAdd(adopted.rows.examples);
    await d.instrumentRuns.bulkAdd(adopted.rows.instrumentRuns);
    for (const mutation of adopted.creates) await queueBeforeSignIn(mutation, now);
    // The server has never seen this device: its count starts at the first of these creates.
    const first = await d.outbox.orderBy('seq').first();
    await d.meta.put({ key: SEQ_BASE_KEY, value: (first?.seq ?? 1) - 1 });
    const to = (id: string) => adopted.ids.get(id) ?? id;
    const drafts = await d.drafts.toArray();
    await d.drafts.clear();
    await d.drafts.bulkPut(drafts.map((draft) => (isKeptForm(draft.id) ? draft : { ...draft, id: visitDraftId(to(draft.caseId)), caseId: to(draft.caseId) })));
    const views = await d.caseViews.toArray();
    await d.caseViews.clear();
    await d.caseViews.bulkPut(views.map((view) => ({ ...view, caseId: to(view.caseId) })));
  });
}
