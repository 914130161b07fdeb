import * as v from 'valibot';
import type { OrgSettings } from '../../model/admin';
import { PASSWORD_MAX } from '../accounts/accountSchemas';

/**
 * Login accepts any non-empty address: a typo must get the same "wrong e-mail or password" as a wrong
 * password, not a validation error that tells the two apart.
 */
export const LoginBodySchema = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.minLength(1), v.maxLength(254)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(PASSWORD_MAX)),
});

/** What login and refresh answer; the refresh token itself travels only in the HttpOnly cookie. */
export interface SessionResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: PublicUser;
  /**
   * Everyone of the user's organisation, by id and name: a device shows who changed a value in a conflict by
   * name, also offline. Names only; colleagues are not client data.
   */
  colleagues: Colleague[];
  /** The organisation's name and the user's teams by name: where a device files new rows, in words. */
  organisationName: string;
  teams: Array<{ id: string; name: string }>;
  /** The organisation's settings (lock times, retention), so a device applies them from its next session on. */
  settings: OrgSettings;
  /** The server's epoch: it changes when the database is restored from an older backup (see serverEpoch.ts). */
  serverEpoch: string;
  /**
   * Login only: the person's device data key (32 bytes, base64), which the device wraps under the password it was
   * just given and uses to encrypt client data at rest (dataKeyVault.ts). Never in a refresh answer.
   */
  dataKey?: string;
}

export interface Colleague {
  id: string;
  displayName: string;
}

export interface PublicUser {
  id: string;
  displayName: string;
  role: 'worker' | 'coordinator' | 'admin';
  organisationId: string;
  teamIds: string[];
}
