import { useEffect, useState } from 'preact/hooks';
import type { TeamView } from './teamView';

export type TeamViewModule = typeof import('./teamView');

/**
 * The caseload's view over several teams, with the code that draws it: loaded after the first screen is up (it
 * is no part of a worker's first frame) and only used by a coordinator or someone in more than one team.
 */
export function useTeamView(enabled: boolean): { view: TeamView; code: TeamViewModule } | null {
  const [loaded, setLoaded] = useState<{ view: TeamView; code: TeamViewModule } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void import('./teamView')
      .then(async (code) => {
        const view = await code.readTeamView();
        if (live && view) setLoaded({ view, code });
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [enabled]);
  return loaded;
}
