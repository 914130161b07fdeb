import { useEffect, useState } from 'preact/hooks';
import { colleagueNames, getMeta } from '../../db/meta';
import { currentWorkspace } from '../../db/workspace';

/** Who is who, and me: what a filter per person needs. */
export interface PeopleView {
  names: Map<string, string>;
  me: string;
}

/**
 * For a coordinator, and anyone in more than one team, whose follow-ups are whose; null for a worker in one
 * team (their list is their own). As the caseload's team view decides it (features/cases/teamView.tsx).
 */
export function usePeopleView(): PeopleView | null {
  const [view, setView] = useState<PeopleView | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const [workspace, session] = await Promise.all([currentWorkspace(), getMeta<{ id: string; role?: string }>('sessionUser')]);
      if (workspace.teams.length < 2 && session?.role !== 'coordinator') return;
      const names = await colleagueNames();
      if (live) setView({ names, me: session?.id ?? '' });
    })().catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return view;
}
