/**
 * Debounced saving of what is being typed: at most one write per `delayMs` of quiet, and `flush()` writes
 * the latest value now (before a reload, on leaving the screen, when the tab is hidden).
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
  let running: Promise<void> = Promise.resolve();

  const writeNow = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return running;
    const { value } = pending;
    pending = null;
    // Writes are chained so an older value never lands after a newer one.
    running = running.then(() => save(value)).then(onSaved, (e: unknown) => {
      if (!pending) pending = { value };
      onError(e);
    });
    return running;
  };

  return {
    schedule(value) {
      pending = { value };
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void writeNow(), delayMs);
    },
    flush: writeNow,
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
