import { useEffect, useState } from 'preact/hooks';
import type { StorageInfo } from './features/settings/SettingsScreen';
import { watch } from './db/live';
import { onLanguageChange, t } from './i18n/i18n';
import { getMeta } from './db/meta';
import type { SessionUser } from './sync/responses';
import { readStorageState, requestPersistence } from './pwa/storage';
import { ClosedBanner } from './shell/ClosedBanner';
import { lazyScreen, withTexts } from './shell/lazyScreen';
import { Header } from './shell/Header';
import { screenFor } from './shell/routes';
import { UpdateBanner } from './shell/UpdateBanner';
import { Link } from './ui/Link';
import { Notice } from './ui/Notice';
import { useAfterFirstScreen } from './ui/firstScreen';
import { usePath } from './ui/router';
import { watchEnded, type EndedAccess } from './sync/status';

const SettingsScreen = lazyScreen(withTexts(['settings'], () => import('./features/settings/SettingsScreen').then((m) => m.SettingsScreen)));
const LoginScreen = lazyScreen(withTexts(['account'], () => import('./features/account/LoginScreen').then((m) => m.LoginScreen)));
const EndedAccessScreen = lazyScreen(withTexts(['account'], () => import('./features/account/EndedAccessScreen').then((m) => m.EndedAccessScreen)));
// Conflicts are described with the words of the forms and of the instruments they arose in.
const ConflictsScreen = lazyScreen(withTexts(['instruments', 'forms'], () => import('./features/conflicts/ConflictsScreen').then((m) => m.ConflictsScreen)));

// The sync engine (protocol schemas, API client) loads on demand: it is not needed to draw the first screen.
const engine = () => import('./sync/engine');
const signIn = (email: string, password: string) => engine().then((m) => m.signIn(email, password));
const finishSignIn = (answer: { keep: false } | { keep: true; teamId: string }) => engine().then((m) => m.finishSignIn(answer));
const SIGNED_OUT = 'veldwerk.signedOut';
/**
 * A completed sign-out erased the device's data: the page starts afresh on the login screen, so no screen, live
 * query or timer of the previous session outlives it. A one-time flag tells that screen to say what happened.
 */
const signOut = async () => {
  const result = await engine().then((m) => m.signOut());
  if (result === 'signedOut') {
    try {
      sessionStorage.setItem(SIGNED_OUT, '1');
    } catch {
      // Without session storage the login screen simply does not repeat that you signed out.
    }
    location.replace('/aanmelden');
  }
  return result;
};
function takeSignedOutFlag(): boolean {
  try {
    const set = sessionStorage.getItem(SIGNED_OUT) === '1';
    sessionStorage.removeItem(SIGNED_OUT);
    return set;
  } catch {
    return false;
  }
}

/** The shell: header, navigation, banners, and the screen for the current path. */
/** `database`: open as usual; 'closing' while another tab's upgrade waits for a form here to be saved; 'closed'. */
export type DatabaseState = 'open' | 'closing' | 'closed';

export function App({ database, storageWiped }: { database: DatabaseState; storageWiped: boolean }) {
  const path = usePath();
  const [justSignedOut] = useState(takeSignedOutFlag);
  const [, setLang] = useState('');
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  useEffect(() => onLanguageChange(setLang), []);
  const [user, setUser] = useState<SessionUser | undefined>(undefined);
  const later = useAfterFirstScreen();
  const [ended, setEnded] = useState<EndedAccess | null>(null);
  useEffect(() => watchEnded(setEnded), []);
  useEffect(() => (later ? watch(() => getMeta<SessionUser>('sessionUser'), setUser, () => {}) : undefined), [later]);
  useEffect(() => {
    if (path === '/instellingen') void readStorageState().then(setStorage);
  }, [path]);

  const askPersistence = async () => {
    await requestPersistence();
    setStorage(await readStorageState());
  };
  // Screens that need the session or the sync engine get them here, from the composition root.
  const screen = ended && path !== '/aanmelden' ? (
    <EndedAccessScreen ended={ended} />
  ) : path === '/instellingen' ? (
      <SettingsScreen
        storage={storage}
        onAskPersistence={() => void askPersistence()}
        appVersion={__APP_VERSION__}
        account={{ user: user ? user.displayName : null, signOut }}
      />
    ) : path === '/aanmelden' ? (
      <LoginScreen onSignIn={signIn} onChooseLocalData={finishSignIn} justSignedOut={justSignedOut} />
    ) : path === '/conflicten' ? (
      <ConflictsScreen myUserId={user?.id ?? ''} />
    ) : (
      screenFor(path)
    );
  return (
    <>
      <Header path={path} role={user?.role} />
      <main id="main" tabIndex={-1}>
        <UpdateBanner />
        {database !== 'open' && <ClosedBanner waitingForForm={database === 'closing'} />}
        {storageWiped && <Notice kind="warning">{t('wiped.message')}</Notice>}
        {screen ?? (
          <>
            <h1>{t('notFound.title')}</h1>
            <Link href="/">{t('common.backToCaseload')}</Link>
          </>
        )}
      </main>
    </>
  );
}
