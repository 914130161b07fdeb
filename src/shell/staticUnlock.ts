/**
 * The unlock screen of a signed-in device's cold start, in index.html itself (issue 13: painted in well under a
 * quarter second on a slow tablet, offline). The app's code takes a few hundred milliseconds more to load; until
 * then this copy of the password form is on screen and can be typed in. vite.config.ts writes its markup into
 * index.html (hidden), src/boot.ts shows it when the device opens locked, and shell/lock.tsx takes over from it:
 * what was typed, and a press of a button before the app was there (the app's field takes the focus).
 *
 * Its markup is the Preact UnlockScreen's (features/account/UnlockScreen.tsx), so the takeover moves nothing;
 * a browser test compares the two.
 */
export interface UnlockWords {
  title: string;
  intro: string;
  password: string;
  submit: string;
  forgotten: string;
}

/** What the person did on the copy before the app took over. */
export type StaticIntent = 'unlock' | 'forgotten' | null;
export interface StaticUnlockState {
  password: string;
  intent: StaticIntent;
}

const ROOT_ID = 'lock-static';
/** On <html>, while the copy shows (src/ui/app.css hides the app's own bare header meanwhile). */
const OPENS_LOCKED_CLASS = 'opens-locked';
export const STATIC_PASSWORD_ID = 'lock-static-password';

declare global {
  interface Window {
    __veldwerkLockIntent?: StaticIntent;
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The same words in both languages; CSS shows the one of <html lang>, set from the remembered choice at boot. */
function both(words: Record<'nl' | 'en', UnlockWords>, key: keyof UnlockWords): string {
  return `<span data-lang="nl">${escapeText(words.nl[key])}</span><span data-lang="en">${escapeText(words.en[key])}</span>`;
}

/** Element Timing's name for the moment the heading is painted, read by the benchmark of the locked cold start. */
const PAINTED_COPY = 'unlock-screen';

/** For vite.config.ts: the hidden copy written into index.html at build time (never into a live page). */
export function staticUnlockMarkup(words: Record<'nl' | 'en', UnlockWords>): string {
  return (
    `<div class="lock-screen" id="${ROOT_ID}"><main id="lock-main" tabindex="-1"><form novalidate>` +
    `<h1 elementtiming="${PAINTED_COPY}">${both(words, 'title')}</h1>` +
    `<p>${both(words, 'intro')}</p>` +
    `<div class="field "><label for="${STATIC_PASSWORD_ID}">${both(words, 'password')}</label>` +
    `<input id="${STATIC_PASSWORD_ID}" type="password" required autocomplete="current-password" autofocus></div>` +
    `<div class="actions"><button type="submit" class="btn btn-primary ">${both(words, 'submit')}</button>` +
    `<button type="button" class="btn btn-secondary " data-lock-forgotten>${both(words, 'forgotten')}</button></div>` +
    `</form></main></div>`
  );
}

/**
 * For src/boot.ts: shows the copy, in the remembered language, and holds a press of its buttons until the app
 * takes over. Safe to call twice (the hint, then IndexedDB's answer).
 */
export function showStaticUnlock(language: string | null): void {
  const html = document.documentElement;
  if (html.classList.contains(OPENS_LOCKED_CLASS)) return;
  if (language === 'en') html.lang = 'en';
  html.classList.add(OPENS_LOCKED_CLASS);
  window.__veldwerkLockIntent = null;
  document.addEventListener(
    'submit',
    (event) => {
      if (!(event.target instanceof Element) || !event.target.closest(`#${ROOT_ID}`)) return;
      event.preventDefault();
      window.__veldwerkLockIntent = 'unlock';
    },
    true,
  );
  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest(`#${ROOT_ID} [data-lock-forgotten]`)) window.__veldwerkLockIntent = 'forgotten';
    },
    true,
  );
}

/** For shell/lock.tsx: what the copy holds, and the copy removed (the app's own screen goes in its place). */
export function takeStaticUnlock(): StaticUnlockState | null {
  const root = document.getElementById(ROOT_ID);
  const shown = document.documentElement.classList.contains(OPENS_LOCKED_CLASS);
  root?.remove();
  if (!root || !shown) return null;
  const input = root.querySelector<HTMLInputElement>(`#${STATIC_PASSWORD_ID}`);
  const state = { password: input?.value ?? '', intent: window.__veldwerkLockIntent ?? null };
  window.__veldwerkLockIntent = null;
  return state;
}

/** The copy's class goes once the app's screen is drawn in its place, in the same task: nothing flashes. */
export function endStaticUnlock(): void {
  document.getElementById(ROOT_ID)?.remove();
  document.documentElement.classList.remove(OPENS_LOCKED_CLASS);
}
