import { watch } from '../../db/live';
import { addendumCounts, unsentNoteIds } from '../../db/noteAddenda';
import { useWatched } from '../../ui/useWatched';

export interface NoteMarks {
  /** Per note id, how many aanvullingen en rechtzettingen it has. */
  addenda: Map<string, number>;
  /** Notes whose create still waits in the outbox ("Nog niet verstuurd"). */
  unsent: Set<string>;
}

const NONE: NoteMarks = { addenda: new Map(), unsent: new Set() };

/** What the case timeline says beside each note: corrected, and not sent yet. Live; reads ids only, opens nothing. */
export function useNoteMarks(caseId: string): NoteMarks {
  const marks = useWatched<NoteMarks>(
    (next, fail) =>
      watch(
        async () => {
          const [unsent, addenda] = await Promise.all([unsentNoteIds(), addendumCounts(caseId)]);
          return { unsent, addenda };
        },
        next,
        fail,
      ),
    [caseId],
  );
  return marks.state === 'ready' ? marks.value : NONE;
}
