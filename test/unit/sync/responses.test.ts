import { describe, expect, it } from 'vitest';
import { InvalidResponseError, parseLogin } from '../../../src/sync/responses';

const session = { accessToken: 'a.b.c', expiresIn: 600, user: { id: 'u', displayName: 'U', role: 'worker', organisationId: 'o', teamIds: ['t'] }, colleagues: [] };

describe('parseLogin', () => {
  it('reads the organisation’s settings from a session answer', () => {
    const settings = { screenLockMinutes: 3, fullLockMinutes: 20, noteRetentionYears: 8, sessionMaxDays: 90 };
    expect(parseLogin({ ...session, settings }).settings).toEqual(settings);
  });

  it('reads settings from a server before sessionMaxDays with its default of 30 days', () => {
    const settings = { screenLockMinutes: 3, fullLockMinutes: 20, noteRetentionYears: 8 };
    expect(parseLogin({ ...session, settings }).settings).toEqual({ ...settings, sessionMaxDays: 30 });
  });

  it('accepts an answer without settings, from a server before them', () => {
    expect(parseLogin(session).settings).toBeUndefined();
  });

  it('refuses settings it cannot trust', () => {
    expect(() => parseLogin({ ...session, settings: { screenLockMinutes: 0, fullLockMinutes: 20, noteRetentionYears: 8 } })).toThrow(InvalidResponseError);
  });
});
