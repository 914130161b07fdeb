/**
 * The discreet mode (issue 13): clients' names shown as initials, for a waiting room or a bus. A preference
 * of this device, not client data, so it lives in localStorage, shared by the tabs. It is a class on <html>:
 * the stylesheet swaps each name for its initials (ui/ClientName.tsx), so the first screen needs no code for it
 * beyond this file (setting it: ui/discreet.ts, loaded with the settings).
 */
export const DISCREET_KEY = 'veldwerk.discreet';

export function isDiscreet(): boolean {
  try {
    return localStorage.getItem(DISCREET_KEY) === '1';
  } catch {
    return false;
  }
}

/** At start, and when another tab changed the mode. */
export function applyDiscreet(): void {
  document.documentElement.classList.toggle('discreet', isDiscreet());
}
