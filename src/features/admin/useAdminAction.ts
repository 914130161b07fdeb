import { useState } from 'preact/hooks';
import { noticeFailure } from './adminErrorText';

/**
 * One change at a time from a button (disable, revoke, …): busy while it runs, then either what was done, in
 * words, or the error for the screen to explain.
 */
export function useAdminAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await action());
    } catch (e) {
      noticeFailure(e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}
