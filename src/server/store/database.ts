import type { ColumnType, Kysely } from 'kysely';
import type { Collection } from '../../sync/protocol';

export const ROLES = ['worker', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The server's tables as Kysely sees them. Portable types only (text and integer), so one set of migrations
 * and queries serves SQLite and PostgreSQL: timestamps are ISO-8601 UTC text (they sort as text), flags are
 * 0/1 integers. Later migrations add their tables here too (an augmentation elsewhere would be missed by a
 * program that does not happen to import it).
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
    /** (0003) ISO time; an access token issued before it is refused. Null: never revoked. */
    tokens_valid_after: ColumnType<string | null, string | null | undefined, string | null>;
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
    /** (0005) When the login that started this family happened; the absolute session lifetime counts from it. */
    session_started_at: ColumnType<string | null, string | null | undefined, string | null>;
  };
  signing_keys: { id: string; secret: string; created_at: string };
  /**
   * `row_count` (0002): how many rows a sync push or pull touched. `client_id` and `case_id` (0004): the device
   * install and the dossier an entry is about, so an organisation can answer "who saw or changed this case".
   */
  audit_log: {
    id: string;
    at: string;
    user_id: string | null;
    action: string;
    target: string | null;
    row_count: number | null;
    client_id: string | null;
    case_id: string | null;
  };

  // 0002_sync: the server's copy of the synced rows and the bookkeeping of idempotent, ordered pushes.
  /** One row per synced app row; `version` is the scope version of its last change. */
  records: {
    collection: Collection;
    id: string;
    scope_id: string;
    version: BigIntColumn;
    deleted: number;
    /** The app row without `version`, as JSON; '{}' once deleted. */
    row_json: string;
    /** Per field path, the FieldStamp of its last change. */
    fields_json: string;
    conflicts_json: string;
    /** Server time of the last change (for operators; device clocks order nothing). */
    updated_at: string;
  };
  /** The per-scope version counter; pulls with `since` below `tombstone_horizon` get 410. */
  scope_versions: { scope_id: string; version: BigIntColumn; tombstone_horizon: BigIntColumn };
  /**
   * A device install, bound to the user who first pushed from it; `last_seq` is its highest processed seq.
   * 0004: when it was first and last seen, its app version, and when an admin revoked it (then every sync and
   * refresh from it is refused with `deviceRevoked`, and the device erases its copy).
   */
  sync_clients: {
    client_id: string;
    user_id: string;
    last_seq: BigIntColumn;
    first_seen_at: string | null;
    last_seen_at: string | null;
    app_version: string | null;
    revoked_at: string | null;
  };
  /** The stored answer to every processed mutation, so a retry returns it instead of applying twice. */
  client_mutations: { client_id: string; mutation_id: string; seq: BigIntColumn; outcome: string; error: string | null; created_at: string };

  // 0003_admin
  /** The organisation's own settings; no row means DEFAULT_ORG_SETTINGS (src/model/admin.ts). */
  org_settings: {
    organisation_id: string;
    screen_lock_minutes: number;
    full_lock_minutes: number;
    note_retention_years: number;
    /** (0005) How many days a session lasts at most from its login, however often it is refreshed. */
    session_max_days: ColumnType<number, number | undefined, number>;
  };
  // 0004_devices_audit
  /** Key/value facts about this server's database; `server_epoch` changes when an older backup is restored. */
  server_meta: { key: string; value: string };
  // 0005_sign_in_limits
  /**
   * Sign-in attempts that the login limits count (see auth/loginLimits.ts): failures per account key and per
   * address, and successes (an account's recent success from an address exempts it from that address's limit).
   * `account_key` is a hash of the e-mail address as typed, so unknown addresses are counted like known ones.
   */
  login_attempts: { id: string; account_key: string; address: string; at: string; succeeded: number };
  // 0007_data_keys
  /** Each person's device data key, wrapped under the server's data key secret (see auth/dataKeyVault.ts). */
  data_keys: { user_id: string; wrapped: string; created_at: string };
}

/** A bigint column: PostgreSQL's driver returns int8 as a string, so reads go through Number(). */
type BigIntColumn = ColumnType<number | string, number, number>;

export type Db = Kysely<Database>;
