import { EmailSchema, NameSchema } from '../accounts/accountSchemas';
import { createOrganisation } from '../accounts/organisations';
import { generatePassword } from '../accounts/passwords';
import { createUser, findUserByEmail, setUserDisabled } from '../accounts/users';
import { realOrganisations } from '../demo/demoAccounts';
import { DEMO_SCOPES } from '../demo/demoSnapshot';
import { parseInput } from '../parseInput';
import { ServerError } from '../serverError';
import { writeAudit } from '../store/auditLog';
import type { AdminIo } from './adminCommands';

export interface InitInput {
  org: string;
  adminEmail: string;
  adminName?: string | undefined;
}

/**
 * The first run of a real organisation: the organisation and its first admin, with a one-time password. Only
 * once per database: a second organisation is made with create-org on purpose, never by a repeated init.
 * Working demo logins are switched off here, since their passwords are published.
 */
export async function initOrganisation(io: AdminIo, input: InitInput): Promise<void> {
  const name = parseInput(NameSchema, input.org);
  const email = parseInput(EmailSchema, input.adminEmail);
  const displayName = parseInput(NameSchema, input.adminName ?? 'Beheerder');
  const existing = await realOrganisations(io.db);
  if (existing.length > 0) {
    throw new ServerError(409, 'alreadyInitialised', `This database already holds an organisation (${existing.map((o) => o.name).join(', ')}); init runs only once. Use create-team and create-user, or the admin screens.`);
  }
  if (await findUserByEmail(io.db, email)) throw new ServerError(409, 'emailTaken', `There is already an account for ${email}.`);
  const org = await createOrganisation(io.db, { name });
  const password = generatePassword();
  const admin = await createUser(io.db, { organisationId: org.id, email, displayName, role: 'admin', password, teamIds: [] });
  await writeAudit(io.db, { userId: null, action: 'account.create', target: admin.id });
  const demoLogins = await io.db.selectFrom('users').select('id').where('organisation_id', '=', DEMO_SCOPES.orgId).where('disabled', '=', 0).execute();
  for (const demo of demoLogins) await setUserDisabled(io.db, demo.id, true);
  io.out(`Organisation created: ${org.id}  ${org.name}`);
  io.out(`Admin created: ${admin.id}  ${admin.email}`);
  io.out(`One-time password (shown once, hand it over safely): ${password}`);
  if (demoLogins.length > 0) io.out(`Disabled ${demoLogins.length} demo login(s) of ${DEMO_SCOPES.orgName}: their passwords are public.`);
  io.out('Next: start the server with DEMO=0, sign in as this admin and add teams and people in the admin screens (or with create-team / create-user).');
}
