import * as v from 'valibot';

/**
 * The admin API (`/api/admin/*`): its request bodies, answers and the organisation's settings, declared once.
 * The server parses every body with these schemas; the admin screens parse every answer with them.
 */

export const PERSON_ROLES = ['worker', 'coordinator', 'admin'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

const id = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100));
const email = v.pipe(v.string(), v.trim(), v.toLowerCase(), v.maxLength(254), v.email());
const displayName = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const teamName = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200));
const bounded = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

export const PersonSchema = v.object({
  id: v.string(),
  email: v.string(),
  displayName: v.string(),
  role: v.picklist(PERSON_ROLES),
  disabled: v.boolean(),
  teamIds: v.array(v.string()),
  createdAt: v.string(),
});
export type Person = v.InferOutput<typeof PersonSchema>;

export const TeamSchema = v.object({ id: v.string(), name: v.string(), memberIds: v.array(v.string()) });
export type Team = v.InferOutput<typeof TeamSchema>;

/**
 * Lock times for the device, how long notes are kept, and how long a session lasts at most from its login
 * (however often it is refreshed); bounds are what an organisation may choose.
 */
export const ORG_SETTINGS_BOUNDS = {
  screenLockMinutes: { min: 1, max: 60 },
  fullLockMinutes: { min: 5, max: 480 },
  noteRetentionYears: { min: 1, max: 30 },
  sessionMaxDays: { min: 1, max: 365 },
} as const;

export const DEFAULT_SESSION_MAX_DAYS = 30;
const sessionMaxDays = bounded(ORG_SETTINGS_BOUNDS.sessionMaxDays.min, ORG_SETTINGS_BOUNDS.sessionMaxDays.max);

export const OrgSettingsSchema = v.object({
  screenLockMinutes: bounded(ORG_SETTINGS_BOUNDS.screenLockMinutes.min, ORG_SETTINGS_BOUNDS.screenLockMinutes.max),
  fullLockMinutes: bounded(ORG_SETTINGS_BOUNDS.fullLockMinutes.min, ORG_SETTINGS_BOUNDS.fullLockMinutes.max),
  noteRetentionYears: bounded(ORG_SETTINGS_BOUNDS.noteRetentionYears.min, ORG_SETTINGS_BOUNDS.noteRetentionYears.max),
  // Optional with its default: settings a device stored before this setting existed still read.
  sessionMaxDays: v.optional(sessionMaxDays, DEFAULT_SESSION_MAX_DAYS),
});
export type OrgSettings = v.InferOutput<typeof OrgSettingsSchema>;

/** What an organisation has until its admin chooses otherwise. */
export const DEFAULT_ORG_SETTINGS: OrgSettings = { screenLockMinutes: 5, fullLockMinutes: 30, noteRetentionYears: 10, sessionMaxDays: DEFAULT_SESSION_MAX_DAYS };

export const DeviceSchema = v.object({
  clientId: v.string(),
  firstSeenAt: v.string(),
  lastSeenAt: v.string(),
  appVersion: v.nullable(v.string()),
  revokedAt: v.nullable(v.string()),
});
export type Device = v.InferOutput<typeof DeviceSchema>;

export const AuditEntrySchema = v.object({
  at: v.string(),
  userId: v.nullable(v.string()),
  userName: v.nullable(v.string()),
  action: v.string(),
  target: v.nullable(v.string()),
  clientId: v.nullable(v.string()),
  rowCount: v.nullable(v.number()),
});
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;

// Request bodies.

/** POST /api/admin/people */
export const CreatePersonBodySchema = v.object({
  email,
  displayName,
  role: v.picklist(PERSON_ROLES),
  teamIds: v.pipe(v.array(id), v.maxLength(100)),
});
export type CreatePersonBody = v.InferInput<typeof CreatePersonBodySchema>;

/** PATCH /api/admin/people/:id: only the fields given change. */
export const UpdatePersonBodySchema = v.object({
  displayName: v.optional(displayName),
  role: v.optional(v.picklist(PERSON_ROLES)),
  disabled: v.optional(v.boolean()),
});
export type UpdatePersonBody = v.InferInput<typeof UpdatePersonBodySchema>;

/** POST …/password and …/revoke-sessions take an empty object (or no body at all). */
export const EmptyBodySchema = v.optional(
  v.custom<Record<string, never>>((body) => typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0, 'Expected {}'),
);

/** POST /api/admin/teams and PATCH /api/admin/teams/:id */
export const TeamBodySchema = v.object({ name: teamName });
export type TeamBody = v.InferInput<typeof TeamBodySchema>;

/**
 * PUT /api/admin/settings: the whole settings object. `sessionMaxDays` may be missing (an admin screen from
 * before it existed, still cached on a device): the stored value is then kept, not reset to the default.
 */
export const OrgSettingsBodySchema = v.object({ ...OrgSettingsSchema.entries, sessionMaxDays: v.optional(sessionMaxDays) });
export type OrgSettingsBody = v.InferOutput<typeof OrgSettingsBodySchema>;

// Answers.

export const PeopleResponseSchema = v.object({ people: v.array(PersonSchema) });
export type PeopleResponse = v.InferOutput<typeof PeopleResponseSchema>;
export const PersonResponseSchema = v.object({ person: PersonSchema });
export type PersonResponse = v.InferOutput<typeof PersonResponseSchema>;
export const CreatePersonResponseSchema = v.object({ person: PersonSchema, oneTimePassword: v.string() });
export type CreatePersonResponse = v.InferOutput<typeof CreatePersonResponseSchema>;
export const PasswordResetResponseSchema = v.object({ oneTimePassword: v.string() });
export type PasswordResetResponse = v.InferOutput<typeof PasswordResetResponseSchema>;
export const TeamsResponseSchema = v.object({ teams: v.array(TeamSchema) });
export type TeamsResponse = v.InferOutput<typeof TeamsResponseSchema>;
export const TeamResponseSchema = v.object({ team: TeamSchema });
export type TeamResponse = v.InferOutput<typeof TeamResponseSchema>;
export const SettingsResponseSchema = v.object({ settings: OrgSettingsSchema });
export type SettingsResponse = v.InferOutput<typeof SettingsResponseSchema>;
export const DevicesResponseSchema = v.object({ devices: v.array(DeviceSchema) });
export type DevicesResponse = v.InferOutput<typeof DevicesResponseSchema>;
export const AuditResponseSchema = v.object({ entries: v.array(AuditEntrySchema) });
export type AuditResponse = v.InferOutput<typeof AuditResponseSchema>;
