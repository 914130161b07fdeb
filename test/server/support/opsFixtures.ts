import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createUser } from '../../../src/server/accounts/users';
import type { Db, Role } from '../../../src/server/store/database';
import { accessToken } from './syncClient';
import { createMember, type Member } from './testServer';

/** An organisation with one team, a worker in it and an admin (not in the team), both signed in. */
export async function organisationWithAdmin(app: FastifyInstance, db: Db) {
  const worker = await createMember(db);
  const admin = await colleague(db, worker, 'admin', []);
  return { worker, admin, workerToken: await accessToken(app, worker), adminToken: await accessToken(app, admin) };
}

/** Another person of the same organisation. */
export async function colleague(db: Db, of: Member, role: Role, teamIds = [of.teamId], displayName?: string): Promise<Member> {
  const tag = randomBytes(4).toString('hex');
  const password = `correct horse ${tag}`;
  const user = await createUser(db, { organisationId: of.organisationId, email: `${role}-${tag}@test.example`, displayName: displayName ?? `${role} ${tag}`, role, password, teamIds });
  return { user, password, organisationId: of.organisationId, teamId: of.teamId };
}

export function adminGet(app: FastifyInstance, token: string, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}

export function adminPost(app: FastifyInstance, token: string, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: {} });
}

export const deviceHeaders = (clientId: string, version = '0.1.0') => ({ 'x-veldwerk-client': clientId, 'x-veldwerk-version': version });
