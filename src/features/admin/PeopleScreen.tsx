import { t } from '../../i18n/i18n';
import { byName } from './byName';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { AdminPage } from './AdminPage';
import { adminErrorText } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { roleText, stateText, teamsText } from './personText';
import { useAdminLoad } from './useAdminLoad';
import type { Reachability } from '../../sync/status';

/** Everyone of the organisation: name, e-mail, role, teams and whether the account is on, in words. */
export function PeopleScreen({ admin }: { admin: AdminPort }) {
  return (
    <AdminPage admin={admin} title={t('admin.people.title')} back>
      {({ reach, online }) => (
        <>
          <div class="actions">
            {online ? (
              <Link class="btn btn-primary" href="/beheer/mensen/nieuw">
                {t('admin.people.add')}
              </Link>
            ) : null}
          </div>
          <PeopleList admin={admin} reach={reach} />
        </>
      )}
    </AdminPage>
  );
}

function PeopleList({ admin, reach }: { admin: AdminPort; reach: Reachability }) {
  const { result } = useAdminLoad(() => Promise.all([admin.listPeople(), admin.listTeams()]), reach);
  if (result.state === 'loading') return <p class="list-meta">{t('common.loading')}</p>;
  if (result.state === 'failed') return <Notice kind="error">{adminErrorText(result.error)}</Notice>;
  const [people, teams] = result.value;
  if (people.length === 0) return <p class="empty">{t('admin.people.empty')}</p>;
  return (
    <>
      <p role="status" class="list-meta">
        {t('admin.people.count', { count: people.length })}
      </p>
      <ul class="list" data-testid="people">
        {byName(people).map((p) => (
          <li key={p.id}>
            <Link class="list-link" href={`/beheer/mensen/${encodeURIComponent(p.id)}`}>
              <span class="list-title">{p.displayName}</span>
              <span class="list-meta">{`${p.email} · ${roleText(p.role)} · ${teamsText(p, teams)}`}</span>
              {p.disabled ? <strong>{stateText(p)}</strong> : <span class="list-meta">{stateText(p)}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
