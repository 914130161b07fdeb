/**
 * A sign-out the server has not confirmed yet. Signing out erases the device's data at once, also offline, but
 * the session on the server (the refresh-token family in the HttpOnly cookie, and the person's access tokens)
 * only ends when POST /api/auth/logout arrives. Until it has, this marker asks for it again: at app start, when
 * the connection comes back, and after a growing wait while the server fails.
 *
 * Kept in localStorage under `veldwerk.pendingLogout`, not in the device database: sign-out erases that
 * database (eraseDevice). The marker holds only a time, nothing about anyone.
 */
export const PENDING_LOGOUT_KEY = 'veldwerk.pendingLogout';

const RETRY_MIN_MS = 30_000;
const RETRY_MAX_MS = 30 * 60_000;

export interface MarkerStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface PendingLogoutDeps {
  /** Where the marker lives (localStorage); undefined or throwing when there is none (private mode). */
  storage: () => MarkerStorage | undefined;
  /** One POST /api/auth/logout; true when the server confirmed it (see SyncApi.logout). */
  send: () => Promise<boolean>;
  /** setTimeout, replaceable in tests. */
  later?: (run: () => void, ms: number) => unknown;
}

export class PendingLogout {
  private inFlight: Promise<boolean> | null = null;
  private failures = 0;
  private retryScheduled = false;

  constructor(private readonly deps: PendingLogoutDeps) {}

  /** Before the first attempt: a tab closed mid-request still retries at its next start. */
  mark(): void {
    this.write((s) => s.setItem(PENDING_LOGOUT_KEY, new Date().toISOString()));
  }

  isPending(): boolean {
    try {
      return this.deps.storage()?.getItem(PENDING_LOGOUT_KEY) != null;
    } catch {
      return false;
    }
  }

  /**
   * Forget the marker without an answer. Only right after a new sign-in: the browser then holds the new
   * person's cookie, and a retried logout would end *their* session. The old family can no longer be reached
   * through the cookie; it ends by itself (30 days unused, or the organisation's absolute lifetime).
   */
  clear(): void {
    this.failures = 0;
    this.write((s) => s.removeItem(PENDING_LOGOUT_KEY));
  }

  /**
   * One attempt when a logout is pending (callers at the same time share it). Resolves true when nothing is
   * pending any more. A failure schedules one retry after a growing wait (30 s doubling, at most 30 min).
   */
  flush(): Promise<boolean> {
    if (!this.isPending()) return Promise.resolve(true);
    this.inFlight ??= this.attempt().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** At app start and whenever the connection comes back (`target`: window). */
  start(target: Pick<EventTarget, 'addEventListener'>): void {
    void this.flush();
    target.addEventListener('online', () => void this.flush());
  }

  private async attempt(): Promise<boolean> {
    const confirmed = await this.deps.send().catch(() => false);
    if (confirmed) {
      this.clear();
      return true;
    }
    this.failures++;
    this.scheduleRetry();
    return false;
  }

  private scheduleRetry(): void {
    if (this.retryScheduled) return;
    this.retryScheduled = true;
    const wait = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.min(this.failures - 1, 10));
    (this.deps.later ?? setTimeout)(() => {
      this.retryScheduled = false;
      void this.flush();
    }, wait);
  }

  private write(change: (storage: MarkerStorage) => void): void {
    try {
      const storage = this.deps.storage();
      if (storage) change(storage);
    } catch {
      // No storage (private mode): the logout is tried this once only.
    }
  }
}
