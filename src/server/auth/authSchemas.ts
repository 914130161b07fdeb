import * as v from 'valibot';
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
