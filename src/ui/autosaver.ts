/**
 * Saving what is being typed. A write starts `delayMs` after the first change; changes made while a write
 * is in flight are coalesced into the next one, so at most one write runs and the latest value always lands
 * last. `flush()` writes whatever is pending now.
 *
 * Why not rely on `pagehide` alone: browsers abort IndexedDB transactions of a page that is unloading, so
 * text must already be on disk by the time the page goes away.
 */
export interface Autosaver<T> {
  schedule(value: T): void;
  flush(): Promise<void>;
  cancel(): void;
}

export function createAutosaver<T>(
  save: (value: T) => Promise<void>,
  delayMs: number,
  onError: (e: unknown) => void,
  onSaved: () => void = () => {},
): Autosaver<T> {
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;

  const run = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return inFlight ?? Promise.resolve();
    const { value } = pending;
    pending = null;
    let failed = false;
    inFlight = save(value)
      .then(onSaved, (e: unknown) => {
        failed = true;
        // Keep the unsaved value unless something newer is already waiting; retried on the next change or flush.
        if (!pending) pending = { value };
        onError(e);
      })
      .finally(() => {
        inFlight = null;
        if (pending && !failed) timer = setTimeout(() => void run(), delayMs);
      });
    return inFlight;
  };

  return {
    schedule(value) {
      pending = { value };
      if (!timer && !inFlight) timer = setTimeout(() => void run(), delayMs);
    },
    async flush() {
      if (inFlight) await inFlight;
      await run();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
