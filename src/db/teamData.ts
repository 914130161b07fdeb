import Dexie from 'dexie';
import { db, write } from './connection';
import { aboutOf } from './outbox';

import { TEAM_REMOVED } from '../model/refusals';

/**
 * A team taken away from the signed-in person (they left it, or moved): its cases, notes, follow-ups, ecograms,
 * drafts and cursor leave the device in one transaction. A change still waiting for one of those rows stays in
 * the queue as "needs attention" with its text, so nothing typed disappears without the person seeing it.
 * Returns how many rows were removed.
 */
export function forgetTeams(teamIds: string[]): Promise<number> {
  if (teamIds.length === 0) return Promise.resolve(0);
  return write(['cases', 'notes', 'followUps', 'instrumentRuns', 'drafts', 'caseViews', 'outbox', 'syncScopes'], async () => {
    const d = db();
    const caseIds = (await d.cases.where('scopeId').anyOf(teamIds).primaryKeys()) as string[];
    const noteIds: string[] = [];
    for (const caseId of caseIds) {
      noteIds.push(...((await d.notes.where('[caseId+date]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).primaryKeys()) as string[]));
    }
    const followUpIds = (await d.followUps.where('scopeId').anyOf(teamIds).primaryKeys()) as string[];
    const runIds = (await d.instrumentRuns.where('scopeId').anyOf(teamIds).primaryKeys()) as string[];
    const gone = new Set([...caseIds, ...noteIds, ...followUpIds, ...runIds]);
    await d.outbox
      .filter((entry) => {
        const about = aboutOf(entry);
        return gone.has(about.id) || (about.scopeId !== undefined && teamIds.includes(about.scopeId));
      })
      .modify((entry) => {
        // One never answered keeps its place in the numbering as withdrawn; the server has not seen it.
        if (entry.status === 'pending') entry.withdraw = true;
        entry.status = 'needsAttention';
        entry.error = TEAM_REMOVED;
      });
    await d.cases.bulkDelete(caseIds);
    await d.notes.bulkDelete(noteIds);
    await d.followUps.bulkDelete(followUpIds);
    await d.instrumentRuns.bulkDelete(runIds);
    await d.drafts.where('caseId').anyOf(caseIds).delete();
    await d.caseViews.bulkDelete(caseIds);
    await d.syncScopes.bulkDelete(teamIds);
    return gone.size;
  });
}
