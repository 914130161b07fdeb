/**
 * Which editors hold typed text that is not yet safely stored as a saved record. The update prompt and the
 * database version-change handler read this so they never reload over someone's work, and can flush drafts first.
 */
type Flush = () => Promise<void>;

const editors = new Map<string, Flush>();
const listeners = new Set<() => void>();

export function markDirty(id: string, flush: Flush): void {
  const wasDirty = editors.size > 0;
  editors.set(id, flush);
  if (!wasDirty) listeners.forEach((l) => l());
}

export function markClean(id: string): void {
  if (editors.delete(id) && editors.size === 0) listeners.forEach((l) => l());
}

export function anyDirty(): boolean {
  return editors.size > 0;
}

/** Writes every open draft to storage; call before anything that reloads the page. */
export async function flushAll(): Promise<void> {
  await Promise.all([...editors.values()].map((flush) => flush()));
}

export function onDirtyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
