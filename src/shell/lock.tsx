import { render } from 'preact';
import { adoptKey, forgetKey, unlockedKey, unlockWithPassword } from '../db/keyring';
import { getMeta } from '../db/meta';
import { LoginScreen } from '../features/account/LoginScreen';
import { UnlockScreen } from '../features/account/UnlockScreen';
import { loadNamespace } from '../i18n/i18n';
import { DEFAULT_ORG_SETTINGS, type OrgSettings } from '../model/admin';
import { IdScope } from '../ui/fieldId';

/**
 * The lock of a signed-in device (issue 13): on a cold start, on "Vergrendelen" and after the organisation's
 * full-lock time without use (or hidden), the key leaves memory and the app is hidden (and inert) behind the
 * unlock screen until the password is given. The app stays mounted under it, so nothing typed is lost. All tabs
 * lock together, and one tab's unlock opens the others (a CryptoKey travels between tabs, still non-extractable).
 */
type Message = { type: 'lock' } | { type: 'unlocked'; key: CryptoKey };

const CHANNEL = 'veldwerk-lock';
/** Shared by the tabs, so a tab left alone does not lock the one in use. Only a time: nothing about anyone. */
const LAST_ACTIVE = 'veldwerk.lastActive';
const CHECK_EVERY_MS = 15_000;

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
let overlay: HTMLElement | null = null;
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
}

async function unlock(password: string): Promise<void> {
  await unlockWithPassword(password);
  unlockedHere();
}

/** Forgotten password: an online sign-in of the same person (after a reset) gets the key back from the server. */
async function signInOnline(email: string, password: string) {
  const engine = await import('../sync/engine');
  const outcome = await engine.signIn(email, password);
  if (outcome.state === 'signedIn') unlockedHere();
  return outcome;
}

async function showLock(): Promise<void> {
  hideApp(true);
  if (!overlay) {
    overlay = document.createElement('div');
    overlay.className = 'lock-screen';
    document.body.append(overlay);
  }
  await loadNamespace('account');
  if (!overlay) return; // opened meanwhile (another tab)
  const online = <LoginScreen onSignIn={signInOnline} onChooseLocalData={async () => {}} />;
  render(
    <IdScope.Provider value="lock-">
      <main id="lock-main" tabIndex={-1}>
        <UnlockScreen onUnlock={unlock} signInOnline={online} />
      </main>
    </IdScope.Provider>,
    overlay,
  );
  overlay.querySelector<HTMLInputElement>('input[type=password]')?.focus();
}

/** Cold start of a signed-in device: nothing of the app is drawn until the password opened the key. */
export function unlockFirst(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    void showLock();
  });
}

/** "Vergrendelen", or the time without use ran out: every tab of this device locks. */
export function lockNow(): void {
  channel?.postMessage({ type: 'lock' } satisfies Message);
  lockHere();
}

function lockHere(): void {
  forgetKey();
  void showLock();
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
    if (event.data.type === 'lock') lockHere();
    else if (event.data.type === 'unlocked' && overlay) {
      adoptKey(event.data.key);
      opened();
    }
  });
  let lastWrite = 0;
  const active = () => {
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
    if (!unlockedKey() || overlay) return;
    const settings = (await getMeta<OrgSettings>('orgSettings').catch(() => undefined)) ?? DEFAULT_ORG_SETTINGS;
    if (Date.now() - lastActive() > settings.fullLockMinutes * 60_000) lockNow();
  };
  setInterval(() => void check(), CHECK_EVERY_MS);
  // Hidden (another app, the tablet asleep): timers stop, so the time is checked again on return.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void check();
  });
}
