/**
 * Which editors hold typed text that is not yet safely stored as a saved record. The update prompt, the database
 * version-change handler and the leave guard read this so they never reload or navigate over someone's work.
 *
 * Two kinds: an editor with a draft (the visit note, an instrument) can write its draft to storage before a
 * reload, so it gets a flush; a plain form (a dossier, a partner) has no draft, so it is "unsaved" until the
 * user saves or cancels it, and nothing may reload over it.
 */
type Flush = () => Promise<void>;

const editors = new Map<string, Flush | null>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function markDirty(id: string, flush: Flush): void {
  editors.set(id, flush);
  notify();
}

/** A plain form holds typed values that exist only on screen. */
export function markUnsaved(id: string): void {
  editors.set(id, null);
  notify();
}

export function markClean(id: string): void {
  if (editors.delete(id)) notify();
}

export function anyDirty(): boolean {
  return editors.size > 0;
}

/** True while a form without a draft holds changes: a reload now would lose them. */
export function anyUnsaved(): boolean {
  return [...editors.values()].some((flush) => flush === null);
}

/** Writes every open draft to storage; call before anything that reloads the page. */
export async function flushAll(): Promise<void> {
  await Promise.all([...editors.values()].map((flush) => flush?.()));
}

/** Resolves once no form holds unsaved changes (at once if none does). */
export function whenNoneUnsaved(): Promise<void> {
  return new Promise((resolve) => {
    if (!anyUnsaved()) return resolve();
    const stop = onDirtyChange(() => {
      if (anyUnsaved()) return;
      stop();
      resolve();
    });
  });
}

export function onDirtyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
