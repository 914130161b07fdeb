import Dexie from 'dexie';
import { db, read } from './connection';
import { openRows } from './sealedRows';
import { keepObserving } from './sealing';
import { summarizeCases, type CaseNext } from '../model/caseNext';
import type { FollowUp } from '../model/followUp';

/**
 * What is next per open case (model/caseNext): loaded after the caseload's first frame, never part of it.
 * At 2,000 cases and 50,000 notes: one range over the open follow-ups, and per case one key-only read of the
 * newest entry of the notes' [caseId+date] index (no note is read, let alone opened). Only the open follow-ups
 * are opened (their kind is sealed), after every table has been read.
 */
export function readCaseNext(today: string): Promise<Map<string, CaseNext>> {
  return keepObserving(
    read(async () => {
      const [open, caseIds] = await Promise.all([
        db().followUps.where('[status+dueDate]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).toArray(),
        db().cases.where('status').equals('open').primaryKeys(),
      ]);
      const newest = await Promise.all(
        caseIds.map((id) => db().notes.where('[caseId+date]').between([id, Dexie.minKey], [id, Dexie.maxKey]).reverse().limit(1).keys()),
      );
      const lastVisits = new Map<string, string>();
      for (const keys of newest) {
        const key = keys[0] as [string, string] | undefined;
        if (key) lastVisits.set(key[0], key[1]);
      }
      const opened = await openRows<FollowUp>('followUps', open);
      const rows = opened.map((f) => ({
        caseId: f.caseId,
        dueDate: f.dueDate,
        kind: f.body.kind,
        contactType: f.body.topic?.key === 'nextContact' ? f.body.topic.contactType : ('' as const),
      }));
      return summarizeCases(rows, lastVisits, today);
    }),
  );
}
