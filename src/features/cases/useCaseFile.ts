import { getCase } from '../../db/cases';
import { getDraft, visitDraftId, type Draft } from '../../db/drafts';
import { listFollowUpsOfCase } from '../../db/followUps';
import { watch } from '../../db/live';
import { latestNotesOfCase } from '../../db/notes';
import type { CaseFile } from '../../model/caseFile';
import type { FollowUp } from '../../model/followUp';
import type { VisitNote } from '../../model/visitNote';
import { useWatched } from '../../ui/useWatched';

export interface CaseView {
  caseFile: CaseFile | undefined;
  notes: VisitNote[];
  followUps: FollowUp[];
  draft: Draft | undefined;
}

/** Everything the case screen shows, kept live across tabs. */
export function useCaseFile(caseId: string) {
  return useWatched<CaseView>(
    (next, fail) =>
      watch(
        async () => ({
          caseFile: await getCase(caseId),
          notes: await latestNotesOfCase(caseId),
          followUps: await listFollowUpsOfCase(caseId),
          draft: await getDraft(visitDraftId(caseId)),
        }),
        next,
        fail,
      ),
    [caseId],
  );
}
