/**
 * A note outside IndexedDB that this browser once held a synced Veldwerk database. If the browser later
 * clears IndexedDB (storage pressure, Safari's 7-day rule) but not this note, the app can say so instead of
 * pretending to be a new device. It holds only the device's random client id: nothing about anyone.
 */
const KEY = 'veldwerk.device';

export function rememberDevice(clientId: string): void {
  try {
    localStorage.setItem(KEY, clientId);
  } catch {
    // No storage: the app simply cannot tell this case apart later.
  }
}

/** True when this browser had a synced database whose client id is no longer in IndexedDB. */
export function deviceDataWasRemoved(currentClientId: string | undefined): boolean {
  try {
    const remembered = localStorage.getItem(KEY);
    return remembered !== null && remembered !== currentClientId;
  } catch {
    return false;
  }
}

export function forgetDevice(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to forget.
  }
}
