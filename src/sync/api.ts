import { PROTOCOL_VERSION, type ChangesResponse, type PushRequest, type PushResponse, type SnapshotPart, type SnapshotResponse } from './protocol';
import { parseChanges, parseLogin, parsePushResponse, parseSnapshot, type LoginResponse } from './responses';

/** What can go wrong talking to the server, as the sync status and the UI explain it. */
export type SyncErrorCode =
  | 'offline'
  | 'unauthorized'
  | 'invalidCredentials'
  | 'cursorExpired'
  | 'updateRequired'
  | 'tooManyRequests'
  | 'accountDisabled'
  | 'deviceRevoked'
  | 'notFound'
  | 'server'
  | 'invalidResponse'
  /** Not the server: this device has no room left to store what it received. */
  | 'storageFull';

export class SyncError extends Error {
  /**
   * `serverCode`: the code of the server's error answer, for callers that tell more cases apart (admin screens).
   * `retryAfterSeconds`: a 429's `Retry-After`, so the sign-in screen can say when to try again.
   */
  constructor(readonly code: SyncErrorCode, readonly status = 0, readonly serverCode?: string, readonly retryAfterSeconds?: number) {
    super(code);
    this.name = 'SyncError';
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Who is calling, sent on every request as `x-veldwerk-client` and `x-veldwerk-version`: the server keeps each
 * install's last contact and app version for the admin, and refuses a revoked install (403 `deviceRevoked`).
 */
export interface DeviceIdentity {
  /** This install's id (the same as a push's clientId). */
  clientId?: () => Promise<string>;
  appVersion?: string;
}

/**
 * The server's API as the device uses it. The access token lives in memory only; the refresh token is an
 * HttpOnly cookie the browser sends to /api/auth by itself. A 401 triggers one refresh and one retry.
 */
export class SyncApi {
  private token: string | null = null;
  private refreshing: Promise<LoginResponse> | null = null;
  /** Called with every new session (login and refresh), e.g. to keep the colleagues' names up to date. */
  onSession: ((session: LoginResponse) => Promise<void> | void) | null = null;

  constructor(
    private readonly fetchFn: FetchLike = (url, init) => fetch(url, init),
    private readonly base = '',
    private readonly device: DeviceIdentity = {},
  ) {}

  hasToken(): boolean {
    return this.token !== null;
  }

  async login(email: string, password: string): Promise<LoginResponse> {
    const res = await this.send('/api/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) }, false);
    const login = await read(res, parseLogin);
    this.token = login.accessToken;
    await this.onSession?.(login);
    return login;
  }

  /**
   * One refresh at a time, shared by every request waiting for it (sync and the admin screens run side by side):
   * the refresh cookie rotates, so a second refresh with the same cookie would look like a stolen token being
   * reused, and the server would end the session.
   */
  refresh(): Promise<LoginResponse> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshOnce(): Promise<LoginResponse> {
    // Tabs share the cookie: one refresh at a time across them too, so each presents the cookie the last one left.
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    const send = () => this.send('/api/auth/refresh', { method: 'POST', body: '{}' }, false);
    const res = locks ? await locks.request('veldwerk-refresh', send) : await send();
    const login = await read(res, parseLogin);
    this.token = login.accessToken;
    await this.onSession?.(login);
    return login;
  }

  /**
   * Ends the session on the server. True when the server confirmed it: 2xx, or 401 (there was no session left
   * to end), or 403 for a disabled account or a revoked device (nothing this device sends can end more). False
   * when offline or the server failed: the caller keeps the logout pending (see pendingLogout.ts).
   */
  async logout(): Promise<boolean> {
    this.token = null;
    try {
      await this.send('/api/auth/logout', { method: 'POST', body: '{}' }, false);
      return true;
    } catch (e) {
      if (!(e instanceof SyncError)) return false;
      return e.status === 401 || e.code === 'accountDisabled' || e.code === 'deviceRevoked';
    }
  }

  async push(request: PushRequest): Promise<PushResponse> {
    return read(await this.authed('/api/sync/push', { method: 'POST', body: JSON.stringify(request) }), parsePushResponse);
  }

  async changes(scope: string, since: number): Promise<ChangesResponse> {
    const query = new URLSearchParams({ scope, since: String(since), protocol: String(PROTOCOL_VERSION) });
    return read(await this.authed(`/api/sync/changes?${query}`, { method: 'GET' }), parseChanges);
  }

  async snapshot(scope: string, after: string): Promise<SnapshotResponse> {
    const query = new URLSearchParams({ scope, protocol: String(PROTOCOL_VERSION), ...(after ? { after } : {}) });
    return read(await this.authed(`/api/sync/snapshot?${query}`, { method: 'GET' }), parseSnapshot);
  }

  /** One page of a part of the snapshot, for a staged first sync (see protocol.ts and firstSync.ts). */
  async snapshotPart(scope: string, part: SnapshotPart, options: { after?: string; limit?: number; caseId?: string } = {}): Promise<SnapshotResponse> {
    const query = new URLSearchParams({ scope, protocol: String(PROTOCOL_VERSION), part });
    if (options.after) query.set('after', options.after);
    if (options.limit !== undefined) query.set('limit', String(options.limit));
    if (options.caseId !== undefined) query.set('case', options.caseId);
    return read(await this.authed(`/api/sync/snapshot?${query}`, { method: 'GET' }), parseSnapshot);
  }

  /**
   * Another API behind the same sign-in (the admin screens): the answer's body as text ('' for 204), for the
   * caller to parse. Failures throw SyncError as for sync, with the server's own error code kept.
   */
  async authedText(path: string, init: RequestInit): Promise<string> {
    const res = await this.authed(path, init);
    try {
      return await res.text();
    } catch {
      throw new SyncError('invalidResponse', res.status);
    }
  }

  private async authed(path: string, init: RequestInit): Promise<Response> {
    if (!this.token) await this.refresh();
    try {
      return await this.send(path, init, true);
    } catch (e) {
      if (!(e instanceof SyncError) || e.code !== 'unauthorized') throw e;
      // The access token expired mid-way: one refresh, one retry. The refresh failing means "log in again".
      await this.refresh();
      return this.send(path, init, true);
    }
  }

  private async send(path: string, init: RequestInit, withToken: boolean): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body) headers['content-type'] = 'application/json';
    if (withToken && this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.device.appVersion) headers['x-veldwerk-version'] = this.device.appVersion;
    // Without its id (storage failing) the request still goes: it is only not counted as this install's contact.
    const clientId = await this.device.clientId?.().catch(() => undefined);
    if (clientId) headers['x-veldwerk-client'] = clientId;
    let res: Response;
    try {
      res = await this.fetchFn(this.base + path, { ...init, headers, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new SyncError('offline');
    }
    if (res.ok) return res;
    const serverCode = await res
      .json()
      .then((body: { error?: { code?: unknown } }) => (typeof body.error?.code === 'string' ? body.error.code : undefined))
      .catch(() => undefined);
    throw new SyncError(errorCode(res.status, serverCode), res.status, serverCode, res.status === 429 ? retryAfter(res.headers.get('retry-after')) : undefined);
  }
}

/** `Retry-After` in seconds (the server sends seconds; an HTTP date from a proxy is read too). */
export function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** A body cut off mid-way or not understood is one kind of failure: nothing of it is used. */
async function read<T>(res: Response, parse: (input: unknown) => T): Promise<T> {
  try {
    return parse(await res.json());
  } catch {
    throw new SyncError('invalidResponse', res.status);
  }
}

function errorCode(status: number, code: string | undefined): SyncErrorCode {
  if (status === 401) return code === 'invalidCredentials' ? 'invalidCredentials' : 'unauthorized';
  if (status === 410) return 'cursorExpired';
  if (status === 426) return 'updateRequired';
  if (status === 429) return 'tooManyRequests';
  // The organisation ended this person's access, or this device's: the device erases its copy (see engine).
  if (status === 403 && (code === 'accountDisabled' || code === 'deviceRevoked')) return code;
  if (status === 404) return 'notFound';
  return 'server';
}
