import { t } from '../../i18n/i18n';

const KNOWN = ['invalidCredentials', 'offline', 'tooManyRequests', 'server', 'updateRequired', 'accountDisabled', 'deviceRevoked'] as const;
type Known = (typeof KNOWN)[number];

/**
 * What the sign-in screen says about a failed sign-in (a SyncError's `code`). Held back by the login limits
 * (429), it says when to try again if the server told (`retryAfterSeconds`, from Retry-After): in seconds below
 * a minute, otherwise in whole minutes rounded up, so the person never tries too early.
 */
export function signInErrorText(error: unknown): string {
  const { code, retryAfterSeconds } = (error ?? {}) as { code?: string; retryAfterSeconds?: number };
  const known: Known = KNOWN.includes(code as Known) ? (code as Known) : 'server';
  if (known === 'tooManyRequests' && typeof retryAfterSeconds === 'number' && retryAfterSeconds > 0) {
    if (retryAfterSeconds < 60) return t('login.error.tooManyRequestsSeconds', { count: Math.ceil(retryAfterSeconds) });
    return t('login.error.tooManyRequestsMinutes', { count: Math.ceil(retryAfterSeconds / 60) });
  }
  return t(`login.error.${known}`);
}
