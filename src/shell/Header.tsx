import { useEffect, useState } from 'preact/hooks';
import { watch } from '../db/live';
import { getMeta } from '../db/meta';
import { countWaiting } from '../db/counts';
import { t } from '../i18n/i18n';
import { reachability, watchReachability, type Reachability } from '../sync/status';
import { Link } from '../ui/Link';
import { SyncControls } from './SyncControls';
import { useAfterFirstScreen } from '../ui/firstScreen';
import { useWatched } from '../ui/useWatched';

const NAV = [
  ['/', 'nav.cases'],
  ['/opvolging', 'nav.followUps'],
  ['/partners', 'nav.partners'],
  ['/voorbeelden', 'nav.examples'],
  ['/kaarten', 'nav.cards'],
  ['/instrumenten', 'nav.instruments'],
  ['/instellingen', 'nav.settings'],
] as const;
/** Extra entries for a role: account management for an admin, the teams' members for a coordinator. */
const ROLE_NAV: Partial<Record<string, readonly [string, 'nav.admin' | 'nav.myTeams']>> = {
  admin: ['/beheer', 'nav.admin'],
  coordinator: ['/mijn-teams', 'nav.myTeams'],
};

function useReachability(): Reachability {
  const [state, setState] = useState<Reachability>(reachability());
  useEffect(() => watchReachability(setState), []);
  return state;
}

function section(path: string): string {
  if (path === '/' || path.startsWith('/dossiers') || path.startsWith('/notities') || path.startsWith('/bezoek')) return '/';
  if (path.startsWith('/woordenlijst')) return '/kaarten';
  return `/${path.split('/')[1] ?? ''}`;
}

/** Brand, organisation, and the device state in words: connection and changes kept on this device. */
export function Header({ path, role }: { path: string; role?: string }) {
  const reach = useReachability();
  const later = useAfterFirstScreen();
  const waiting = useWatched<number>((next, fail) => (later ? watch(countWaiting, next, fail) : () => {}), [later]);
  const org = useWatched<string | undefined>((next, fail) => (later ? watch(() => getMeta<string>('orgName'), next, fail) : () => {}), [later]);
  const current = section(path);
  const roleEntry = role ? ROLE_NAV[role] : undefined;
  const nav = roleEntry ? [...NAV, roleEntry] : NAV;
  return (
    <>
      <a class="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header class="shell-header">
        <Link class="brand" href="/">
          {t('app.name')}
          {/* Always present, so the header keeps its size when the name arrives (no layout shift). */}
          <span class="brand-org">{org.state === 'ready' && org.value ? org.value : '\u00a0'}</span>
        </Link>
        <div class="header-side">
          <p class="status-line" role="status" data-testid="device-status">
            <strong>{t(`status.${reach}`)}</strong>
            <span>{waiting.state !== 'ready' ? '\u00a0' : waiting.value === 0 ? t('status.nothingWaiting') : t('status.waiting', { count: waiting.value })}</span>
          </p>
          {later ? <SyncControls /> : <div class="sync-controls" />}
        </div>
      </header>
      <nav class="nav" aria-label={t('nav.label')}>
        {nav.map(([href, key]) => (
          <Link key={href} href={href} aria-current={current === href ? 'page' : undefined}>
            {t(key)}
          </Link>
        ))}
        {/* Signed in: hides the app until the PIN or password is given (shell/lock.tsx, loaded when it is needed). */}
        {role && (
          <button type="button" class="nav-lock" onClick={() => void import('./lock').then((lock) => lock.lockScreen())}>
            {t('nav.lock')}
          </button>
        )}
      </nav>
    </>
  );
}
