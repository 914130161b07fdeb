import { useRef, useState } from 'preact/hooks';
import { messagesByPath, type FieldMessage } from './fieldMessages';

interface Options {
  /** What stops the save, one message per field in the order of the form. Empty: nothing does. */
  errors: () => FieldMessage[];
  /** What looks like a slip: asked once ("Klopt dit?") and saved when confirmed. */
  warnings?: () => FieldMessage[];
  /** The form's values: the question stands only while they are what it was asked about. */
  values: unknown;
  save: () => Promise<void>;
  /** A refused save that is about the fields after all (the store's own check): their messages. Null: a failure. */
  fieldErrorsOf?: (error: unknown) => FieldMessage[] | null;
}

/**
 * A form's save in three steps: errors at the fields (nothing saved; the summary takes the focus), then questions
 * about plausible slips (asked once; a second save or "Ja, bewaren" saves as is), then the save itself, whose
 * failure for a reason outside the form is kept to show once beside the button. The typed values stay in the
 * form's own state whatever happens.
 */
export function useCheckedSubmit({ errors, warnings, values, save, fieldErrorsOf }: Options) {
  const [shownErrors, setShownErrors] = useState<FieldMessage[]>([]);
  const [asked, setAsked] = useState<{ items: FieldMessage[]; about: string } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // A ref as well as state: a double tap starts the second run before the first one's render.
  const running = useRef(false);
  const current = JSON.stringify(values);
  // Changing a value withdraws the question; the next save looks again.
  const question = asked !== null && asked.about === current ? asked.items : [];

  const run = async (confirmed: boolean) => {
    if (running.current) return;
    setAttempt((n) => n + 1);
    setFailure(null);
    const found = errors();
    setShownErrors(found);
    if (found.length > 0) return setAsked(null);
    const doubts = warnings?.() ?? [];
    if (doubts.length > 0 && !confirmed && question.length === 0) return setAsked({ items: doubts, about: current });
    running.current = true;
    setBusy(true);
    try {
      await save();
      setAsked(null);
    } catch (error) {
      const fields = fieldErrorsOf?.(error) ?? null;
      if (fields && fields.length > 0) setShownErrors(fields);
      else setFailure(error);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  const errorAt = messagesByPath(shownErrors);
  return {
    /** A field's props: its path (the id the summary links to) and its error, if any: `<TextField {...at('label')} />`. */
    at: (path: string) => ({ path, error: errorAt[path] }),
    /** Errors from the last try, until the next one (GOV.UK keeps them while the person fixes the fields). */
    errors: shownErrors,
    question,
    failure,
    attempt,
    busy,
    submit: (e: Event) => {
      e.preventDefault();
      void run(false);
    },
    /** "Ja, bewaren": saves what the question was about. */
    confirm: () => void run(true),
    /** A form that stays for the next entry (another person in an ecogram) starts it without the last one's messages. */
    reset: () => {
      setShownErrors([]);
      setAsked(null);
      setFailure(null);
    },
  };
}
