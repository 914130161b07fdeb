import { db, read } from './connection';
import { openRows } from './sealedRows';
import { keepObserving } from './sealing';
import type { CaseFile } from '../model/caseFile';

/**
 * The names of the cases that instrument runs belong to (an ecogram is a case's), by case id: for the
 * instruments list, which names the case of each run. Every table is read before anything is opened.
 */
export function caseLabelsOfRuns(): Promise<Map<string, string>> {
  return keepObserving(
    read(async () => {
      const caseIds = [...new Set((await db().instrumentRuns.orderBy('caseId').uniqueKeys()).map(String).filter(Boolean))];
      const stored = (await db().cases.bulkGet(caseIds)).filter((c) => c !== undefined);
      const cases = await openRows<CaseFile>('cases', stored);
      return new Map(cases.map((c) => [c.id, c.body.label]));
    }),
  );
}
