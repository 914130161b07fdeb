import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { connect, db } from '../../../src/db/connection';
import { SyncApi, type FetchLike } from '../../../src/sync/api';
import { syncOnce, type SyncReport } from '../../../src/sync/client';
import type { AuthOptions } from '../../../src/server/auth/authRoutes';
import type { SyncOptions } from '../../../src/server/sync/syncRoutes';
import type { Db } from '../../../src/server/store/database';
import { migrateToLatest } from '../../../src/server/store/migrations';
import { openDatabase } from '../../../src/server/store/openDatabase';
import { SIGN_IN_FREELY, startApp, type Member } from '../../server/support/testServer';
import { allRows } from '../db/opened';
import { listOutbox } from '../../../src/db/outbox';

/**
 * Test support for the device-side sync suites (faults, properties): the real sync client on a real local
 * database (fake-indexeddb), talking to the real Fastify app on SQLite in memory through a fetch adapter over
 * app.inject. The adapter is the "network": it keeps a browser's cookie jar (so the HttpOnly refresh cookie
 * travels to /api/auth as a browser would send it) and lets a test break any single call.
 */

export async function sqliteServer(auth: AuthOptions = SIGN_IN_FREELY, sync?: SyncOptions): Promise<{ store: Db; app: FastifyInstance }> {
  const store = openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(store);
  return { store, app: await startApp(store, auth, sync) };
}

export interface Call {
  /** 1-based number of this call on this network. */
  n: number;
  method: string;
  /** Path without the query string, e.g. /api/sync/push. */
  path: string;
  url: string;
  body: string | undefined;
}

export interface Delivered {
  status: number;
  body: string;
}

/**
 * Decides what the device gets for one call. `deliver` hands the request (`call.body` as it is then: an intercept
 * may rewrite it first) to the server and returns what the server answered; the intercept may then answer
 * something else, or throw as fetch does when the connection drops. Not calling `deliver` means the request never
 * reached the server.
 */
export type Intercept = (call: Call, deliver: () => Promise<Delivered>) => Promise<Response>;

export const answer = (status: number, body = ''): Response => new Response(status === 204 || body === '' ? null : body, { status, headers: { 'content-type': 'application/json' } });

/** Hands the call to the server and the server's answer to the device, unchanged. */
export const pass = (deliver: () => Promise<Delivered>): Promise<Response> => deliver().then((d) => answer(d.status, d.body));

export class Network {
  /** The browser's cookies for this origin (name → value); only the refresh cookie exists. */
  readonly jar = new Map<string, { value: string; path: string }>();
  /** Every call with what the device finally received ('lost' when fetch threw). */
  readonly log: Array<{ method: string; path: string; url: string; status: number | 'lost' }> = [];
  intercept: Intercept | null = null;
  private calls = 0;

  constructor(private readonly app: FastifyInstance) {}

  readonly fetch: FetchLike = async (url, init) => {
    const path = url.split('?')[0]!;
    const call: Call = { n: ++this.calls, method: init.method ?? 'GET', path, url, body: init.body === undefined || init.body === null ? undefined : String(init.body) };
    const deliver = () => this.deliver(call, init);
    try {
      const res = this.intercept ? await this.intercept(call, deliver) : await pass(deliver);
      this.log.push({ method: call.method, path, url, status: res.status });
      return res;
    } catch (e) {
      this.log.push({ method: call.method, path, url, status: 'lost' });
      throw e;
    }
  };

  /** How many calls to a path (ignoring the query) the device made. */
  count(path: string): number {
    return this.log.filter((c) => c.path === path).length;
  }

  /** The statuses the device received for a path, in order. */
  statuses(path: string): Array<number | 'lost'> {
    return this.log.filter((c) => c.path === path).map((c) => c.status);
  }

  /** Breaks the first call to `path` as `fault` says; every other call goes through. */
  faultOnce(path: string, fault: Intercept): void {
    this.intercept = (call, deliver) => {
      if (call.path !== path) return pass(deliver);
      this.intercept = null;
      return fault(call, deliver);
    };
  }

  private async deliver(call: Call, init: RequestInit): Promise<Delivered> {
    const cookies = [...this.jar].filter(([, c]) => call.path.startsWith(c.path)).map(([name, c]) => `${name}=${c.value}`);
    const res = await this.app.inject({
      method: call.method as 'GET',
      url: call.url,
      headers: { ...(init.headers as Record<string, string>), ...(cookies.length ? { cookie: cookies.join('; ') } : {}) },
      ...(call.body !== undefined ? { payload: call.body } : {}),
    });
    for (const c of res.cookies) {
      const expired = c.value === '' || c.maxAge === 0 || (c.expires !== undefined && new Date(c.expires).getTime() <= Date.now());
      if (expired) this.jar.delete(c.name);
      else this.jar.set(c.name, { value: c.value, path: typeof c.path === 'string' ? c.path : '/' });
    }
    return { status: res.statusCode, body: res.body };
  }
}

/** A tablet: its own local database (switched to with `use`), its own browser network and signed-in API. */
export class Device {
  readonly net: Network;
  readonly api: SyncApi;

  constructor(
    readonly name: string,
    app: FastifyInstance,
    readonly scopes: string[],
  ) {
    this.net = new Network(app);
    this.api = new SyncApi(this.net.fetch);
  }

  static async signedIn(app: FastifyInstance, member: Member, label = 'device'): Promise<Device> {
    const device = new Device(uniqueName(label), app, [member.teamId, member.organisationId]);
    await device.api.login(member.user.email, member.password);
    device.use();
    return device;
  }

  use(): void {
    connect(this.name);
  }

  sync(): Promise<SyncReport> {
    this.use();
    return syncOnce(this.api, this.scopes);
  }
}

export function uniqueName(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}

/** Everything a device holds of the synced collections, rows in id order. */
export async function localData() {
  const d = db();
  // As the app reads them: opened when sealed (the sealed pass runs these tests with a key).
  const [cases, notes, followUps, partners, examples, outbox, syncScopes] = await Promise.all([
    allRows('cases'),
    allRows('notes'),
    allRows('followUps'),
    d.partners.orderBy('id').toArray(),
    d.examples.orderBy('id').toArray(),
    listOutbox(),
    d.syncScopes.toArray(),
  ]);
  return { cases, notes, followUps, partners, examples, outbox, syncScopes };
}

/**
 * What the server holds for a member, as a brand-new device sees it after its first sync (snapshot, then
 * changes): the rows of each collection and each scope's cursor, which is the number of changes the server
 * applied in that scope (every applied change takes exactly one version). Leaves the fresh device connected.
 */
export async function serverView(app: FastifyInstance, member: Member) {
  const fresh = await Device.signedIn(app, member, 'fresh');
  await fresh.sync();
  const data = await localData();
  const cursor = (scopeId: string) => data.syncScopes.find((s) => s.scopeId === scopeId)?.cursor;
  return { ...data, teamVersion: cursor(member.teamId), orgVersion: cursor(member.organisationId) };
}
