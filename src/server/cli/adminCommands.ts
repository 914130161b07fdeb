import { parseArgs } from 'node:util';
import { createOrganisation, createTeam, listOrganisations, listTeams } from '../accounts/organisations';
import { generatePassword } from '../accounts/passwords';
import { createUser, listUsers, resetPassword } from '../accounts/users';
import { ServerError } from '../serverError';
import { writeAudit } from '../store/auditLog';
import type { Db, Role } from '../store/database';
import { changeMembership, revokeUserSessions, setAccountDisabled } from './accountCommands';
import { initOrganisation } from './initCommand';

export interface AdminIo {
  db: Db;
  out(line: string): void;
  err(line: string): void;
  /** Asks the operator for a password (hidden); only used with --ask-password. */
  askPassword?(): Promise<string>;
}

export const USAGE = `Usage: npm run admin -- <command> [options]
  init         --org NAME --admin-email EMAIL [--admin-name NAME]
               the organisation and its first admin, once per database (prints a one-time password)
  create-org   --name NAME
  create-team  --org ORG_ID --name NAME
  create-user  --org ORG_ID --email EMAIL --name NAME --role worker|coordinator|admin [--team TEAM_ID ...] [--ask-password]
  reset-password --email EMAIL [--ask-password]
  disable-user --email EMAIL      enable-user --email EMAIL
  add-membership --email EMAIL --team TEAM      remove-membership --email EMAIL --team TEAM   (TEAM: id or name)
  revoke-sessions --email EMAIL   ends every session of the person on every device
  list
Without --ask-password a password is generated and printed once.
The database is DATABASE_URL (PostgreSQL) if set, otherwise data/veldwerk.sqlite (or DATABASE_FILE).`;

/** Exit codes: 0 done, 1 refused (not found, already exists, invalid value), 2 wrong usage. */
export async function runAdmin(argv: string[], io: AdminIo): Promise<0 | 1 | 2> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        org: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        team: { type: 'string', multiple: true },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        'ask-password': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, ...extra] = positionals;
  if (values.help || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (!command) return usage(io, 'No command given.');
  if (extra.length > 0) return usage(io, `Unexpected argument: ${extra.join(' ')}`);
  const need = (name: 'name' | 'org' | 'email' | 'role' | 'admin-email'): string => {
    const value = values[name];
    if (value === undefined || value === '') throw new UsageError(`${command} needs --${name}.`);
    return value;
  };
  const oneTeam = (): string => {
    const teams = values.team ?? [];
    if (teams.length !== 1 || !teams[0]) throw new UsageError(`${command} needs exactly one --team.`);
    return teams[0];
  };
  const password = async () => (values['ask-password'] && io.askPassword ? io.askPassword() : generatePassword());
  try {
    switch (command) {
      case 'create-org': {
        const org = await createOrganisation(io.db, { name: need('name') });
        io.out(`Organisation created: ${org.id}  ${org.name}`);
        return 0;
      }
      case 'create-team': {
        const team = await createTeam(io.db, { organisationId: need('org'), name: need('name') });
        await writeAudit(io.db, { userId: null, action: 'team.create', target: team.id });
        io.out(`Team created: ${team.id}  ${team.name}`);
        return 0;
      }
      case 'create-user': {
        const input = { organisationId: need('org'), email: need('email'), displayName: need('name'), role: need('role') as Role, teamIds: values.team ?? [] };
        const chosen = await password();
        const user = await createUser(io.db, { ...input, password: chosen });
        await writeAudit(io.db, { userId: null, action: 'account.create', target: user.id });
        io.out(`User created: ${user.id}  ${user.email}  ${user.role}  teams: ${user.teamIds.join(', ') || '–'}`);
        if (!values['ask-password']) io.out(`Password (shown once, hand it over safely): ${chosen}`);
        return 0;
      }
      case 'reset-password': {
        const chosen = await password();
        const user = await resetPassword(io.db, need('email'), chosen);
        await writeAudit(io.db, { userId: null, action: 'account.resetPassword', target: user.id });
        io.out(`Password reset for ${user.email}; all their sessions have ended.`);
        if (!values['ask-password']) io.out(`New password (shown once, hand it over safely): ${chosen}`);
        return 0;
      }
      case 'init':
        await initOrganisation(io, { org: need('org'), adminEmail: need('admin-email'), adminName: values['admin-name'] });
        return 0;
      case 'disable-user':
      case 'enable-user':
        await setAccountDisabled(io, need('email'), command === 'disable-user');
        return 0;
      case 'add-membership':
      case 'remove-membership':
        await changeMembership(io, need('email'), oneTeam(), command === 'add-membership');
        return 0;
      case 'revoke-sessions':
        await revokeUserSessions(io, need('email'));
        return 0;
      case 'list':
        await list(io);
        return 0;
      default:
        return usage(io, `Unknown command: ${command}`);
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(io, error.message);
    if (error instanceof ServerError) {
      io.err(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

class UsageError extends Error {}

function usage(io: AdminIo, problem: string): 2 {
  io.err(`${problem}\n\n${USAGE}`);
  return 2;
}

async function list(io: AdminIo): Promise<void> {
  const [organisations, teams, users] = await Promise.all([listOrganisations(io.db), listTeams(io.db), listUsers(io.db)]);
  if (organisations.length === 0) io.out('No organisations yet. Start with: npm run admin -- create-org --name NAME');
  for (const org of organisations) {
    io.out(`${org.name}  (${org.id})`);
    for (const team of teams.filter((t) => t.organisationId === org.id)) io.out(`  team  ${team.name}  (${team.id})`);
    for (const user of users.filter((u) => u.organisationId === org.id)) {
      const state = user.disabled ? '  [disabled]' : '';
      io.out(`  user  ${user.email}  ${user.displayName}  ${user.role}  teams: ${user.teamIds.join(', ') || '–'}${state}`);
    }
  }
}
