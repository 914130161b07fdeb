import type { Kysely } from 'kysely';

export const ROLES = ['worker', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The server's tables as Kysely sees them. Portable types only (text and integer), so one set of migrations
 * and queries serves SQLite and PostgreSQL: timestamps are ISO-8601 UTC text (they sort as text), flags are
 * 0/1 integers. Later migrations add tables by module augmentation of this interface.
 */
export interface Database {
  organisations: { id: string; name: string };
  teams: { id: string; organisation_id: string; name: string };
  users: {
    id: string;
    organisation_id: string;
    /** Always stored lower-case: the unique index must not let "An@x" and "an@x" be two accounts. */
    email: string;
    display_name: string;
    role: Role;
    password_hash: string;
    created_at: string;
    disabled: number;
  };
  memberships: { user_id: string; team_id: string };
  refresh_tokens: {
    id: string;
    user_id: string;
    /** Every token rotated from one login shares the family; reuse of any used token revokes all of them. */
    family_id: string;
    token_hash: string;
    created_at: string;
    expires_at: string;
    used_at: string | null;
    revoked_at: string | null;
  };
  signing_keys: { id: string; secret: string; created_at: string };
  audit_log: { id: string; at: string; user_id: string | null; action: string; target: string | null };
}

export type Db = Kysely<Database>;
