import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { watch } from '../db/live';
import { getMeta } from '../db/meta';
import { countNeedsAttention, countWaiting } from '../db/counts';
import { t } from '../i18n/i18n';
import { reachability, watchReachability, type Reachability } from '../sync/status';
import { Link } from '../ui/Link';
import type { OutboxCounts, SyncControls as SyncControlsType } from './SyncControls';
import { useAfterFirstScreen } from '../ui/firstScreen';
import { useWatched } from '../ui/useWatched';

type NavEntry = readonly [string, 'nav.cases' | 'nav.followUps' | 'nav.partners' | 'nav.examples' | 'nav.cards' | 'nav.instruments' | 'nav.settings' | 'nav.admin' | 'nav.myTeams'];

/** The four places a worker uses most: the phone's bottom tab bar (app.css), beside "Meer". */
const MAIN_NAV: readonly NavEntry[] = [
  ['/', 'nav.cases'],
  ['/opvolging', 'nav.followUps'],
  ['/partners', 'nav.partners'],
  ['/kaarten', 'nav.cards'],
];
/** The rest: inline on a tablet, behind "Meer" on a phone. */
const MORE_NAV: readonly NavEntry[] = [
  ['/voorbeelden', 'nav.examples'],
  ['/instrumenten', 'nav.instruments'],
  ['/instellingen', 'nav.settings'],
];
/** Extra entries for a role: account management for an admin, the teams' members for a coordinator. */
const ROLE_NAV: Partial<Record<string, NavEntry>> = {
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

async function countOutbox(): Promise<OutboxCounts> {
  return { waiting: await countWaiting(), refused: await countNeedsAttention() };
}

/**
 * Brand, organisation, and the device state in words: connection and changes kept on this device. On a phone
 * (app.css, ≤ 600 px) the header is one compact block and the menu becomes a bottom tab bar with "Meer".
 */
export function Header({ path, role }: { path: string; role?: string }) {
  const reach = useReachability();
  const later = useAfterFirstScreen();
  const counts = useWatched<OutboxCounts>((next, fail) => (later ? watch(countOutbox, next, fail) : () => {}), [later]);
  const org = useWatched<string | undefined>((next, fail) => (later ? watch(() => getMeta<string>('orgName'), next, fail) : () => {}), [later]);
  // The sync row and the keyboard helper load after the first screen: neither is needed to draw it (the row's
  // room is kept from the first frame), so they weigh nothing on the first screen's JavaScript.
  const [SyncControls, setSyncControls] = useState<typeof SyncControlsType | null>(null);
  useEffect(() => {
    if (!later) return;
    let stop: (() => void) | undefined;
    let alive = true;
    void import('./SyncControls').then((m) => alive && setSyncControls(() => m.SyncControls));
    void import('../ui/keyboardInset').then((m) => {
      if (alive) stop = m.followKeyboard();
    });
    return () => {
      alive = false;
      stop?.();
    };
  }, [later]);
  const waiting = counts.state === 'ready' ? counts.value : null;
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
            <span>{!waiting ? '\u00a0' : waiting.waiting === 0 ? t('status.nothingWaiting') : t('status.waiting', { count: waiting.waiting })}</span>
          </p>
          {SyncControls ? <SyncControls reach={reach} counts={waiting} /> : <div class="sync-controls" />}
        </div>
      </header>
      <Nav path={path} role={role} />
    </>
  );
}

/**
 * The menu. On a phone the first four places form a bottom tab bar and "Meer" opens the rest above it: a
 * disclosure (button with aria-expanded), whose first entry takes the focus; Escape or a tap elsewhere closes it
 * and gives the focus back to "Meer". On a tablet "Meer" is hidden and the rest stands inline (display: contents).
 */
function Nav({ path, role }: { path: string; role?: string }) {
  const [open, setOpen] = useState(false);
  const nav = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const current = section(path);
  const roleEntry = role ? ROLE_NAV[role] : undefined;
  const more = roleEntry ? [...MORE_NAV, roleEntry] : MORE_NAV;
  const close = (focusToggle: boolean) => {
    setOpen(false);
    if (focusToggle) toggle.current?.focus();
  };
  useEffect(() => setOpen(false), [path]);
  // Before the browser paints the open menu: the focus is in it as soon as it shows.
  useLayoutEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('a, button')?.focus();
    const outside = (e: Event) => {
      if (!nav.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('focusin', outside);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('focusin', outside);
    };
  }, [open]);
  const link = ([href, key]: NavEntry) => (
    <Link key={href} href={href} aria-current={current === href ? 'page' : undefined}>
      {t(key)}
    </Link>
  );
  return (
    <nav class="nav" aria-label={t('nav.label')} ref={nav} onKeyDown={(e) => open && e.key === 'Escape' && close(true)}>
      {MAIN_NAV.map(link)}
      <button
        type="button"
        ref={toggle}
        class={more.some(([href]) => href === current) ? 'nav-more-toggle nav-more-here' : 'nav-more-toggle'}
        aria-expanded={open}
        aria-controls="nav-more"
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        {t('nav.more')}
      </button>
      <div id="nav-more" ref={panel} class={open ? 'nav-more nav-more-open' : 'nav-more'} onClick={(e) => (e.target as Element).closest('a') && setOpen(false)}>
        {more.map(link)}
        {/* Signed in: hides the app until the PIN or password is given (shell/lock.tsx, loaded when it is needed). */}
        {role && (
          <button type="button" class="nav-lock" onClick={() => void import('./lock').then((lock) => lock.lockScreen())}>
            {t('nav.lock')}
          </button>
        )}
      </div>
    </nav>
  );
}
