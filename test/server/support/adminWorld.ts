import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db, Role } from '../../../src/server/store/database';
import { signedInUser, twoOrganisations, type SyncUser } from './syncWorld';

export type AdminCaller = 'worker' | 'coordinator' | 'admin' | 'otherAdmin';

/**
 * Organisation A (teams A1, A2) with an admin, a coordinator of A1, a worker of A1 and a worker of A2 (the
 * person the routes act on); organisation B with its own admin. Everyone is signed in on `app`.
 */
export interface AdminWorld {
  orgA: string;
  teamA1: string;
  teamA2: string;
  orgB: string;
  teamB1: string;
  callers: Record<AdminCaller, SyncUser>;
  /** A worker of A2: not in the coordinator's team. */
  subject: SyncUser;
  /** A worker of A1: in the coordinator's team. */
  colleague: SyncUser;
}

export async function adminWorld(db: Db, app: FastifyInstance): Promise<AdminWorld> {
  const orgs = await twoOrganisations(db);
  const user = (org: string, teams: string[], role: Role) => signedInUser(db, app, org, teams, role);
  const admin = await user(orgs.orgA, [], 'admin');
  const coordinator = await user(orgs.orgA, [orgs.teamA1], 'coordinator');
  const worker = await user(orgs.orgA, [orgs.teamA1], 'worker');
  const subject = await user(orgs.orgA, [orgs.teamA2], 'worker');
  const otherAdmin = await user(orgs.orgB, [], 'admin');
  return { ...orgs, callers: { worker, coordinator, admin, otherAdmin }, subject, colleague: worker };
}

/** One admin API call with a Bearer token (or none). */
export function adminCall(app: FastifyInstance, token: string | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  // Always JSON, as the app sends it: a bare string or number is a JSON body too, not text/plain.
  const json = payload === undefined ? {} : { 'content-type': 'application/json' };
  return app.inject({
    method,
    url,
    headers: { ...json, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}
