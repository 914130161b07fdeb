import { useEffect, useState } from 'preact/hooks';
import type { Reachability } from '../../sync/status';
import { noticeFailure } from './adminErrorText';

export type AdminLoad<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/**
 * Reads from the admin API when the screen opens, again on `reload` (after a change), and when the server is
 * reachable again after a failed read. Held in the component only: nothing of it is stored on the device. A
 * reload keeps the last answer on screen until the new one is there.
 */
export function useAdminLoad<T>(load: () => Promise<T>, reach: Reachability): { result: AdminLoad<T>; reload: () => void } {
  const [result, setResult] = useState<AdminLoad<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setResult({ state: 'ready', value }),
      (error: unknown) => {
        noticeFailure(error);
        if (live) setResult({ state: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [round]);
  useEffect(() => {
    if (reach === 'reachable' && result.state === 'failed') setRound((r) => r + 1);
  }, [reach]);
  return { result, reload: () => setRound((r) => r + 1) };
}
