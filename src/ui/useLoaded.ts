import { useWatched, type Watched } from './useWatched';

/** A one-shot load (a lazily loaded chunk, say) as the same three states as a watched query; reloads when deps change. */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]): Watched<T> {
  return useWatched<T>((onValue, onError) => {
    let alive = true;
    load().then(
      (value) => alive && onValue(value),
      (error: unknown) => alive && onError(error),
    );
    return () => {
      alive = false;
    };
  }, deps);
}
