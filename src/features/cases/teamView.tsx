import { colleagueNames, getMeta } from '../../db/meta';
import { currentWorkspace, type WorkspaceTeam } from '../../db/workspace';
import { loadNamespace } from '../../i18n/i18n';

import { caseAuthor, matchesFilter, type CaseloadFilter } from '../../model/caseOwner';
import type { CaseFile } from '../../model/caseFile';
import { t } from '../../i18n/i18n';
export { CaseloadFilters } from './CaseloadFilters';

/** What a caseload over several teams needs to say whose a case is: the teams, the people by name, and me. */
export interface TeamView {
  teams: WorkspaceTeam[];
  names: Map<string, string>;
  me: string;
}

/** For a coordinator, and for anyone in more than one team; null for a worker in one team (nothing to tell apart). */
export async function readTeamView(): Promise<TeamView | null> {
  // The filters' words live in the 'forms' namespace, loaded only when someone needs them.
  const [workspace] = await Promise.all([currentWorkspace(), loadNamespace('forms')]);
  const session = await getMeta<{ id: string; role?: string }>('sessionUser');
  if (workspace.teams.length < 2 && session?.role !== 'coordinator') return null;
  const me = session?.id ?? '';
  return { teams: workspace.teams, names: await colleagueNames(), me };
}

/** The cases of the chosen team and worker ('' is all). */
export function filtered<T extends { caseFile: CaseFile }>(items: T[], filter: CaseloadFilter, view: TeamView): T[] {
  return items.filter(({ caseFile }) => matchesFilter(caseFile, filter, view.me));
}

/** "Onthaal, Lotte · ": whose a case is, ahead of the caseload row's other line. */
export function ownerLine(caseFile: CaseFile, view: TeamView): string {
  const team = view.teams.find((candidate) => candidate.id === caseFile.scopeId)?.name ?? '';
  const worker = view.names.get(caseAuthor(caseFile, view.me)) ?? t('caseloadFilters.someone');
  return `${t('caseloadFilters.owner', { team, worker })} · `;
}

export const noFilterMatch = (): string => t('caseloadFilters.noMatch');
