import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createOrganisation, createTeam } from '../../../src/server/accounts/organisations';
import { createUser } from '../../../src/server/accounts/users';
import type { Db, Role } from '../../../src/server/store/database';
import { accessToken } from './syncClient';

export interface SyncUser {
  userId: string;
  token: string;
}

/** A user in an existing organisation and teams, signed in on `app`. */
export async function signedInUser(db: Db, app: FastifyInstance, organisationId: string, teamIds: string[], role: Role = 'worker'): Promise<SyncUser> {
  const tag = randomBytes(4).toString('hex');
  const password = `correct horse ${tag}`;
  const user = await createUser(db, { organisationId, email: `${role}-${tag}@test.example`, displayName: `${role} ${tag}`, role, password, teamIds });
  return { userId: user.id, token: await accessToken(app, { user, password }) };
}

/**
 * Two organisations: A with teams A1 and A2, B with team B1. The scopes of the authorisation matrix, seen
 * from a user of A1: their own team, another team of their organisation, their organisation, a team of
 * another organisation, another organisation.
 */
export async function twoOrganisations(db: Db): Promise<{ orgA: string; teamA1: string; teamA2: string; orgB: string; teamB1: string }> {
  const tag = randomBytes(3).toString('hex');
  const orgA = (await createOrganisation(db, { name: `Gemeente A ${tag}` })).id;
  const orgB = (await createOrganisation(db, { name: `Gemeente B ${tag}` })).id;
  const teamA1 = (await createTeam(db, { organisationId: orgA, name: 'A1' })).id;
  const teamA2 = (await createTeam(db, { organisationId: orgA, name: 'A2' })).id;
  const teamB1 = (await createTeam(db, { organisationId: orgB, name: 'B1' })).id;
  return { orgA, teamA1, teamA2, orgB, teamB1 };
}
