import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import enAccount from '../../../../locales/en/account.json';
import nlAccount from '../../../../locales/nl/account.json';
import { signInErrorText } from '../../../../src/features/account/signInError';
import { SyncApi, SyncError } from '../../../../src/sync/api';

beforeAll(async () => {
  await i18next.init({
    lng: 'nl',
    fallbackLng: 'nl',
    defaultNS: 'account',
    ns: ['account'],
    resources: { nl: { account: nlAccount }, en: { account: enAccount } },
    interpolation: { escapeValue: false },
  });
});

describe('the sign-in screen’s message when sign-in is held back', () => {
  it('says in how many seconds or minutes to try again, rounded up', async () => {
    await i18next.changeLanguage('nl');
    expect(signInErrorText(new SyncError('tooManyRequests', 429, 'tooManyRequests', 30))).toContain('over 30 seconden opnieuw');
    expect(signInErrorText(new SyncError('tooManyRequests', 429, 'tooManyRequests', 60))).toContain('over 1 minuut opnieuw');
    expect(signInErrorText(new SyncError('tooManyRequests', 429, 'tooManyRequests', 61))).toContain('over 2 minuten opnieuw');
    await i18next.changeLanguage('en');
    expect(signInErrorText(new SyncError('tooManyRequests', 429, 'tooManyRequests', 900))).toContain('try again in 15 minutes');
    expect(signInErrorText(new SyncError('tooManyRequests', 429, 'tooManyRequests', 1))).toContain('try again in 1 second.');
    await i18next.changeLanguage('nl');
  });

  it('falls back to "wait a minute" without Retry-After, and explains other failures as before', () => {
    expect(signInErrorText(new SyncError('tooManyRequests', 429))).toBe(nlAccount.login.error.tooManyRequests);
    expect(signInErrorText(new SyncError('invalidCredentials', 401))).toBe(nlAccount.login.error.invalidCredentials);
    expect(signInErrorText(new Error('boom'))).toBe(nlAccount.login.error.server);
  });

  it('gets the wait from the server’s Retry-After', async () => {
    const fetch = async () => new Response(JSON.stringify({ error: { code: 'tooManyRequests', message: 'Wait.' } }), { status: 429, headers: { 'retry-after': '120' } });
    const error = await new SyncApi(fetch).login('a@b.example', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'tooManyRequests', retryAfterSeconds: 120 });
  });
});
