import { getMeta, setMeta } from './meta';
import { canManageNetworkInstruments } from '../model/roles';

/**
 * Before anyone signs in, new rows live in this local space. It is never pushed: at sign-in its rows are erased or
 * adopted into the person's own team and organisation (see adoptLocalRows), so the server never sees these ids.
 */
export const LOCAL_TEAM_ID = 'local-team';
export const LOCAL_ORG_ID = 'local-org';

export interface WorkspaceTeam {
  id: string;
  name: string;
}

/** Where this device's new rows go: the signed-in person's teams and organisation, or the local space. */
export interface Workspace {
  signedIn: boolean;
  organisationId: string;
  /** The teams a new case may go to; empty for someone signed in without a team (an admin, say). */
  teams: WorkspaceTeam[];
  /** Starts and closes the organisation's network instruments (coordinators, admins; anyone before sign-in). */
  managesNetworkInstruments: boolean;
}

/** The part of the stored session (sync/engine writes it from the server's answer) this module reads. */
interface StoredSession {
  role?: string;
  organisationId: string;
  teamIds: string[];
  teams?: WorkspaceTeam[];
}

export async function currentWorkspace(): Promise<Workspace> {
  const session = await getMeta<StoredSession>('sessionUser');
  if (!session) return { signedIn: false, organisationId: LOCAL_ORG_ID, teams: [{ id: LOCAL_TEAM_ID, name: '' }], managesNetworkInstruments: true };
  const names = new Map((session.teams ?? []).map((team) => [team.id, team.name]));
  return {
    signedIn: true,
    organisationId: session.organisationId,
    teams: session.teamIds.map((id) => ({ id, name: names.get(id) ?? id })),
    managesNetworkInstruments: canManageNetworkInstruments(session.role),
  };
}

/** The team a new case goes to unless the person picks another: the one they used last, if still theirs. */
export async function defaultTeamId(workspace: Workspace): Promise<string | undefined> {
  const last = await getMeta<string>('lastTeamId');
  return workspace.teams.find((team) => team.id === last)?.id ?? workspace.teams[0]?.id;
}

export function rememberTeam(teamId: string): Promise<void> {
  return setMeta('lastTeamId', teamId);
}
