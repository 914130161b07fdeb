import { useEffect, useState } from 'preact/hooks';
import type { CaseNext } from '../../model/caseNext';

export type CaseNextModule = typeof import('./caseNextFacts');

/**
 * What is next per case, with the code that words it: loaded after the first screen is up, like the team view.
 * Until it arrives the caseload keeps each row's line for it, empty, at its height.
 */
export function useCaseNext(enabled: boolean): { next: Map<string, CaseNext>; code: CaseNextModule } | null {
  const [loaded, setLoaded] = useState<{ next: Map<string, CaseNext>; code: CaseNextModule } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let stop: (() => void) | undefined;
    let live = true;
    void import('./caseNextFacts')
      .then((code) => {
        if (live) stop = code.watchCaseNext((next) => setLoaded({ next, code }));
      })
      .catch(() => {});
    return () => {
      live = false;
      stop?.();
    };
  }, [enabled]);
  return loaded;
}
