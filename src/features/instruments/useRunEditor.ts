import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { getInstrumentRun, saveAnswers } from '../../db/instrumentRuns';
import { watch } from '../../db/live';
import type { Answer, Answers, InstrumentRun } from '../../model/instrumentRun';
import { createAutosaver } from '../../ui/autosaver';
import { markClean, markDirty } from '../../ui/dirtyEditors';
import { useWatched } from '../../ui/useWatched';

/**
 * Pause before typed answers are written. Unlike a visit draft (written at once, local only), every save of a run
 * is a synced change for colleagues, so a pause's worth of typing goes out as one. Leaving a field, hiding the
 * tab and an app update flush at once, so what is lost to a crash is at most this much typing.
 */
export const RUN_SAVE_DELAY_MS = 700;

export type SaveState = 'saved' | 'saving' | 'failed';

const same = (a: Answer | undefined, b: Answer | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A run being filled in. What is stored is watched live (a colleague's synced answers appear as they arrive);
 * what is typed here lies on top of it until the stored row has caught up. A failed save (a full disk) therefore
 * never takes typed text off the screen: it stays on top, and is written again at the next change or flush.
 */
export function useRunEditor(runId: string) {
  const stored = useWatched<InstrumentRun | undefined>((next, fail) => watch(() => getInstrumentRun(runId), next, fail), [runId]);
  const [typed, setTyped] = useState<Answers>({});
  const typedRef = useRef<Answers>({});
  const version = useRef(0);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<unknown>(null);
  const editorId = `instrument-${runId}`;

  const saver = useMemo(
    () =>
      createAutosaver<{ answers: Answers; version: number }>(
        async ({ answers, version: saved }) => {
          await saveAnswers(runId, answers);
          if (saved !== version.current) return; // more was typed meanwhile; its own save follows
          markClean(editorId);
          setSaveState('saved');
          setSaveError(null);
        },
        RUN_SAVE_DELAY_MS,
        (error) => {
          setSaveError(error);
          setSaveState('failed');
        },
      ),
    [runId],
  );

  // Drop what the stored row now holds, so later changes from colleagues show through again.
  useEffect(() => {
    if (stored.state !== 'ready' || !stored.value) return;
    const body = stored.value.body;
    const left = Object.entries(typedRef.current).filter(([key, value]) => !same(body[key], value));
    if (left.length === Object.keys(typedRef.current).length) return;
    typedRef.current = Object.fromEntries(left);
    setTyped(typedRef.current);
  }, [stored]);

  useEffect(() => {
    const flushNow = () => void saver.flush();
    const onHidden = () => document.visibilityState === 'hidden' && flushNow();
    addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onHidden);
      void saver.flush().finally(() => markClean(editorId));
    };
  }, [saver]);

  /** Sets one answer; `now` writes it at once (a tap on a choice, adding or removing an entry). */
  const update = (key: string, value: Answer, now = false) => {
    typedRef.current = { ...typedRef.current, [key]: value };
    version.current++;
    setTyped(typedRef.current);
    setSaveState('saving');
    markDirty(editorId, saver.flush);
    saver.schedule({ answers: typedRef.current, version: version.current });
    if (now) void saver.flush();
  };

  const answers: Answers = stored.state === 'ready' && stored.value ? { ...stored.value.body, ...typed } : typed;
  return { stored, answers, update, flush: saver.flush, saveState, saveError };
}
