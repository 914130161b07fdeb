/**
 * Pushes per person and minute, in this process's memory. Per person, not per address: an office's tablets
 * share one public address, and one person's runaway device (a bug, a script with a stolen token) must not
 * slow down the colleagues. 120 a minute is far above what a device does (one push per burst of typing a few
 * seconds after it, one per change of connection; a long queue goes in batches of one request each), and
 * the client backs off on any failure (engine.ts scheduleRetry) without moving changes to "needs attention".
 * Each instance counts apart: with n instances a person gets n times as many, which still stops a flood.
 */
export interface PushRateLimit {
  max: number;
  timeWindowMs: number;
}

export const PUSH_RATE_LIMIT: PushRateLimit = { max: 120, timeWindowMs: 60_000 };

/** Windows that ended are dropped when this many people are counted, so the map stays small. */
const SWEEP_AT = 1000;

export class PerPersonLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: PushRateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; undefined when it may go ahead, otherwise the seconds until it may (Retry-After). */
  take(userId: string): number | undefined {
    const at = this.now();
    if (this.windows.size >= SWEEP_AT) this.sweep(at);
    let window = this.windows.get(userId);
    if (!window || at - window.start >= this.limit.timeWindowMs) {
      window = { start: at, count: 0 };
      this.windows.set(userId, window);
    }
    if (window.count >= this.limit.max) return Math.max(1, Math.ceil((window.start + this.limit.timeWindowMs - at) / 1000));
    window.count++;
    return undefined;
  }

  private sweep(at: number): void {
    for (const [userId, window] of this.windows) if (at - window.start >= this.limit.timeWindowMs) this.windows.delete(userId);
  }
}
