import { render } from 'preact';
import { adoptKey, forgetKey, unlockedKey, unlockWithPassword } from '../db/keyring';
import { dropKeptForm, keepForm, takeKeptForm } from '../db/keptForms';
import { getMeta } from '../db/meta';
import { hasScreenPin, isScreenPin } from '../db/screenPin';
import { LoginScreen } from '../features/account/LoginScreen';
import { UnlockScreen } from '../features/account/UnlockScreen';
import { loadNamespace } from '../i18n/i18n';
import { DEFAULT_ORG_SETTINGS, type OrgSettings } from '../model/admin';
import { IdScope } from '../ui/fieldId';
import { afterFirstScreen } from '../ui/firstScreen';
import { installFormKeeper, keepUnsavedForms } from '../ui/keptForms';
import { endStaticUnlock, takeStaticUnlock } from './staticUnlock';

/**
 * The lock of a signed-in device (issue 13), at two levels. The screen lock ("Vergrendelen", or the
 * organisation's screen-lock time without use) hides the app and keeps the key: the PIN opens it, or the
 * password; five wrong PINs make it a full lock. The full lock (a cold start, the full-lock time without use or
 * hidden) drops the key: only the password opens it. Either way the app stays mounted, hidden and inert, under the
 * lock screen, so nothing typed is lost. All tabs lock together, and one tab's unlock opens the others (a
 * CryptoKey travels between tabs, still non-extractable).
 */
type Level = 'screen' | 'full';
type Message = { type: 'lock'; level: Level } | { type: 'unlocked'; key: CryptoKey };

const CHANNEL = 'veldwerk-lock';
/** Shared by the tabs, so a tab left alone does not lock the one in use. Only a time: nothing about anyone. */
const LAST_ACTIVE = 'veldwerk.lastActive';
const CHECK_EVERY_MS = 15_000;
/** Wrong PINs in a row, shared by the tabs so more tabs give no more tries. A count, nothing else. */
const PIN_TRIES = 'veldwerk.pinTries';
export const MAX_PIN_TRIES = 5;

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
/** Plain forms' typed values are kept sealed over a lock (ui/keptForms.ts): the lock is what keeps them. */
installFormKeeper({ keep: keepForm, take: takeKeptForm, drop: dropKeptForm });
/** Keeping forms is a few small writes; a database that does not answer must not hold the key in memory. */
const KEEP_FORMS_WITHIN_MS = 2000;
let overlay: HTMLElement | null = null;
let level: Level | null = null;
let waiting: Array<() => void> = [];

function app(): HTMLElement | null {
  return document.getElementById('app');
}

function hideApp(hidden: boolean): void {
  const root = app();
  if (!root) return;
  root.hidden = hidden;
  root.inert = hidden;
}

function opened(): void {
  overlay?.remove();
  overlay = null;
  level = null;
  storeTries(0);
  hideApp(false);
  noteActivity();
  for (const done of waiting) done();
  waiting = [];
}

/** Unlocked in this tab: the other tabs get the key and open too. */
function unlockedHere(): void {
  const key = unlockedKey();
  if (key) channel?.postMessage({ type: 'unlocked', key } satisfies Message);
  opened();
  // Whatever is still plaintext gets sealed (once per device), and what waited during the lock is sent: once the
  // first screen is drawn, so neither competes with it on a cold start.
  void afterFirstScreen().then(() => {
    void import('../db/sealAtRest').then((m) => m.sealAtRest()).catch(() => {});
    void import('../sync/engine').then((engine) => engine.syncNow());
  });
}

async function unlock(password: string): Promise<void> {
  // Marks for the benchmark (issue 13): the key derivation, then from the key to the caseload drawn.
  performance.mark('unlock-submitted');
  await unlockWithPassword(password);
  performance.mark('unlock-key-ready');
  unlockedHere();
}

function wrongTries(): number {
  try {
    return Number(localStorage.getItem(PIN_TRIES) ?? 0) || 0;
  } catch {
    return localTries;
  }
}
let localTries = 0;
function storeTries(tries: number): void {
  localTries = tries;
  try {
    localStorage.setItem(PIN_TRIES, String(tries));
  } catch {
    // This tab's count only.
  }
}

/** The screen lock's PIN: right opens every tab; wrong counts, and the fifth wrong one is a full lock. */
async function unlockWithPin(pin: string): Promise<{ triesLeft: number }> {
  if (level === 'screen' && unlockedKey() && (await isScreenPin(pin))) {
    unlockedHere();
    return { triesLeft: MAX_PIN_TRIES };
  }
  const tries = wrongTries() + 1;
  storeTries(tries);
  if (tries >= MAX_PIN_TRIES) {
    lockNow({ afterPinTries: true });
    return { triesLeft: 0 };
  }
  return { triesLeft: MAX_PIN_TRIES - tries };
}

/** Forgotten password: an online sign-in of the same person (after a reset) gets the key back from the server. */
async function signInOnline(email: string, password: string) {
  const engine = await import('../sync/engine');
  const outcome = await engine.signIn(email, password);
  if (outcome.state === 'signedIn') unlockedHere();
  return outcome;
}

async function showLock(next: Level, options: { afterPinTries?: boolean } = {}): Promise<void> {
  // A full lock is never softened into a screen lock by a late message.
  level = level === 'full' ? 'full' : next;
  hideApp(true);
  if (!overlay) {
    overlay = document.createElement('div');
    overlay.className = 'lock-screen';
    document.body.append(overlay);
  }
  const shown = level;
  const [pin] = await Promise.all([shown === 'screen' && unlockedKey() ? hasScreenPin().catch(() => false) : false, loadNamespace('account')]);
  if (!overlay || level !== shown) return; // opened or locked further meanwhile (another tab)
  const online = <LoginScreen onSignIn={signInOnline} onChooseLocalData={async () => {}} />;
  // A cold start's copy of this screen (index.html) gives way to it in this task, with what was done there.
  const copy = takeStaticUnlock();
  // Keyed by the level: a screen lock that becomes a full lock starts with empty fields.
  render(
    <IdScope.Provider value="lock-">
      <main id="lock-main" tabIndex={-1}>
        <UnlockScreen
          key={shown}
          onUnlock={unlock}
          onPin={pin ? unlockWithPin : null}
          afterPinTries={options.afterPinTries === true}
          signInOnline={online}
          typed={copy?.password ?? ''}
          startForgotten={copy?.intent === 'forgotten'}
        />
      </main>
    </IdScope.Provider>,
    overlay,
  );
  endStaticUnlock();
  overlay.querySelector<HTMLInputElement>('input[type=password]')?.focus();
  // Unlock pressed on the copy, before the app was there: done now.
  if (copy?.intent === 'unlock') overlay.querySelector('form')?.requestSubmit();
}

/** Cold start of a signed-in device: nothing of the app is drawn until the password opened the key. */
export function unlockFirst(): Promise<void> {
  // What opens the caseload's sealed rows loads while the person types the password.
  void import('../db/sealedRows');
  return new Promise((resolve) => {
    waiting.push(resolve);
    void showLock('full');
  });
}

/** "Vergrendelen", or the screen-lock time ran out: every tab hides behind the lock screen; the key stays. */
export function lockScreen(): void {
  if (!unlockedKey()) return lockNow();
  channel?.postMessage({ type: 'lock', level: 'screen' } satisfies Message);
  screenLockHere();
}

function screenLockHere(): void {
  // Should the tab be closed under the lock, what was typed in a form is kept.
  void keepUnsavedForms();
  void showLock('screen');
}

/** The full-lock time ran out (or five wrong PINs): every tab of this device drops the key and locks. */
export function lockNow(options: { afterPinTries?: boolean } = {}): void {
  channel?.postMessage({ type: 'lock', level: 'full' } satisfies Message);
  lockHere(options);
}

function lockHere(options: { afterPinTries?: boolean } = {}): void {
  void showLock('full', options);
  // The app is hidden at once; the key goes once what was typed in a form is kept with it (sealed), so a tab
  // closed under the full lock loses nothing either. An unlock meanwhile (another key) is left alone.
  const key = unlockedKey();
  if (!key) return;
  const kept = Promise.race([keepUnsavedForms(), new Promise((done) => setTimeout(done, KEEP_FORMS_WITHIN_MS))]);
  void kept.finally(() => {
    if (unlockedKey() === key) forgetKey();
  });
}

function noteActivity(): void {
  try {
    localStorage.setItem(LAST_ACTIVE, String(Date.now()));
  } catch {
    // No storage: each tab then counts its own time.
  }
}

let localActive = Date.now();
function lastActive(): number {
  let shared = 0;
  try {
    shared = Number(localStorage.getItem(LAST_ACTIVE) ?? 0);
  } catch {
    // Only this tab's time.
  }
  return Math.max(localActive, shared);
}

/** Starts the lock's watch in this tab: other tabs' lock and unlock, use, and time hidden. */
export function startAutoLock(): void {
  channel?.addEventListener('message', (event: MessageEvent<Message>) => {
    if (event.data.type === 'lock') {
      if (event.data.level === 'full') lockHere();
      else screenLockHere();
    }
    else if (event.data.type === 'unlocked' && overlay) {
      adoptKey(event.data.key);
      opened();
    }
  });
  let lastWrite = 0;
  const active = () => {
    // Tapping at the lock screen is not use of the app: it must not keep the full lock away.
    if (overlay) return;
    localActive = Date.now();
    // Written at most every few seconds: typing must not cost a storage write per key.
    if (localActive - lastWrite > 5000) {
      lastWrite = localActive;
      noteActivity();
    }
  };
  for (const type of ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart']) addEventListener(type, active, { passive: true, capture: true });
  const check = async () => {
    // A key in memory means a signed-in device (sign-out forgets it): nothing to read from the database for that.
    if (!unlockedKey() || level === 'full') return;
    const settings = (await getMeta<OrgSettings>('orgSettings').catch(() => undefined)) ?? DEFAULT_ORG_SETTINGS;
    const idle = Date.now() - lastActive();
    if (idle > settings.fullLockMinutes * 60_000) lockNow();
    else if (idle > settings.screenLockMinutes * 60_000 && !overlay) lockScreen();
  };
  setInterval(() => void check(), CHECK_EVERY_MS);
  // Hidden (another app, the tablet asleep): timers stop, so the time is checked again on return.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void check();
    // Hidden, a tab may be closed by the browser without a word: what was typed in a form is kept first.
    else if (unlockedKey()) void keepUnsavedForms();
  });
}
