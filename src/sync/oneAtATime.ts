/** The part of the Web Locks API this needs (navigator.locks), so tests can hand in their own. */
export interface Locks {
  request<T>(name: string, options: { ifAvailable: true }, callback: (lock: unknown) => Promise<T>): Promise<T>;
  request<T>(name: string, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/**
 * Runs `work` in one tab at a time under a Web Lock. A request that finds a round under way, in this tab or
 * another, is not dropped: that round may have started before the changes the request is about (a case saved
 * a moment ago, a tap on "Nu synchroniseren"). It waits and runs once more after it. However many requests
 * arrive during one round, they share that single follow-up.
 */
export function oneAtATime(locks: Locks | undefined, name: string, work: () => Promise<void>): () => Promise<void> {
  let followUp: Promise<void> | null = null;
  return async () => {
    if (!locks) return work();
    const ran = await locks.request(name, { ifAvailable: true }, async (lock) => {
      if (!lock) return false;
      await work();
      return true;
    });
    if (ran) return;
    if (!followUp) {
      const queued = locks.request(name, async () => {
        // From here on, a new request belongs after this round, not in it.
        followUp = null;
        await work();
      });
      followUp = queued;
      void queued.catch(() => {}).finally(() => {
        if (followUp === queued) followUp = null;
      });
    }
    return followUp;
  };
}
