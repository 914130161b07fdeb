import type { RunningServer } from './server';

/** What the admin command printed: the id of what it made, and a one-time password it showed once. */
export const createdId = (lines: string[]) => /created: (\S+)/.exec(lines[0] ?? '')?.[1] ?? '';
export const shownPassword = (lines: string[]) => /\(shown once[^)]*\): (\S+)/.exec(lines.join('\n'))?.[1] ?? '';

export interface Person {
  email: string;
  password: string;
}

/**
 * A real organisation, made as its admin makes it (DEMO=0, the admin command): `init`, then its teams by name.
 * `person` adds someone to one or more of those teams (by name) and returns how they sign in.
 */
export async function makeOrganisation(server: RunningServer, name: string, domain: string, teamNames: string[]) {
  const org = createdId(await server.admin('init', '--org', `${name} (fictief)`, '--admin-email', `beheer@${domain}`, '--admin-name', `Beheer ${name} (fictief)`));
  const teams: Record<string, string> = {};
  for (const team of teamNames) teams[team] = createdId(await server.admin('create-team', '--org', org, '--name', team));
  return {
    org,
    teams,
    async person(key: string, fullName: string, role: 'worker' | 'coordinator' | 'admin', inTeams: string[]): Promise<Person> {
      const email = `${key}@${domain}`;
      const [first, ...more] = inTeams;
      const password = shownPassword(await server.admin('create-user', '--org', org, '--email', email, '--name', fullName, '--role', role, '--team', teams[first!]!));
      for (const team of more) await server.admin('add-membership', '--email', email, '--team', team);
      return { email, password };
    },
  };
}
