import type { UserContext } from '../auth/accessToken';

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
