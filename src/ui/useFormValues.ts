import { useEffect, useRef, useState } from 'preact/hooks';
import { markClean, markUnsaved } from './dirtyEditors';
import { dropKept, holdForm, keptValues } from './keptForms';

export type FormLoad = 'loading' | 'ready' | 'missing' | 'failed';

let nextFormId = 0;

/**
 * The values of a plain form (one without a draft): what the user typed, and whether that differs from what
 * the form started with. While it differs the form counts as unsaved (see dirtyEditors), so the update prompt,
 * another tab's upgrade and the leave guard leave it alone. An edit form passes `load`: its fields stay hidden
 * until the stored record is there, so nothing typed early is overwritten by it.
 *
 * `keepAs` names the form's place (e.g. `case:new`) for a form that holds client data: its unsaved values are
 * kept sealed over a lock and come back when the form opens again (ui/keptForms.ts).
 */
export function useFormValues<T>(empty: T, load?: () => Promise<T | undefined>, options: { keepAs?: string } = {}) {
  const [values, setValues] = useState<T>(empty);
  const [start, setStart] = useState<T>(empty);
  const [state, setState] = useState<FormLoad>(load ? 'loading' : 'ready');
  const [loadError, setLoadError] = useState<unknown>(null);
  const unsaved = state === 'ready' && JSON.stringify(values) !== JSON.stringify(start);

  const typed = useRef(false);
  const current = useRef(values);
  current.current = values;
  const keepAs = options.keepAs;

  useEffect(() => {
    // What was kept over a lock comes back, unless the person already typed (a new form is usable at once).
    const kept = keepAs ? keptValues(keepAs) : Promise.resolve(undefined);
    if (!load) {
      let live = true;
      void kept.then((values) => {
        if (live && values !== undefined && !typed.current) setValues(values as T);
      });
      return () => {
        live = false;
      };
    }
    let live = true;
    Promise.all([load(), kept]).then(
      ([stored, values]) => {
        if (!live) return;
        if (stored === undefined) return setState('missing');
        setValues(values === undefined ? stored : (values as T));
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
  useEffect(() => {
    if (!keepAs || !unsaved) return;
    return holdForm(keepAs, () => current.current);
  }, [keepAs, unsaved]);
  // Saved, or left (cancelled, or the person confirmed leaving it): a kept copy would only come back as a surprise.
  useEffect(() => () => void (keepAs && dropKept(keepAs)), [keepAs]);

  /** The values are stored: nothing is unsaved any more. Call before navigating away after a save. */
  const saved = () => {
    markSaved();
    if (keepAs) dropKept(keepAs);
    setStart(values);
  };
  // Stable, as useState's own setter is.
  const [edit] = useState(() => (next: T | ((previous: T) => T)) => {
    typed.current = true;
    setValues(next);
  });
  /** `loaded`: the values as the form started (the stored record of an edit form), to tell typed from stored. */
  return { values, setValues: edit, loaded: start, state, loadError, saved };
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
