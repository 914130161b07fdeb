import { t } from '../../i18n/i18n';
import { Notice } from '../../ui/Notice';
import { AdminPage, type AdminView } from './AdminPage';
import { adminErrorText } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { byName } from './byName';
import { roleText, stateText } from './personText';
import { useAdminLoad } from './useAdminLoad';

/** A coordinator's teams and who is in them, read only: an admin changes accounts. */
export function MyTeamsScreen({ admin }: { admin: AdminPort }) {
  return (
    <AdminPage admin={admin} title={t('admin.myTeams.title')} roles={['coordinator']}>
      {(view) => <MyTeams admin={admin} view={view} />}
    </AdminPage>
  );
}

function MyTeams({ admin, view }: { admin: AdminPort; view: AdminView }) {
  const { result } = useAdminLoad(() => Promise.all([admin.listTeams(), admin.listPeople()]), view.reach);
  if (result.state === 'loading') return <p class="list-meta">{t('common.loading')}</p>;
  if (result.state === 'failed') return <Notice kind="error">{adminErrorText(result.error)}</Notice>;
  const [teams, people] = result.value;
  // The server lists every team to an admin; a coordinator sees the teams they are in.
  const mine = byName(teams.filter((team) => team.memberIds.includes(view.me.id)));
  return (
    <>
      <p>{t('admin.myTeams.intro')}</p>
      {mine.length === 0 && <p class="empty">{t('admin.myTeams.empty')}</p>}
      {mine.map((team) => (
        <section key={team.id} aria-labelledby={`my-team-${team.id}`}>
          <h2 id={`my-team-${team.id}`}>{team.name}</h2>
          <ul class="list">
            {byName(people.filter((p) => team.memberIds.includes(p.id))).map((p) => (
              <li key={p.id} class="member">
                <strong>{p.displayName}</strong>
                <span class="list-meta">{`${p.email} · ${roleText(p.role)} · ${stateText(p)}`}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
