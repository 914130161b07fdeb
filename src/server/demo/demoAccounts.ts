import { createOrganisation, createTeam } from '../accounts/organisations';
import { addMembership } from '../accounts/memberships';
import { createUser, findUserByEmail } from '../accounts/users';
import type { Db, Role } from '../store/database';
import { SCHULDHULP_TEAM_ID } from './demoSchuldhulp';
import { DEMO_SCOPES } from './demoSnapshot';

export const DEMO_TEAMS = [
  { id: DEMO_SCOPES.teamId, name: 'Onthaal' },
  { id: SCHULDHULP_TEAM_ID, name: 'Schuldhulp' },
] as const;

/**
 * Fictitious demo logins, printed by `npm start`. The passwords are public by design: a server with DEMO=1
 * holds only the fictitious Voorbeeldstad data. Never run a real organisation with demo mode on.
 */
export interface DemoUser {
  id: string;
  email: string;
  password: string;
  displayName: string;
  role: Role;
  teamIds: readonly string[];
}

const [ONTHAAL, SCHULDHULP] = [DEMO_TEAMS[0].id, DEMO_TEAMS[1].id];
const demoUser = (key: string, password: string, displayName: string, role: Role, teamIds: string[]): DemoUser => ({
  id: `demo-user-${key}`,
  email: `${key}@voorbeeldstad.example`,
  password,
  displayName,
  role,
  teamIds,
});

export const DEMO_USERS: readonly DemoUser[] = [
  demoUser('lotte', 'demo-onthaal-1', 'Lotte Demo (fictief)', 'worker', [ONTHAAL]),
  demoUser('samir', 'demo-schuldhulp-1', 'Samir Demo (fictief)', 'worker', [SCHULDHULP]),
  demoUser('hilde', 'demo-coordinator-1', 'Hilde Demo (fictief)', 'coordinator', [ONTHAAL, SCHULDHULP]),
  demoUser('beheer', 'demo-beheer-1', 'Beheerder Demo (fictief)', 'admin', []),
];

export type DemoSeeding = { seeded: true } | { seeded: false; reason: string };

/**
 * Adds whatever of the demo organisation is missing and leaves the rest alone, so it runs on every start.
 * Existing demo users keep their password (an admin may have reset it) but regain their demo teams.
 * ⚠ Never in a database that holds a real organisation: the demo logins' passwords are public.
 */
export async function seedDemoAccounts(db: Db): Promise<DemoSeeding> {
  const real = await realOrganisations(db);
  if (real.length > 0) return { seeded: false, reason: `this database holds a real organisation (${real.map((o) => o.name).join(', ')})` };
  const org = await db.selectFrom('organisations').select('id').where('id', '=', DEMO_SCOPES.orgId).executeTakeFirst();
  if (!org) await createOrganisation(db, { id: DEMO_SCOPES.orgId, name: DEMO_SCOPES.orgName });
  for (const team of DEMO_TEAMS) {
    const exists = await db.selectFrom('teams').select('id').where('id', '=', team.id).executeTakeFirst();
    if (!exists) await createTeam(db, { id: team.id, organisationId: DEMO_SCOPES.orgId, name: team.name });
  }
  for (const user of DEMO_USERS) {
    const existing = await findUserByEmail(db, user.email);
    if (!existing) await createUser(db, { ...user, teamIds: [...user.teamIds], organisationId: DEMO_SCOPES.orgId });
    else for (const teamId of user.teamIds) await addMembership(db, existing.account.id, teamId);
  }
  return { seeded: true };
}

/** Every organisation but the demo one. */
export async function realOrganisations(db: Db): Promise<Array<{ id: string; name: string }>> {
  return db.selectFrom('organisations').select(['id', 'name']).where('id', '!=', DEMO_SCOPES.orgId).orderBy('name').execute();
}

/** The demo logins that still work (not disabled): what makes a server reachable from the network unsafe. */
export async function activeDemoLogins(db: Db): Promise<number> {
  const rows = await db.selectFrom('users').select('id').where('organisation_id', '=', DEMO_SCOPES.orgId).where('disabled', '=', 0).execute();
  return rows.length;
}

/** The table `npm start` prints under the address: what a newcomer needs to log in. */
export function formatDemoLogins(): string {
  const teamName = (id: string) => DEMO_TEAMS.find((t) => t.id === id)?.name ?? id;
  const rows = [['e-mail', 'wachtwoord', 'rol', 'teams'], ...DEMO_USERS.map((u) => [u.email, u.password, u.role, u.teamIds.map(teamName).join(', ') || '–'])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')}`.trimEnd()).join('\n');
}
