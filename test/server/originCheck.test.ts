import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePublicUrl } from '../../src/server/auth/originCheck';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, errorShape, login, refreshTokenOf, SIGN_IN_FREELY, startApp } from './support/testServer';

const HOST = 'veldwerk.gemeente.example';

describe('PUBLIC_URL', () => {
  it('is reduced to its origin, and refused at start when it is not an http(s) address', () => {
    expect(parsePublicUrl(undefined)).toBeUndefined();
    expect(parsePublicUrl('https://Veldwerk.Gemeente.example:443/app/')).toBe('https://veldwerk.gemeente.example');
    expect(() => parsePublicUrl('veldwerk.gemeente.example')).toThrow(/PUBLIC_URL/);
    expect(() => parsePublicUrl('ftp://veldwerk.gemeente.example')).toThrow(/PUBLIC_URL/);
  });
});

describeEachDatabase('Origin check on the cookie routes', (store) => {
  let app: FastifyInstance;
  let proxied: FastifyInstance;
  let published: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
    proxied = await startApp(store().db, SIGN_IN_FREELY, undefined, { trustProxy: ['10.0.0.1'] });
    published = await startApp(store().db, { ...SIGN_IN_FREELY, publicOrigin: 'https://veldwerk.gemeente.example' });
  });
  afterAll(async () => {
    await app.close();
    await proxied.close();
    await published.close();
  });

  const freshToken = async () => {
    const { user, password } = await createMember(store().db);
    return refreshTokenOf(await login(app, user.email, password))!;
  };
  const post = (target: FastifyInstance, route: 'refresh' | 'logout', token: string, headers: Record<string, string>, remoteAddress = '127.0.0.1'): Promise<LightMyRequestResponse> =>
    target.inject({ method: 'POST', url: `/api/auth/${route}`, remoteAddress, headers: { host: HOST, ...headers }, cookies: { vw_refresh: token } });
  const expectBadOrigin = (res: LightMyRequestResponse) => {
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(errorShape('badOrigin'));
  };

  it('refuses a refresh from another origin, and the token stays unused for the real page', async () => {
    const token = await freshToken();
    expectBadOrigin(await post(app, 'refresh', token, { origin: 'https://evil.example' }));
    // Same host, other scheme or port: another origin.
    expectBadOrigin(await post(app, 'refresh', token, { origin: `https://${HOST}` }));
    expectBadOrigin(await post(app, 'refresh', token, { origin: `http://${HOST}:8080` }));
    expectBadOrigin(await post(app, 'refresh', token, { origin: 'null' }));
    // The app's own page (plain http here: inject has no TLS).
    expect((await post(app, 'refresh', token, { origin: `http://${HOST}` })).statusCode).toBe(200);
  });

  it('uses the Referer when there is no Origin, and allows a request with neither', async () => {
    const token = await freshToken();
    expectBadOrigin(await post(app, 'refresh', token, { referer: 'https://evil.example/page' }));
    expectBadOrigin(await post(app, 'refresh', token, { referer: 'not a url' }));
    const fromOwnPage = await post(app, 'refresh', token, { referer: `http://${HOST}/dossiers/1` });
    expect(fromOwnPage.statusCode).toBe(200);
    // A command-line tool or an old browser: no Origin, no Referer.
    expect((await post(app, 'refresh', refreshTokenOf(fromOwnPage)!, {})).statusCode).toBe(200);
  });

  it('refuses a logout from another origin without ending the session', async () => {
    const token = await freshToken();
    expectBadOrigin(await post(app, 'logout', token, { origin: 'https://evil.example' }));
    const still = await post(app, 'refresh', token, { origin: `http://${HOST}` });
    expect(still.statusCode).toBe(200);
    expect((await post(app, 'logout', refreshTokenOf(still)!, { origin: `http://${HOST}` })).statusCode).toBe(204);
  });

  it('behind a trusted proxy, takes the protocol and host the proxy reports; from anyone else, not', async () => {
    const token = await freshToken();
    const viaProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'veldwerk.example' };
    expect((await post(proxied, 'refresh', token, { ...viaProxy, origin: 'https://veldwerk.example' }, '10.0.0.1')).statusCode).toBe(200);
    // A client straight at the server cannot make its own origin the server's by writing these headers.
    const other = await freshToken();
    expectBadOrigin(await post(proxied, 'refresh', other, { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example', origin: 'https://evil.example' }, '192.0.2.1'));
  });

  it('with PUBLIC_URL, accepts only that origin, whatever the Host header says', async () => {
    const token = await freshToken();
    expectBadOrigin(await post(published, 'refresh', token, { origin: `http://${HOST}` }));
    expect((await post(published, 'refresh', token, { host: 'whatever.internal', origin: 'https://veldwerk.gemeente.example' })).statusCode).toBe(200);
  });
});
