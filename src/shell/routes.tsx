import { Fragment, type ComponentChildren } from 'preact';
import { CaseloadScreen } from '../features/cases/CaseloadScreen';
import { matchPath } from '../ui/router';
import { lazyScreen, withTexts } from './lazyScreen';
import { loadInTurn } from './loadInTurn';

type Params = Record<string, string>;

// The caseload is the first screen and ships in the entry chunk; every other screen loads on first use.
const CaseForm = lazyScreen(withTexts(['forms'], () => import('../features/cases/CaseForm').then((m) => m.CaseForm)));
// A case lists its instrument runs (ecogram), so it needs the instruments' texts too, and its forms' texts.
const CaseScreen = lazyScreen(withTexts(['instruments', 'forms'], () => import('../features/cases/CaseScreen').then((m) => m.CaseScreen)));
const VisitNoteScreen = lazyScreen(withTexts(['visit'], () => import('../features/visits/VisitNoteScreen').then((m) => m.VisitNoteScreen)));
const NoteScreen = lazyScreen(withTexts(['visit'], () => import('../features/visits/NoteScreen').then((m) => m.NoteScreen)));
const FollowUpsScreen = lazyScreen(() => import('../features/followups/FollowUpsScreen').then((m) => m.FollowUpsScreen));
const PartnerListScreen = lazyScreen(() => import('../features/partners/PartnerListScreen').then((m) => m.PartnerListScreen));
const PartnerScreen = lazyScreen(withTexts(['forms'], () => import('../features/partners/PartnerScreen').then((m) => m.PartnerScreen)));
const PartnerForm = lazyScreen(withTexts(['forms'], () => import('../features/partners/PartnerForm').then((m) => m.PartnerForm)));
const ExampleListScreen = lazyScreen(() => import('../features/examples/ExampleListScreen').then((m) => m.ExampleListScreen));
// An example lists the cards that share its themes, with the cards' texts.
const ExampleScreen = lazyScreen(withTexts(['cards', 'forms'], () => import('../features/examples/ExampleScreen').then((m) => m.ExampleScreen)));
const ExampleForm = lazyScreen(withTexts(['forms'], () => import('../features/examples/ExampleForm').then((m) => m.ExampleForm)));
const CardListScreen = lazyScreen(withTexts(['cards'], () => import('../features/cards/CardListScreen').then((m) => m.CardListScreen)));
const CardScreen = lazyScreen(withTexts(['cards'], () => import('../features/cards/CardScreen').then((m) => m.CardScreen)));
const GlossaryScreen = lazyScreen(withTexts(['cards'], () => import('../features/cards/GlossaryScreen').then((m) => m.GlossaryScreen)));
const InstrumentsScreen = lazyScreen(withTexts(['instruments'], () => import('../features/instruments/InstrumentsScreen').then((m) => m.InstrumentsScreen)));
const StartRunScreen = lazyScreen(withTexts(['instruments'], () => import('../features/instruments/StartRunScreen').then((m) => m.StartRunScreen)));
const RunScreen = lazyScreen(withTexts(['instruments'], () => import('../features/instruments/RunScreen').then((m) => m.RunScreen)));
// What waits to be sent and what was refused: opened from the header's sync state (issue 14, point 6).
const WaitingScreen = lazyScreen(withTexts(['settings'], () => import('../features/settings/WaitingScreen').then((m) => m.WaitingScreen)));
// The admin screens and their routes load together when one is opened (a few people, online only), so none of
// them weighs on the first screen.
const AdminRoutes = lazyScreen<{ path: string }>(() => import('./adminRoutes').then((m) => m.AdminRoutes));

const LAZY_SCREENS = [CaseScreen, VisitNoteScreen, FollowUpsScreen, PartnerListScreen, PartnerScreen, CaseForm, NoteScreen, ExampleListScreen, ExampleScreen, PartnerForm, ExampleForm, CardListScreen, CardScreen, GlossaryScreen, InstrumentsScreen, StartRunScreen, RunScreen, WaitingScreen];

/**
 * Loads the other screens' code once the first screen is up, so later navigation is instant: one screen at a
 * time, each in an idle moment, so a tap right after start-up never waits behind all of them at once.
 */
export function preloadScreens(): void {
  void loadInTurn(
    LAZY_SCREENS.map((screen) => screen.preload),
    (work) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 2000 }) : setTimeout(work, 50)),
  );
}

/** Every deep link of the app. Paths are Dutch, like the app; the manifest shortcuts point at two of them. */
const ROUTES: Array<[string, (p: Params) => ComponentChildren]> = [
  ['/', () => <CaseloadScreen />],
  ['/bezoek/nieuw', () => <CaseloadScreen pickFor="visit" />],
  ['/dossiers/nieuw', () => <CaseForm />],
  ['/dossiers/:id', (p) => <CaseScreen caseId={p.id!} />],
  ['/dossiers/:id/bewerken', (p) => <CaseForm caseId={p.id!} />],
  ['/dossiers/:id/bezoek', (p) => <VisitNoteScreen caseId={p.id!} />],
  ['/dossiers/:id/ecogram/nieuw', (p) => <StartRunScreen kind="ecogram" caseId={p.id!} />],
  ['/notities/:id', (p) => <NoteScreen noteId={p.id!} />],
  ['/opvolging', () => <FollowUpsScreen />],
  ['/partners', () => <PartnerListScreen />],
  ['/partners/nieuw', () => <PartnerForm />],
  ['/partners/:id', (p) => <PartnerScreen partnerId={p.id!} />],
  ['/partners/:id/bewerken', (p) => <PartnerForm partnerId={p.id!} />],
  ['/voorbeelden', () => <ExampleListScreen />],
  ['/voorbeelden/nieuw', () => <ExampleForm />],
  ['/voorbeelden/:id', (p) => <ExampleScreen exampleId={p.id!} />],
  ['/voorbeelden/:id/bewerken', (p) => <ExampleForm exampleId={p.id!} />],
  ['/kaarten', () => <CardListScreen />],
  ['/kaarten/:slug', (p) => <CardScreen slug={p.slug!} />],
  ['/woordenlijst', () => <GlossaryScreen />],
  ['/woordenlijst/:id', (p) => <GlossaryScreen termId={p.id!} />],
  ['/instrumenten', () => <InstrumentsScreen />],
  ['/instrumenten/nieuw/:kind', (p) => <StartRunScreen kind={p.kind!} />],
  ['/instrumenten/:id', (p) => <RunScreen runId={p.id!} />],
  ['/wachtrij', () => <WaitingScreen />],
];

/**
 * The screen for a path, or null when no route matches. Keyed by the path: another address is always a fresh
 * screen (another dossier's form never starts from this one's values, nor shows them while it loads).
 */
export function screenFor(path: string): ComponentChildren | null {
  if (isAdminPath(path)) {
    return (
      <Fragment key={path}>
        <AdminRoutes path={path} />
      </Fragment>
    );
  }
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return <Fragment key={path}>{render(params)}</Fragment>;
  }
  return null;
}

function isAdminPath(path: string): boolean {
  return path === '/beheer' || path.startsWith('/beheer/') || path === '/mijn-teams';
}
