import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerOptions } from '../../src/server/app';
import { databaseAnswers } from '../../src/server/health';
import type { Database, Db } from '../../src/server/store/database';
import { migrateToLatest } from '../../src/server/store/migrations';
import { openDatabase } from '../../src/server/store/openDatabase';
import { closeDatabaseAfterApp } from '../../src/server/shutdown';
import { PROTOCOL_VERSION } from '../../src/sync/protocol';
import { accessToken, Device, getChanges } from './support/syncClient';
import { caseRow, noteRow } from './support/syncFixtures';
import { createMember, login, refreshTokenOf, SIGN_IN_FREELY, startApp } from './support/testServer';
import { describeEachDatabase } from './support/testDatabases';

const LABEL = 'Marie Logtest-Peeters';
const NOTE_TEXT = 'Vertrouwelijke logtest-observatie. ';

describeEachDatabase('operations', (store) => {
  describe('the log', () => {
    const lines: string[] = [];
    let app: FastifyInstance;
    beforeAll(async () => {
      const stream = new PassThrough();
      stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
      app = await startAppWith(store().db, { logger: { stream } });
    });
    afterAll(() => app.close());

    it('is JSON with a request id, method, path, status and time, and never a name, note, password, token or cookie', async () => {
      const member = await createMember(store().db);
      const signedIn = await login(app, member.user.email, member.password);
      const token = signedIn.json().accessToken as string;
      const cookie = refreshTokenOf(signedIn)!;
      const d = new Device(app, token);
      const kase = caseRow(member.teamId, LABEL);
      await d.push([d.entry({ type: 'case.create', row: kase }), d.entry({ type: 'note.add', row: noteRow(member.teamId, kase.id, NOTE_TEXT) })]);
      const pulled = await getChanges(app, token, member.teamId, 0);
      expect(pulled.body).toContain(LABEL);
      await app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { vw_refresh: cookie } });
      const proxied = await app.inject({ url: `/api/sync/changes?scope=${member.teamId}&since=0&naam=Marie`, headers: { authorization: `Bearer ${token}`, 'x-request-id': 'proxy-req-12345' } });
      const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: member.user.email, password: 'wrong password logtest' } });
      expect(wrong.statusCode).toBe(401);
      await new Promise((resolve) => setImmediate(resolve));

      const entries = lines.map((line) => JSON.parse(line) as Record<string, any>);
      const completed = entries.filter((e) => e.msg === 'request completed');
      expect(completed.length).toBeGreaterThanOrEqual(6);
      for (const e of completed) {
        expect(e).toMatchObject({ level: 30, time: expect.any(Number), reqId: expect.any(String), res: { statusCode: expect.any(Number) }, responseTime: expect.any(Number) });
        expect(Object.keys(e.res)).toEqual(['statusCode']);
      }
      const incoming = entries.filter((e) => e.msg === 'incoming request');
      for (const e of incoming) expect(Object.keys(e.req).sort()).toEqual(['method', 'url']);
      expect(incoming.map((e) => e.req.url)).toContain(`/api/sync/changes?scope=${member.teamId}&since=0&-`);
      // The proxy's request id is kept, on the log line and in the answer.
      expect(proxied.headers['x-request-id']).toBe('proxy-req-12345');
      expect(completed.find((e) => e.reqId === 'proxy-req-12345')?.res.statusCode).toBe(200);
      expect(completed.map((e) => e.reqId)).toContain(pulled.headers['x-request-id']);
      const log = lines.join('\n');
      for (const secret of [LABEL, 'Logtest', 'logtest', member.password, member.user.email, member.user.displayName, token, cookie, 'Bearer', 'vw_refresh', 'Marie']) {
        expect(log, secret).not.toContain(secret);
      }
    });

    it('gives every request its own id when the proxy sends none or an odd one', async () => {
      const a = await app.inject({ url: '/api/nothing-here' });
      const b = await app.inject({ url: '/api/nothing-here', headers: { 'x-request-id': 'a b"c' } });
      expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    });
  });

  describe('/api/health', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await startApp(store().db);
    });
    afterAll(() => app.close());

    it('says the process is up and the database reachable', async () => {
      const res = await app.inject({ url: '/api/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true, version: 'test', database: 'reachable' });
    });
  });
});

describe('/api/health without its database', () => {
  it('answers 503, still saying the process is up, when the database is gone', async () => {
    const db = await migratedSqlite();
    const app = await startApp(db);
    await db.destroy();
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ ok: true, version: 'test', database: 'unreachable' });
    await app.close();
  });

  it('counts a database that does not answer within the time as unreachable', async () => {
    // A pool that never hands out a connection, like a database behind a dead network link.
    const pool = { connect: () => new Promise(() => {}), end: async () => {} } as unknown as Pool;
    const stuck = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const started = Date.now();
    expect(await databaseAnswers(stuck, 300)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('stopping the server', () => {
  it('lets a push in flight commit and answer, refuses new connections, and closes the database last', async () => {
    const db = await migratedSqlite();
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let slow = false;
    const app = await startAppWith(db, { sync: { afterPushCommit: async () => void (slow && (entered(), await released)) } });
    closeDatabaseAfterApp(app, db);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const member = await createMember(db);
    const token = await accessToken(app, member);
    const device = new Device(app, token);
    const entry = device.entry({ type: 'case.create', row: caseRow(member.teamId) });

    slow = true;
    const reply = fetch(`${base}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: PROTOCOL_VERSION, clientId: device.clientId, mutations: [entry] }),
    });
    await inFlight;
    const closed = app.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    // The database is still there for the push's last step (its answer reads the server epoch from it).
    expect((await sql`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
    release();
    const res = await reply;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ results: [{ mutationId: entry.mutationId, outcome: 'applied' }], serverEpoch: expect.any(String) });
    await closed;
    await expect(sql`select 1`.execute(db)).rejects.toThrow();
  });
});

async function migratedSqlite(): Promise<Db> {
  const db = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  return db;
}

/** The app with options startApp does not take (a log stream, a slow push), on a stand-in build. */
async function startAppWith(db: Db, options: Partial<ServerOptions>): Promise<FastifyInstance> {
  dist ??= mkdtempSync(join(tmpdir(), 'veldwerk-ops-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Veldwerk</title>');
  return buildServer({ staticDir: dist, demo: false, version: 'test', database: db, auth: SIGN_IN_FREELY, ...options });
}
let dist: string | undefined;
