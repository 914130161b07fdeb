import { useEffect, useState } from 'preact/hooks';

export type Watched<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/**
 * Subscribes to a live source (a named query watched by the data layer) for as long as the component lives.
 * `subscribe` gets callbacks and returns the unsubscribe function.
 */
export function useWatched<T>(
  subscribe: (onValue: (v: T) => void, onError: (e: unknown) => void) => () => void,
  deps: unknown[],
): Watched<T> {
  const [watched, setWatched] = useState<Watched<T>>({ state: 'loading' });
  useEffect(() => {
    setWatched({ state: 'loading' });
    return subscribe(
      (value) => setWatched({ state: 'ready', value }),
      (error) => setWatched({ state: 'failed', error }),
    );
  }, deps);
  return watched;
}
