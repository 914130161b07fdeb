import type { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n';
import { Link } from '../ui/Link';
import { matchPath } from '../ui/router';
import { adminScreen } from './adminScreen';

// Admin screens are for a few people and need the server anyway: they load when opened, not in the idle preload.
const AdminOverviewScreen = adminScreen(() => import('../features/admin/AdminOverviewScreen').then((m) => m.AdminOverviewScreen));
const PeopleScreen = adminScreen(() => import('../features/admin/PeopleScreen').then((m) => m.PeopleScreen));
const NewPersonScreen = adminScreen(() => import('../features/admin/NewPersonScreen').then((m) => m.NewPersonScreen));
const PersonScreen = adminScreen<{ personId: string }>(() => import('../features/admin/PersonScreen').then((m) => m.PersonScreen));
const TeamsScreen = adminScreen(() => import('../features/admin/TeamsScreen').then((m) => m.TeamsScreen));
const OrgSettingsScreen = adminScreen(() => import('../features/admin/OrgSettingsScreen').then((m) => m.OrgSettingsScreen));
const AuditScreen = adminScreen(() => import('../features/admin/AuditScreen').then((m) => m.AuditScreen));
const MyTeamsScreen = adminScreen(() => import('../features/admin/MyTeamsScreen').then((m) => m.MyTeamsScreen));

const ADMIN_ROUTES: Array<[string, (p: Record<string, string>) => ComponentChildren]> = [
  ['/beheer', () => <AdminOverviewScreen />],
  ['/beheer/mensen', () => <PeopleScreen />],
  ['/beheer/mensen/nieuw', () => <NewPersonScreen />],
  ['/beheer/mensen/:id', (p) => <PersonScreen personId={p.id!} />],
  ['/beheer/teams', () => <TeamsScreen />],
  ['/beheer/instellingen', () => <OrgSettingsScreen />],
  ['/beheer/logboek', () => <AuditScreen />],
  ['/mijn-teams', () => <MyTeamsScreen />],
];

/** The screen for an admin path (see routes.tsx), or the app's "not found" when none matches. */
export function AdminRoutes({ path }: { path: string }) {
  for (const [pattern, render] of ADMIN_ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return <>{render(params)}</>;
  }
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <Link href="/">{t('common.backToCaseload')}</Link>
    </>
  );
}
