import Dexie from 'dexie';
import { compareCodeUnits } from '../model/order';
import { db, read } from './connection';
import type { CaseView } from './schema';
import { caseMatches, type CaseFile } from '../model/caseFile';
import { attentionByCase, brusselsToday, byAttention, type Attention, type DueRow } from '../model/caseNext';

export interface CaseloadItem {
  caseFile: CaseFile;
  openedAt: string;
  /** Whether one of its follow-ups is overdue or due today: known from plaintext dates, in the first frame. */
  attention: Attention;
}

/**
 * The worker's open cases, what needs attention first (an overdue follow-up, then one due today), then recently
 * opened on this device, then recently changed.
 */
export function listCaseload(query = ''): Promise<CaseloadItem[]> {
  const today = brusselsToday(new Date());
  // A Dexie promise (as keepObserving in sealing.ts gives, which this first-screen module does not load): a live
  // query awaiting it goes on observing.
  const reading = read(async () => {
    const [cases, views, due] = await Promise.all([
      db().cases.where('status').equals('open').toArray(),
      db().caseViews.toArray(),
      // Only what is due by today: bounded, and status, date and case are plaintext (nothing to open).
      db().followUps.where('[status+dueDate]').between(['open', Dexie.minKey], ['open', today], true, true).toArray(),
    ]);
    // A signed-in device's rows are sealed; the code that opens them stays off the first screen of the demo
    // (whose rows are plaintext), and a signed-in device shows its unlock screen first anyway.
    const opened = cases.every((c) => isPlainBody(c.body)) ? (cases as CaseFile[]) : await (await import('./sealedRows')).openRows<CaseFile>('cases', cases);
    return caseloadFrom(opened, views, query, due, today);
  });
  return Dexie.waitFor(reading, 24 * 60 * 60 * 1000) as unknown as Promise<CaseloadItem[]>;
}

/** The caseload from the rows it is made of: shared by listCaseload and the start-up read (bootRead.ts, which reads `due` too). */
export function caseloadFrom(openCases: CaseFile[], views: CaseView[], query = '', due: DueRow[] = [], today = ''): CaseloadItem[] {
  const openedAt = new Map(views.map((v) => [v.caseId, v.openedAt]));
  const attention = attentionByCase(due, today);
  const recent = openCases
    .filter((c) => caseMatches(c, query))
    .map((caseFile) => ({ caseFile, openedAt: openedAt.get(caseFile.id) ?? '', attention: attention.get(caseFile.id) ?? 'later' }))
    .sort((a, b) => compareCodeUnits(b.openedAt, a.openedAt) || compareCodeUnits(b.caseFile.updatedAt, a.caseFile.updatedAt));
  return byAttention(recent, (item) => item.attention);
}

/** A plaintext case body (an object with a label), as opposed to a sealed one ({ iv, ct }). */
function isPlainBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && 'label' in body;
}
