/**
 * Whether this device opens with its unlock screen: a copy, in localStorage, of "a data key is stored"
 * (keyring.ts), so that index.html's start-up script can paint the unlock screen before IndexedDB answers and
 * before the app's code has loaded (src/boot.ts). A yes or no about the device, nothing about anyone. The
 * database stays the truth: the start-up read corrects the copy whenever it learns otherwise.
 */
const LOCK_HINT = 'veldwerk.opensLocked';

export function hintedLocked(): boolean {
  try {
    return localStorage.getItem(LOCK_HINT) === '1';
  } catch {
    return false;
  }
}

export function hintLocked(locked: boolean): void {
  try {
    if (locked) localStorage.setItem(LOCK_HINT, '1');
    else localStorage.removeItem(LOCK_HINT);
  } catch {
    // No storage: the start-up read still finds the key, only a little later.
  }
}
