/** Where the chosen language is remembered; also read by src/boot.ts, before i18next has loaded. */
export const LANGUAGE_KEY = 'veldwerk.lang';

/** The remembered choice as stored (not yet checked), or null. */
export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}
