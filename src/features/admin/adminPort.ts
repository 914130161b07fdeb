import type { AuditEntry, CreatePersonBody, CreatePersonResponse, Device, OrgSettings, Person, PersonRole, Team, UpdatePersonBody } from '../../model/admin';

/** Who is signed in on this device, as far as the admin screens need to know. */
export interface AdminMe {
  id: string;
  role: PersonRole;
}

/**
 * What the admin screens need from the server. Features may not import the sync layer, so the shell hands
 * this in (src/shell/adminScreen.tsx builds it from sync/adminApi). Every method goes to the server: the admin
 * data is never stored on the device. Failures reject with an error whose `code` is one of ADMIN_ERROR_CODES.
 */
export interface AdminPort {
  me(): Promise<AdminMe | undefined>;
  listPeople(): Promise<Person[]>;
  createPerson(input: CreatePersonBody): Promise<CreatePersonResponse>;
  updatePerson(id: string, patch: UpdatePersonBody): Promise<Person>;
  resetPassword(id: string): Promise<string>;
  revokeSessions(id: string): Promise<void>;
  listDevices(personId: string): Promise<Device[]>;
  revokeDevice(clientId: string): Promise<void>;
  listTeams(): Promise<Team[]>;
  createTeam(name: string): Promise<Team>;
  renameTeam(id: string, name: string): Promise<Team>;
  addMember(teamId: string, userId: string): Promise<void>;
  removeMember(teamId: string, userId: string): Promise<void>;
  getSettings(): Promise<OrgSettings>;
  saveSettings(settings: OrgSettings): Promise<OrgSettings>;
  audit(filter: AuditFilter): Promise<AuditEntry[]>;
  /** The same log as the server's CSV file. */
  auditCsv(filter: AuditFilter): Promise<string>;
}

/** Whose log: one dossier's, one person's, or that person's entries about that dossier. */
export interface AuditFilter {
  caseId?: string;
  userId?: string;
}

/** The codes the admin API client (sync/adminApi AdminErrorCode) rejects with; each has a sentence in admin.errors. */
export const ADMIN_ERROR_CODES = ['offline', 'signIn', 'forbidden', 'notFound', 'emailTaken', 'cannotChangeSelf', 'invalid', 'server'] as const;
export type AdminErrorCode = (typeof ADMIN_ERROR_CODES)[number];

export function adminErrorCode(error: unknown): AdminErrorCode {
  const code = (error as { code?: unknown } | null)?.code;
  return (ADMIN_ERROR_CODES as readonly unknown[]).includes(code) ? (code as AdminErrorCode) : 'server';
}
