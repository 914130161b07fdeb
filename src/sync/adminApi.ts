import * as v from 'valibot';
import {
  AuditResponseSchema,
  CreatePersonResponseSchema,
  DevicesResponseSchema,
  PasswordResetResponseSchema,
  PeopleResponseSchema,
  PersonResponseSchema,
  SettingsResponseSchema,
  TeamResponseSchema,
  TeamsResponseSchema,
  type AuditEntry,
  type CreatePersonBody,
  type CreatePersonResponse,
  type Device,
  type OrgSettings,
  type Person,
  type Team,
  type UpdatePersonBody,
} from '../model/admin';
import { SyncError } from './api';

/** What went wrong, as the admin screens explain it in words. */
export type AdminErrorCode = 'offline' | 'signIn' | 'forbidden' | 'notFound' | 'emailTaken' | 'cannotChangeSelf' | 'invalid' | 'server';

export class AdminError extends Error {
  constructor(readonly code: AdminErrorCode) {
    super(code);
    this.name = 'AdminError';
  }
}

/** The signed-in transport (SyncApi.authedText): the answer's body as text, '' when empty; throws SyncError. */
export type AuthedText = (path: string, init: RequestInit) => Promise<string>;

/** Whose log: one dossier's, one person's, or that person's entries about that dossier. */
export interface AuditFilter {
  caseId?: string;
  userId?: string;
}

/** The server's answer to a failed request, as one of the codes above. */
export function adminErrorCode(error: unknown): AdminErrorCode {
  if (error instanceof AdminError) return error.code;
  if (!(error instanceof SyncError)) return 'server';
  if (error.code === 'offline') return 'offline';
  if (error.code === 'unauthorized' || error.code === 'invalidCredentials') return 'signIn';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status === 409 && (error.serverCode === 'emailTaken' || error.serverCode === 'cannotChangeSelf')) return error.serverCode;
  if (error.status === 400) return 'invalid';
  return 'server';
}

const path = (...parts: string[]) => `/api/admin/${parts.map(encodeURIComponent).join('/')}`;
const post = (body: unknown = {}): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

/**
 * The admin API (`/api/admin/*`) for the admin screens. Online only: nothing of it is stored on the device.
 * Every answer is parsed with the schemas of model/admin; an answer that does not parse counts as a server fault.
 */
export class AdminApi {
  constructor(private readonly send: AuthedText) {}

  private async request(url: string, init: RequestInit): Promise<string> {
    try {
      return await this.send(url, init);
    } catch (e) {
      throw new AdminError(adminErrorCode(e));
    }
  }

  private async read<S extends v.GenericSchema>(schema: S, url: string, init: RequestInit = { method: 'GET' }): Promise<v.InferOutput<S>> {
    let body: unknown;
    try {
      body = JSON.parse(await this.request(url, init));
    } catch (e) {
      throw e instanceof AdminError ? e : new AdminError('server');
    }
    const parsed = v.safeParse(schema, body);
    if (!parsed.success) throw new AdminError('server');
    return parsed.output;
  }

  private async run(url: string, init: RequestInit): Promise<void> {
    await this.request(url, init);
  }

  async listPeople(): Promise<Person[]> {
    return (await this.read(PeopleResponseSchema, path('people'))).people;
  }

  createPerson(input: CreatePersonBody): Promise<CreatePersonResponse> {
    return this.read(CreatePersonResponseSchema, path('people'), post(input));
  }

  async updatePerson(id: string, patch: UpdatePersonBody): Promise<Person> {
    return (await this.read(PersonResponseSchema, path('people', id), { method: 'PATCH', body: JSON.stringify(patch) })).person;
  }

  async resetPassword(id: string): Promise<string> {
    return (await this.read(PasswordResetResponseSchema, path('people', id, 'password'), post())).oneTimePassword;
  }

  revokeSessions(id: string): Promise<void> {
    return this.run(path('people', id, 'revoke-sessions'), post());
  }

  async listDevices(personId: string): Promise<Device[]> {
    return (await this.read(DevicesResponseSchema, path('people', personId, 'devices'))).devices;
  }

  revokeDevice(clientId: string): Promise<void> {
    return this.run(path('devices', clientId, 'revoke'), post());
  }

  async listTeams(): Promise<Team[]> {
    return (await this.read(TeamsResponseSchema, path('teams'))).teams;
  }

  async createTeam(name: string): Promise<Team> {
    return (await this.read(TeamResponseSchema, path('teams'), post({ name }))).team;
  }

  async renameTeam(id: string, name: string): Promise<Team> {
    return (await this.read(TeamResponseSchema, path('teams', id), { method: 'PATCH', body: JSON.stringify({ name }) })).team;
  }

  addMember(teamId: string, userId: string): Promise<void> {
    return this.run(path('teams', teamId, 'members', userId), { method: 'PUT' });
  }

  removeMember(teamId: string, userId: string): Promise<void> {
    return this.run(path('teams', teamId, 'members', userId), { method: 'DELETE' });
  }

  async getSettings(): Promise<OrgSettings> {
    return (await this.read(SettingsResponseSchema, path('settings'))).settings;
  }

  async saveSettings(settings: OrgSettings): Promise<OrgSettings> {
    return (await this.read(SettingsResponseSchema, path('settings'), { method: 'PUT', body: JSON.stringify(settings) })).settings;
  }

  async audit(filter: AuditFilter): Promise<AuditEntry[]> {
    return (await this.read(AuditResponseSchema, `${path('audit')}?${auditQuery(filter)}`)).entries;
  }

  /** The same log as CSV, as the server writes it (quoted, formula-safe), for the admin to save. */
  auditCsv(filter: AuditFilter): Promise<string> {
    return this.request(`${path('audit')}?${auditQuery(filter, 'csv')}`, { method: 'GET' });
  }
}

function auditQuery(filter: AuditFilter, format?: 'csv'): URLSearchParams {
  return new URLSearchParams({ ...(filter.caseId ? { caseId: filter.caseId } : {}), ...(filter.userId ? { userId: filter.userId } : {}), ...(format ? { format } : {}) });
}
