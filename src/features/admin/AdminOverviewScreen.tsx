import { t } from '../../i18n/i18n';
import { Link } from '../../ui/Link';
import { AdminPage } from './AdminPage';
import type { AdminPort } from './adminPort';

const SECTIONS = [
  ['/beheer/mensen', 'people'],
  ['/beheer/teams', 'teams'],
  ['/beheer/instellingen', 'settings'],
  ['/beheer/logboek', 'audit'],
] as const;

/** The admin's start: people, teams and the organisation's settings. */
export function AdminOverviewScreen({ admin }: { admin: AdminPort }) {
  return (
    <AdminPage admin={admin} title={t('admin.overview.title')}>
      {() => (
        <>
          <p>{t('admin.overview.intro')}</p>
          <ul class="list">
            {SECTIONS.map(([href, key]) => (
              <li key={href}>
                <Link class="list-link" href={href}>
                  <span class="list-title">{t(`admin.overview.${key}`)}</span>
                  <span class="list-meta">{t(`admin.overview.${key}Hint`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </AdminPage>
  );
}
