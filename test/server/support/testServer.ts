import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createOrganisation, createTeam } from '../../../src/server/accounts/organisations';
import { createUser, type UserAccount } from '../../../src/server/accounts/users';
import { buildServer, type ServerOptions } from '../../../src/server/app';
import type { AuthOptions } from '../../../src/server/auth/authRoutes';
import type { SyncOptions } from '../../../src/server/sync/syncRoutes';
import type { Db, Role } from '../../../src/server/store/database';

let staticDir: string | undefined;

/** A stand-in build: these tests are about /api, not about what Vite produced. */
function fakeBuild(): string {
  if (staticDir) return staticDir;
  staticDir = mkdtempSync(join(tmpdir(), 'veldwerk-dist-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Veldwerk</title>');
  return staticDir;
}

/** `server`: further options of buildServer (trustProxy, publicUrl). */
export async function startApp(db: Db, auth?: AuthOptions, sync?: SyncOptions, server: Partial<ServerOptions> = {}): Promise<FastifyInstance> {
  const app = await buildServer({ staticDir: fakeBuild(), demo: false, version: 'test', database: db, ...server, ...(auth ? { auth } : {}), ...(sync ? { sync } : {}) });
  await app.ready();
  return app;
}

/**
 * Suites that sign in many users from one address (every inject comes from 127.0.0.1): the login limits have
 * their own tests (loginLimits.test.ts, rateLimit.test.ts). The per-account lock stays as it is.
 */
export const SIGN_IN_FREELY: AuthOptions = { loginRateLimit: { max: 10_000, timeWindowMs: 60_000 }, loginLimits: { addressFreeFailures: 10_000 } };

export interface Member {
  user: UserAccount;
  password: string;
  organisationId: string;
  teamId: string;
}

/** A fresh organisation with one team and one member, unique per call so tests never share accounts. */
export async function createMember(db: Db, role: Role = 'worker'): Promise<Member> {
  const tag = randomBytes(4).toString('hex');
  const org = await createOrganisation(db, { name: `Testgemeente ${tag}` });
  const team = await createTeam(db, { organisationId: org.id, name: 'Onthaal' });
  const password = `correct horse ${tag}`;
  const user = await createUser(db, { organisationId: org.id, email: `worker-${tag}@test.example`, displayName: `Tester ${tag}`, role, password, teamIds: [team.id] });
  return { user, password, organisationId: org.id, teamId: team.id };
}

export function login(app: FastifyInstance, email: string, password: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
}

/** The refresh token a response set, if any. */
export function refreshTokenOf(res: LightMyRequestResponse): string | undefined {
  const cookie = res.cookies.find((c) => c.name === 'vw_refresh');
  return cookie?.value || undefined;
}

export function refresh(app: FastifyInstance, token: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { vw_refresh: token } });
}

export function me(app: FastifyInstance, accessToken: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${accessToken}` } });
}

export const errorShape = (code: string) => ({ error: { code, message: expect.any(String) } });
