import type { ContactType, FollowUp } from './followUp';

/**
 * What the caseload says per case: what is next (the next planned contact), how much is open and overdue, and
 * when the client was last visited, and in which order the cases need attention.
 */

/** Overdue first, then due today, then the rest. */
export type Attention = 'overdue' | 'today' | 'later';
const RANK: Record<Attention, number> = { overdue: 0, today: 1, later: 2 };

/** An open follow-up as the plaintext indexes know it: enough to tell what needs attention, unopened. */
export type DueRow = Pick<FollowUp, 'caseId' | 'dueDate'>;

/** Per case, the most urgent of its open follow-ups (given only those due up to today, or all of them). */
export function attentionByCase(open: DueRow[], today: string): Map<string, Attention> {
  const found = new Map<string, Attention>();
  for (const row of open) {
    const attention: Attention = row.dueDate < today ? 'overdue' : row.dueDate === today ? 'today' : 'later';
    const before = found.get(row.caseId);
    if (before === undefined || RANK[attention] < RANK[before]) found.set(row.caseId, attention);
  }
  return found;
}

/** Stable: within the same attention, the order given (the caseload's "recently opened first") stays. */
export function byAttention<T>(items: T[], attentionOf: (item: T) => Attention): T[] {
  return items
    .map((item, index) => ({ item, index, rank: RANK[attentionOf(item)] }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}

/** An open follow-up once its body is opened: the kind tells a planned contact from a task. */
export interface OpenFollowUp {
  caseId: string;
  dueDate: string;
  kind: FollowUp['body']['kind'];
  contactType: ContactType;
}

export interface CaseNext {
  /** The earliest open follow-up of kind 'contact' (the next contact a visit note planned, or one added). */
  nextContact: { date: string; contactType: ContactType } | null;
  open: number;
  overdue: number;
  dueToday: number;
  /** The day of the latest visit note, '' for none. */
  lastVisit: string;
}

export const NOTHING_NEXT: CaseNext = { nextContact: null, open: 0, overdue: 0, dueToday: 0, lastVisit: '' };

/** One pass over the open follow-ups, and the last visit per case. */
export function summarizeCases(open: OpenFollowUp[], lastVisits: Map<string, string>, today: string): Map<string, CaseNext> {
  const summaries = new Map<string, CaseNext>();
  const of = (caseId: string): CaseNext => {
    let found = summaries.get(caseId);
    if (!found) summaries.set(caseId, (found = { ...NOTHING_NEXT, lastVisit: lastVisits.get(caseId) ?? '' }));
    return found;
  };
  for (const [caseId] of lastVisits) of(caseId);
  for (const f of open) {
    const s = of(f.caseId);
    s.open++;
    if (f.dueDate < today) s.overdue++;
    else if (f.dueDate === today) s.dueToday++;
    if (f.kind === 'contact' && (!s.nextContact || f.dueDate < s.nextContact.date)) s.nextContact = { date: f.dueDate, contactType: f.contactType };
  }
  return summaries;
}

export function attentionOf(next: Pick<CaseNext, 'overdue' | 'dueToday'>): Attention {
  return next.overdue > 0 ? 'overdue' : next.dueToday > 0 ? 'today' : 'later';
}

/**
 * Today in Brussels (YYYY-MM-DD) by the EU summer-time rule (last Sunday of March to last Sunday of October,
 * 01:00 UTC), without Intl: the first screen sorts with it, and a time-zone formatter's ICU data would hold back
 * its first frame. model/dates brusselsDay is the reference; a unit test keeps the two equal.
 */
export function brusselsToday(at: Date): string {
  const year = at.getUTCFullYear();
  const summer = at.getTime() >= lastSundayUtc(year, 2) && at.getTime() < lastSundayUtc(year, 9);
  return new Date(at.getTime() + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10);
}

/** 01:00 UTC on the last Sunday of the month (0-based). */
function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}
