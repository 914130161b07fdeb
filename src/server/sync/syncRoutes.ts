import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  MAX_PAGE,
  MAX_PUSH_BYTES,
  MIN_CLIENT_PROTOCOL,
  PROTOCOL_VERSION,
  PushRequestSchema,
  type ChangesResponse,
  type PushResponse,
  type SnapshotResponse,
} from '../../sync/protocol';
import type { UserContext } from '../auth/accessToken';
import { parseInput } from '../parseInput';
import { ServerError } from '../serverError';
import { writeAudit } from '../store/auditLog';
import type { Db } from '../store/database';
import { processPush } from './processPush';
import { readChanges, readSnapshot } from './readScope';
import { scopeAccess } from './scopeAccess';
import { ChangesQuerySchema, SnapshotQuerySchema } from './syncQuerySchemas';

export interface SyncOptions {
  /** Test only: runs after a push committed and before its reply. Throwing loses the reply, as a crash would. */
  afterPushCommit?: () => void;
}

/**
 * POST /api/sync/push, GET /api/sync/changes and GET /api/sync/snapshot (protocol in src/sync/protocol.ts).
 * Every route: the user first (401), then the app's protocol (426), then the input (400), then the scope.
 */
export function registerSyncRoutes(app: FastifyInstance, db: Db, options: SyncOptions = {}): void {
  const pushers = new WeakMap<FastifyRequest, UserContext>();
  // The user is checked before the body is read: only a signed-in user can make the server parse megabytes.
  const signedIn = async (request: FastifyRequest) => void pushers.set(request, await app.requireUser(request));

  app.post('/api/sync/push', { bodyLimit: MAX_PUSH_BYTES, onRequest: signedIn }, async (request): Promise<PushResponse> => {
    const user = pushers.get(request) ?? (await app.requireUser(request));
    // Before the full parse: an old app's body may not match today's schema, and it must hear "update", not "bad".
    const body: unknown = request.body;
    requireProtocol(typeof body === 'object' && body !== null && 'protocol' in body ? body.protocol : undefined);
    const push = parseInput(PushRequestSchema, body);
    const results = await processPush(db, user, push);
    options.afterPushCommit?.();
    return { protocol: PROTOCOL_VERSION, results };
  });

  app.get('/api/sync/changes', async (request): Promise<ChangesResponse> => {
    const user = await app.requireUser(request);
    const query = parseInput(ChangesQuerySchema, request.query);
    requireProtocol(query.protocol);
    requireScope(user, query.scope);
    const page = await readChanges(db, query.scope, query.since, Math.min(query.limit ?? MAX_PAGE, MAX_PAGE));
    if (page === 'expired') throw new ServerError(410, 'cursorExpired', 'Changes this old are no longer kept: take a new snapshot.');
    await auditRead(db, user, 'sync.pull', query.scope, page.rows.length);
    return { protocol: PROTOCOL_VERSION, scopeId: query.scope, ...page };
  });

  app.get('/api/sync/snapshot', async (request): Promise<SnapshotResponse> => {
    const user = await app.requireUser(request);
    const query = parseInput(SnapshotQuerySchema, request.query);
    requireProtocol(query.protocol);
    requireScope(user, query.scope);
    const page = await readSnapshot(db, query.scope, query.after, Math.min(query.limit ?? MAX_PAGE, MAX_PAGE));
    await auditRead(db, user, 'sync.snapshot', query.scope, page.rows.length);
    return { protocol: PROTOCOL_VERSION, scopeId: query.scope, ...page };
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

/** Who read how many rows of which team's dossiers; the organisation's directory is not client data. */
async function auditRead(db: Db, user: UserContext, action: string, scopeId: string, rowCount: number): Promise<void> {
  if (rowCount > 0 && scopeAccess(user, scopeId) === 'team') await writeAudit(db, { userId: user.userId, action, target: scopeId, rowCount });
}
