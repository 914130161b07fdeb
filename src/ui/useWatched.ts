import { useEffect, useRef, useState } from 'preact/hooks';

export type Watched<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/**
 * Subscribes to a live source (a named query watched by the data layer) for as long as the component lives.
 * `subscribe` gets callbacks and returns the unsubscribe function; `initial` may supply a value read earlier.
 */
export function useWatched<T>(
  subscribe: (onValue: (v: T) => void, onError: (e: unknown) => void) => () => void,
  deps: unknown[],
  initial?: () => T | undefined,
): Watched<T> {
  // A value already read (before the first paint) is shown at once; the subscription then keeps it current.
  const [watched, setWatched] = useState<Watched<T>>(() => {
    const value = initial?.();
    return value === undefined ? { state: 'loading' } : { state: 'ready', value };
  });
  const first = useRef(true);
  useEffect(() => {
    if (!first.current) setWatched({ state: 'loading' });
    first.current = false;
    return subscribe(
      (value) => setWatched({ state: 'ready', value }),
      (error) => setWatched({ state: 'failed', error }),
    );
  }, deps);
  return watched;
}
