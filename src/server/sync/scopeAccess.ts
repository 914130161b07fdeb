import type { Collection } from '../../sync/protocol';
import type { UserContext } from '../auth/accessToken';

/** Which kind of scope owns a collection's rows: dossiers belong to a team, the directory to the organisation. */
export const SCOPE_KIND: Record<Collection, 'team' | 'organisation' | 'either'> = {
  cases: 'team',
  notes: 'team',
  followUps: 'team',
  partners: 'organisation',
  examples: 'organisation',
  // A network instrument belongs to the organisation or a team; a client's (ecogram) to its case's team.
  instrumentRuns: 'either',
};

/**
 * What a user may do with a scope: their own teams and their organisation, nothing else. The role grants no
 * extra scope: need-to-know is per team, so an admin or coordinator outside a team cannot read its dossiers.
 */
export function scopeAccess(user: UserContext, scopeId: string): 'team' | 'organisation' | null {
  if (user.teamIds.includes(scopeId)) return 'team';
  if (scopeId === user.organisationId) return 'organisation';
  return null;
}

/** Every scope the user may read and write, for `scope_id in (…)` inside the queries. */
export function readableScopes(user: UserContext): string[] {
  return [...user.teamIds, user.organisationId];
}
