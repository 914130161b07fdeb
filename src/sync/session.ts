import { forgetTeams } from '../db/teamData';
import { getMeta, setColleagues, setMeta } from '../db/meta';
import type { LoginResponse, SessionUser } from './responses';

/** The signed-in person as the device keeps them: the session's user with their teams by name. */
export type StoredUser = SessionUser & { teams: Array<{ id: string; name: string }> };

export function storedUser(): Promise<StoredUser | undefined> {
  return getMeta<StoredUser>('sessionUser');
}

/** The team ids a person no longer has: what the device must forget. Pure, for the table test. */
export function removedTeams(before: readonly string[], after: readonly string[]): string[] {
  return before.filter((id) => !after.includes(id));
}

/**
 * Keeps the device's idea of the person in step with the server's at every login and refresh: name, role, teams
 * and organisation name. A team no longer listed leaves the device (rows, drafts, cursor; waiting changes are
 * kept as "needs attention"), so a worker who moved stops carrying the old team's clients around.
 */
export async function applySession(session: LoginResponse): Promise<void> {
  const before = await storedUser();
  // Not signed in on this device yet (a sign-in still choosing what to do with local data): nothing to update.
  if (!before || before.id !== session.user.id) return;
  await forgetTeams(removedTeams(before.teamIds, session.user.teamIds));
  await saveSession(session);
}

/** The person, their teams by name, the organisation's name and the colleagues' names, as the session gives them. */
export async function saveSession(session: LoginResponse): Promise<void> {
  // Best effort: without the names a conflict says "a colleague", and the session goes on.
  await setColleagues(session.colleagues).catch(() => {});
  const user: StoredUser = { ...session.user, teams: session.teams };
  await setMeta('sessionUser', user);
  // The lock times of the organisation (shell/lock.tsx), applied from this session on; older servers send none.
  if (session.settings) await setMeta('orgSettings', session.settings);
  if (session.organisationName) await setMeta('orgName', session.organisationName);
}
