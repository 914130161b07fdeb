import { useEffect, useState } from 'preact/hooks';
import { markClean, markUnsaved } from './dirtyEditors';

export type FormLoad = 'loading' | 'ready' | 'missing' | 'failed';

let nextFormId = 0;

/**
 * The values of a plain form (one without a draft): what the user typed, and whether that differs from what
 * the form started with. While it differs the form counts as unsaved (see dirtyEditors), so the update prompt,
 * another tab's upgrade and the leave guard leave it alone. An edit form passes `load`: its fields stay hidden
 * until the stored record is there, so nothing typed early is overwritten by it.
 */
export function useFormValues<T>(empty: T, load?: () => Promise<T | undefined>) {
  const [values, setValues] = useState<T>(empty);
  const [start, setStart] = useState<T>(empty);
  const [state, setState] = useState<FormLoad>(load ? 'loading' : 'ready');
  const [loadError, setLoadError] = useState<unknown>(null);
  const unsaved = state === 'ready' && JSON.stringify(values) !== JSON.stringify(start);

  useEffect(() => {
    if (!load) return;
    let live = true;
    load().then(
      (stored) => {
        if (!live) return;
        if (stored === undefined) return setState('missing');
        setValues(stored);
        setStart(stored);
        setState('ready');
      },
      (e: unknown) => {
        if (!live) return;
        setLoadError(e);
        setState('failed');
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const markSaved = useUnsavedWhile(unsaved);

  /** The values are stored: nothing is unsaved any more. Call before navigating away after a save. */
  const saved = () => {
    markSaved();
    setStart(values);
  };
  /** `loaded`: the values as the form started (the stored record of an edit form), to tell typed from stored. */
  return { values, setValues, loaded: start, state, loadError, saved };
}

/**
 * Counts this component's form as unsaved (see dirtyEditors) while `unsaved` holds, and never after it
 * unmounts. For small forms that keep their own state; returns a function that marks it saved at once.
 */
export function useUnsavedWhile(unsaved: boolean): () => void {
  const [id] = useState(() => `form-${nextFormId++}`);
  useEffect(() => {
    if (unsaved) markUnsaved(id);
    else markClean(id);
  }, [unsaved]);
  useEffect(() => () => markClean(id), []);
  return () => markClean(id);
}
