import { useEffect } from 'preact/hooks';
import { getCase } from '../../db/cases';
import { getDraft, visitDraftId, type Draft } from '../../db/drafts';
import { listFollowUpsOfCase } from '../../db/followUps';
import { watch } from '../../db/live';
import { latestNotesOfCase } from '../../db/notes';
import type { CaseFile } from '../../model/caseFile';
import type { FollowUp } from '../../model/followUp';
import type { VisitNote } from '../../model/visitNote';
import { wantCaseNotes } from '../../sync/status';
import { useWatched } from '../../ui/useWatched';

/** Notes shown at first, and added per "show older notes". */
export const NOTES_PER_PAGE = 50;

export interface CaseView {
  caseFile: CaseFile | undefined;
  /** The newest `noteLimit` notes. */
  notes: VisitNote[];
  /** Whether the case has notes older than those. */
  olderNotes: boolean;
  followUps: FollowUp[];
  draft: Draft | undefined;
}

/** Everything the case screen shows, kept live across tabs. One note more than shown tells whether there are older ones. */
export function useCaseFile(caseId: string, noteLimit: number) {
  // A fresh device may not have this case's notes yet: ask for them ahead of the rest (see sync/status).
  useEffect(() => wantCaseNotes(caseId), [caseId]);
  return useWatched<CaseView>(
    (next, fail) =>
      watch(
        async () => {
          const notes = await latestNotesOfCase(caseId, noteLimit + 1);
          return {
            caseFile: await getCase(caseId),
            notes: notes.slice(0, noteLimit),
            olderNotes: notes.length > noteLimit,
            followUps: await listFollowUpsOfCase(caseId),
            draft: await getDraft(visitDraftId(caseId)),
          };
        },
        next,
        fail,
      ),
    [caseId, noteLimit],
  );
}
