import { useEffect, useState } from 'preact/hooks';

export type Watched<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

/**
 * Subscribes to a live source (a named query watched by the data layer) for as long as the component lives.
 * `subscribe` gets callbacks and returns the unsubscribe function; `initial` may supply a value read earlier.
 * When `deps` change (a search word typed, more rows asked for), the last value stays on screen until the new
 * one is read: no "loading" flash, and the page keeps its place. Screens are keyed by their path (routes.tsx),
 * so a value never carries over to another record.
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
  useEffect(() => {
    return subscribe(
      (value) => setWatched({ state: 'ready', value }),
      (error) => setWatched({ state: 'failed', error }),
    );
  }, deps);
  return watched;
}
