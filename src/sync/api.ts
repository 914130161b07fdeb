import { PROTOCOL_VERSION, type ChangesResponse, type PushRequest, type PushResponse, type SnapshotResponse } from './protocol';
import { parseChanges, parseLogin, parsePushResponse, parseSnapshot, type LoginResponse } from './responses';

/** What can go wrong talking to the server, as the sync status and the UI explain it. */
export type SyncErrorCode =
  | 'offline'
  | 'unauthorized'
  | 'invalidCredentials'
  | 'cursorExpired'
  | 'updateRequired'
  | 'tooManyRequests'
  | 'server'
  | 'invalidResponse';

export class SyncError extends Error {
  constructor(readonly code: SyncErrorCode, readonly status = 0) {
    super(code);
    this.name = 'SyncError';
  }
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/**
 * The server's API as the device uses it. The access token lives in memory only; the refresh token is an
 * HttpOnly cookie the browser sends to /api/auth by itself. A 401 triggers one refresh and one retry.
 */
export class SyncApi {
  private token: string | null = null;
  /** Called with every new session (login and refresh), e.g. to keep the colleagues' names up to date. */
  onSession: ((session: LoginResponse) => Promise<void> | void) | null = null;

  constructor(private readonly fetchFn: FetchLike = (url, init) => fetch(url, init), private readonly base = '') {}

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

  async refresh(): Promise<LoginResponse> {
    const res = await this.send('/api/auth/refresh', { method: 'POST', body: '{}' }, false);
    const login = await read(res, parseLogin);
    this.token = login.accessToken;
    await this.onSession?.(login);
    return login;
  }

  async logout(): Promise<void> {
    await this.send('/api/auth/logout', { method: 'POST', body: '{}' }, false).catch(() => {});
    this.token = null;
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
    let res: Response;
    try {
      res = await this.fetchFn(this.base + path, { ...init, headers, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new SyncError('offline');
    }
    if (res.ok) return res;
    throw new SyncError(await errorCode(res), res.status);
  }
}

/** A body cut off mid-way or not understood is one kind of failure: nothing of it is used. */
async function read<T>(res: Response, parse: (input: unknown) => T): Promise<T> {
  try {
    return parse(await res.json());
  } catch {
    throw new SyncError('invalidResponse', res.status);
  }
}

async function errorCode(res: Response): Promise<SyncErrorCode> {
  const code = await res
    .json()
    .then((body: { error?: { code?: string } }) => body.error?.code)
    .catch(() => undefined);
  if (res.status === 401) return code === 'invalidCredentials' ? 'invalidCredentials' : 'unauthorized';
  if (res.status === 410) return 'cursorExpired';
  if (res.status === 426) return 'updateRequired';
  if (res.status === 429) return 'tooManyRequests';
  return 'server';
}
