import { useState } from 'preact/hooks';

/**
 * A form's submit: prevents the page reload, shows busy while saving, and keeps the error for the form to
 * explain. The typed values stay in the form's own state whatever happens.
 */
export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
