import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getDraft, saveDraft, visitDraftId } from '../../db/drafts';
import { brusselsDay } from '../../model/dates';
import { emptyVisitNote, noteHasContent, type VisitNoteBody } from '../../model/visitNote';
import { createAutosaver } from '../../ui/autosaver';
import { markClean, markDirty } from '../../ui/dirtyEditors';

/** Delay before a draft write starts. Kept at zero: a reload or crash must find what was typed (see autosaver). */
export const DRAFT_SAVE_DELAY_MS = 0;

export type DraftState = { kind: 'loading' } | { kind: 'editing'; savedAt: string | null; saveError: unknown };

/**
 * The note being written, saved to the device as it is typed. It survives a reload, a crash, an app update
 * and leaving the screen; it is flushed when the tab is hidden or closed.
 */
export function useVisitDraft(caseId: string) {
  const draftId = visitDraftId(caseId);
  const [body, setBody] = useState<VisitNoteBody | null>(null);
  const [state, setState] = useState<DraftState>({ kind: 'loading' });
  const editorId = `visit-${caseId}`;
  const saver = useMemo(
    () =>
      createAutosaver<VisitNoteBody>(
        (value) => saveDraft(caseId, value),
        DRAFT_SAVE_DELAY_MS,
        (saveError) => setState((s) => ({ kind: 'editing', savedAt: s.kind === 'editing' ? s.savedAt : null, saveError })),
        () => setState({ kind: 'editing', savedAt: new Date().toISOString(), saveError: null }),
      ),
    [caseId],
  );
  const latest = useRef<VisitNoteBody | null>(null);

  useEffect(() => {
    let alive = true;
    void getDraft(draftId).then(
      (draft) => {
        if (!alive) return;
        const initial = draft?.body ?? emptyVisitNote(brusselsDay(new Date()));
        latest.current = initial;
        setBody(initial);
        setState({ kind: 'editing', savedAt: draft?.updatedAt ?? null, saveError: null });
      },
      (saveError: unknown) => alive && setState({ kind: 'editing', savedAt: null, saveError }),
    );
    const flushNow = () => void saver.flush();
    const onHidden = () => document.visibilityState === 'hidden' && flushNow();
    addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      alive = false;
      removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onHidden);
      void saver.flush();
      markClean(editorId);
    };
  }, [draftId]);

  const update = (next: VisitNoteBody) => {
    latest.current = next;
    setBody(next);
    saver.schedule(next);
    if (noteHasContent(next)) markDirty(editorId, saver.flush);
  };

  /** After the note is saved as a record, nothing is pending any more. */
  const finish = () => {
    saver.cancel();
    markClean(editorId);
  };

  return { draftId, body, state, update, finish, flush: saver.flush };
}
