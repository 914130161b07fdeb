import { registerSW } from 'virtual:pwa-register';

/**
 * The only code that talks to the service worker. A new version is never applied on its own: the user is
 * asked, and the shell decides when that is safe (no unsaved editor).
 */
type Listener = () => void;
const listeners = new Set<Listener>();
let waiting = false;
let applyFn: ((reload?: boolean) => Promise<void>) | null = null;

const CHECK_EVERY_MS = 60 * 60 * 1000;

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  applyFn = registerSW({
    onNeedRefresh() {
      waiting = true;
      listeners.forEach((l) => l());
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // Look for a new version now and then, and when the worker comes back to the app.
      setInterval(() => void registration.update().catch(() => {}), CHECK_EVERY_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void registration.update().catch(() => {});
      });
    },
  });
}

export function updateWaiting(): boolean {
  return waiting;
}

export function onUpdateWaiting(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Activates the waiting worker and reloads. Callers must have saved every draft first. */
export async function applyUpdate(): Promise<void> {
  await applyFn?.(true);
}
