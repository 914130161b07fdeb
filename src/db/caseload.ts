import { compareCodeUnits } from '../model/order';
import { db, read } from './connection';
import type { CaseView } from './schema';
import { caseMatches, type CaseFile } from '../model/caseFile';

export interface CaseloadItem {
  caseFile: CaseFile;
  openedAt: string;
}

/** The worker's open cases, recently opened on this device first, then recently changed. */
export function listCaseload(query = ''): Promise<CaseloadItem[]> {
  return read(async () => {
    const [cases, views] = await Promise.all([
      db().cases.where('status').equals('open').toArray(),
      db().caseViews.toArray(),
    ]);
    return caseloadFrom(cases, views, query);
  });
}

/** The caseload from the rows it is made of: shared by listCaseload and the start-up read (bootRead.ts). */
export function caseloadFrom(openCases: CaseFile[], views: CaseView[], query = ''): CaseloadItem[] {
  const openedAt = new Map(views.map((v) => [v.caseId, v.openedAt]));
  return openCases
    .filter((c) => caseMatches(c, query))
    .map((caseFile) => ({ caseFile, openedAt: openedAt.get(caseFile.id) ?? '' }))
    .sort((a, b) => compareCodeUnits(b.openedAt, a.openedAt) || compareCodeUnits(b.caseFile.updatedAt, a.caseFile.updatedAt));
}

