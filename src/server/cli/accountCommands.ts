import { addMembership, removeMembership } from '../accounts/memberships';
import { findUserByEmail, revokeSessions, setUserDisabled, type UserAccount } from '../accounts/users';
import { ServerError } from '../serverError';
import { writeAudit } from '../store/auditLog';
import type { Db } from '../store/database';
import type { AdminIo } from './adminCommands';

/** The account commands an admin also has in the app; the audit names no user (the operator at the console). */

export async function setAccountDisabled(io: AdminIo, email: string, disabled: boolean): Promise<void> {
  const user = await accountFor(io.db, email);
  if (user.disabled === disabled) {
    io.out(`${user.email} is already ${disabled ? 'disabled' : 'enabled'}; nothing changed.`);
    return;
  }
  await setUserDisabled(io.db, user.id, disabled);
  await writeAudit(io.db, { userId: null, action: disabled ? 'account.disable' : 'account.enable', target: user.id });
  io.out(disabled ? `Disabled ${user.email}: their sessions have ended and their devices erase their data at the next contact.` : `Enabled ${user.email}: they can log in again.`);
}

export async function changeMembership(io: AdminIo, email: string, teamRef: string, add: boolean): Promise<void> {
  const user = await accountFor(io.db, email);
  const team = await teamOf(io.db, user.organisationId, teamRef);
  const changed = add ? await addMembership(io.db, user.id, team.id) : await removeMembership(io.db, user.id, team.id);
  if (!changed) {
    io.out(`${user.email} is ${add ? 'already' : 'not'} a member of ${team.name}; nothing changed.`);
    return;
  }
  await writeAudit(io.db, { userId: null, action: add ? 'account.addTeam' : 'account.removeTeam', target: user.id });
  io.out(add ? `Added ${user.email} to ${team.name}.` : `Removed ${user.email} from ${team.name}: their devices drop its data at the next sync.`);
}

export async function revokeUserSessions(io: AdminIo, email: string): Promise<void> {
  const user = await accountFor(io.db, email);
  await revokeSessions(io.db, user.id);
  await writeAudit(io.db, { userId: null, action: 'account.revokeSessions', target: user.id });
  io.out(`Ended every session of ${user.email}; they must log in again on each device (within a minute on a running server).`);
}

async function accountFor(db: Db, email: string): Promise<UserAccount> {
  const found = await findUserByEmail(db, email);
  if (!found) throw new ServerError(404, 'userNotFound', `No account for ${email}.`);
  return found.account;
}

/** A team of the person's organisation, by id or by exact name (names are what an operator knows). */
async function teamOf(db: Db, organisationId: string, ref: string): Promise<{ id: string; name: string }> {
  const teams = await db.selectFrom('teams').select(['id', 'name']).where('organisation_id', '=', organisationId).execute();
  const byId = teams.find((t) => t.id === ref);
  if (byId) return byId;
  const byName = teams.filter((t) => t.name.toLowerCase() === ref.trim().toLowerCase());
  if (byName.length > 1) throw new ServerError(409, 'ambiguousTeam', `Several teams are called ${ref}; give the team's id (see: npm run admin -- list).`);
  if (!byName[0]) throw new ServerError(404, 'teamNotFound', `No team ${ref} in this person's organisation (see: npm run admin -- list).`);
  return byName[0];
}
