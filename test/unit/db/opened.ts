import { db } from '../../../src/db/connection';
import { openRows, type SealedTable } from '../../../src/db/sealedRows';
import type { CaseFile } from '../../../src/model/caseFile';
import type { FollowUp } from '../../../src/model/followUp';
import type { InstrumentRun } from '../../../src/model/instrumentRun';
import type { VisitNote } from '../../../src/model/visitNote';

interface Opened {
  cases: CaseFile;
  notes: VisitNote;
  followUps: FollowUp;
  instrumentRuns: InstrumentRun;
}

/**
 * Every row of a client-data table as the app reads it (opened when sealed): tests look at bodies through this,
 * so they hold whether or not the device has a key (see test/unit/sealedPass.setup.ts).
 */
export async function allRows<T extends SealedTable>(table: T): Promise<Array<Opened[T]>> {
  const stored = await (db()[table] as unknown as { toArray(): Promise<never[]> }).toArray();
  return openRows(table, stored) as Promise<Array<Opened[T]>>;
}
