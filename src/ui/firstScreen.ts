import { useEffect, useState } from 'preact/hooks';

/**
 * The first screen's data is on screen. Secondary reads (header counts, the signed-in user) wait for this,
 * so on a cold start they do not queue in front of the caseload in IndexedDB. A fallback timer releases
 * them anyway on screens that never signal.
 */
const FALLBACK_MS = 1200;
let done = false;
const listeners = new Set<() => void>();

export function firstScreenShown(): void {
  if (done) return;
  done = true;
  listeners.forEach((l) => l());
}

/** Resolves once the first screen has its data on screen (or after the fallback time). */
export function afterFirstScreen(): Promise<void> {
  if (done) return Promise.resolve();
  return new Promise((resolve) => {
    const release = () => {
      listeners.delete(release);
      clearTimeout(timer);
      resolve();
    };
    listeners.add(release);
    const timer = setTimeout(release, FALLBACK_MS);
  });
}

export function useAfterFirstScreen(): boolean {
  const [ready, setReady] = useState(done);
  useEffect(() => {
    if (ready) return;
    let mounted = true;
    void afterFirstScreen().then(() => mounted && setReady(true));
    return () => {
      mounted = false;
    };
  }, [ready]);
  return ready;
}
