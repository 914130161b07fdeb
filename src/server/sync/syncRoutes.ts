import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  MAX_HISTORY_PAGE,
  MAX_PAGE,
  MAX_PUSH_BYTES,
  MIN_CLIENT_PROTOCOL,
  PROTOCOL_VERSION,
  parsePushItem,
  PushEnvelopeSchema,
  type ChangesResponse,
  type PushResponse,
  type SnapshotResponse,
} from '../../sync/protocol';
import type { UserContext } from '../auth/accessToken';
import { parseInput } from '../parseInput';
import { ServerError } from '../serverError';
import { deviceHeaders } from '../devices/deviceHeaders';
import { recordSighting } from '../devices/deviceRegistry';
import type { Db } from '../store/database';
import { readServerEpoch } from '../store/serverEpoch';
import { processPush } from './processPush';
import { PerPersonLimiter, PUSH_RATE_LIMIT, type PushRateLimit } from './pushRateLimit';
import { readChanges, readSnapshot } from './readScope';
import { scopeAccess } from './scopeAccess';
import { readSnapshotPart } from './snapshotParts';
import { readAuditor } from './readAudit';
import { pageAudit } from './syncAudit';
import { ChangesQuerySchema, SnapshotQuerySchema } from './syncQuerySchemas';
import { pageJson } from './wireRows';

/** Pull and snapshot answers are written as JSON by pageJson (wireRows.ts), not by Fastify. */
const JSON_TYPE = 'application/json; charset=utf-8';

export interface SyncOptions {
  /**
   * Test only: runs after a push committed and before its reply. Throwing loses the reply, as a crash would;
   * waiting keeps the push in flight (a stop of the server must let it finish).
   */
  afterPushCommit?: () => void | Promise<void>;
  /** Pushes per person (user id) and window; default 120 a minute. See pushRateLimit.ts. */
  pushRateLimit?: PushRateLimit;
}

/**
 * POST /api/sync/push, GET /api/sync/changes and GET /api/sync/snapshot (protocol in src/sync/protocol.ts).
 * Every route: a revoked device first (403, see deviceGate), the user (401), then the app's protocol (426), then
 * the input (400), then the scope. Each request records the device (x-veldwerk-client) as seen for its user.
 */
export function registerSyncRoutes(app: FastifyInstance, db: Db, options: SyncOptions = {}): void {
  const pushers = new WeakMap<FastifyRequest, UserContext>();
  const pushLimit = new PerPersonLimiter(options.pushRateLimit ?? PUSH_RATE_LIMIT);
  // The user is checked before the body is read: only a signed-in user can make the server parse megabytes.
  const signedIn = async (request: FastifyRequest) => {
    const user = await app.requireUser(request);
    // Per person, before the body is read: a refused push costs no parsing (pushRateLimit.ts).
    const wait = pushLimit.take(user.userId);
    if (wait !== undefined) throw new ServerError(429, 'tooManyRequests', `Too many pushes; try again in ${wait} s.`, wait);
    await sighted(request, user);
    pushers.set(request, user);
  };
  const auditRead = readAuditor(db);
  /** Records the device of the headers for this user; its client id, for the audit. */
  const sighted = async (request: FastifyRequest, user: UserContext, clientId?: string): Promise<string | null> => {
    const headers = deviceHeaders(request);
    const id = clientId ?? headers.clientId;
    if (!id) return null;
    // The version belongs to the install the headers name; a push for another id (a script) leaves its version alone.
    const appVersion = headers.clientId === undefined || headers.clientId === id ? (headers.appVersion ?? null) : null;
    await recordSighting(db, { clientId: id, userId: user.userId, appVersion }, new Date());
    return id;
  };

  app.post('/api/sync/push', { bodyLimit: MAX_PUSH_BYTES, onRequest: signedIn }, async (request): Promise<PushResponse> => {
    const user = pushers.get(request) ?? (await app.requireUser(request));
    // Before the full parse: an old app's body may not match today's schema, and it must hear "update", not "bad".
    const body: unknown = request.body;
    requireProtocol(typeof body === 'object' && body !== null && 'protocol' in body ? body.protocol : undefined);
    const push = parseInput(PushEnvelopeSchema, body);
    // The push's own client id is the one it is applied under; headers may lack it (an older app).
    if (push.clientId !== deviceHeaders(request).clientId) await sighted(request, user, push.clientId);
    const results = await processPush(db, user, { clientId: push.clientId, items: push.mutations.map(parsePushItem) });
    await options.afterPushCommit?.();
    return { protocol: PROTOCOL_VERSION, results, serverEpoch: await readServerEpoch(db) };
  });

  app.get('/api/sync/changes', async (request, reply): Promise<string> => {
    const user = await app.requireUser(request);
    const clientId = await sighted(request, user);
    const query = parseInput(ChangesQuerySchema, request.query);
    requireProtocol(query.protocol);
    requireScope(user, query.scope);
    const page = await readChanges(db, query.scope, query.since, Math.min(query.limit ?? MAX_PAGE, MAX_PAGE));
    if (page === 'expired') throw new ServerError(410, 'cursorExpired', 'Changes this old are no longer kept: take a new snapshot.');
    await auditRead(pageAudit(user, clientId, 'sync.pull', query.scope, page.rows));
    const { rows, ...rest } = page;
    const meta: Omit<ChangesResponse, 'rows'> = { protocol: PROTOCOL_VERSION, scopeId: query.scope, ...rest, serverEpoch: await readServerEpoch(db) };
    reply.type(JSON_TYPE);
    return pageJson(meta, rows);
  });

  app.get('/api/sync/snapshot', async (request, reply): Promise<string> => {
    const user = await app.requireUser(request);
    const clientId = await sighted(request, user);
    const query = parseInput(SnapshotQuerySchema, request.query);
    requireProtocol(query.protocol);
    requireScope(user, query.scope);
    const most = query.part === 'history' ? MAX_HISTORY_PAGE : MAX_PAGE;
    const limit = Math.min(query.limit ?? most, most);
    const page = query.part ? await readSnapshotPart(db, query.scope, query.part, { after: query.after, limit, caseId: query.case }) : await readSnapshot(db, query.scope, query.after, limit);
    await auditRead(pageAudit(user, clientId, 'sync.snapshot', query.scope, page.rows));
    const { rows, ...rest } = page;
    const meta: Omit<SnapshotResponse, 'rows'> = { protocol: PROTOCOL_VERSION, scopeId: query.scope, ...rest, serverEpoch: await readServerEpoch(db) };
    reply.type(JSON_TYPE);
    return pageJson(meta, rows);
  });
}

function requireProtocol(protocol: unknown): void {
  if (typeof protocol === 'number' && protocol < MIN_CLIENT_PROTOCOL) {
    throw new ServerError(426, 'updateRequired', `This app speaks sync protocol ${protocol}; the server needs ${MIN_CLIENT_PROTOCOL} or newer. Update the app.`);
  }
}

/** Another team's scope answers exactly like one that does not exist: its existence must not leak. */
function requireScope(user: UserContext, scopeId: string): void {
  if (!scopeAccess(user, scopeId)) throw new ServerError(404, 'notFound', 'Unknown scope.');
}
