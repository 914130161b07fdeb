import { t } from '../../i18n/i18n';
import { Notice } from '../../ui/Notice';
import { AdminPage, type AdminView } from './AdminPage';
import { adminErrorText } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { byName } from './byName';
import { NewTeamForm } from './NewTeamForm';
import { TeamEntry } from './TeamEntry';
import { useAdminLoad } from './useAdminLoad';

/** The organisation's teams with their members: create, rename, add and remove members. */
export function TeamsScreen({ admin }: { admin: AdminPort }) {
  return (
    <AdminPage admin={admin} title={t('admin.teams.title')} back>
      {(view) => <TeamsList admin={admin} view={view} />}
    </AdminPage>
  );
}

function TeamsList({ admin, view }: { admin: AdminPort; view: AdminView }) {
  const { result, reload } = useAdminLoad(() => Promise.all([admin.listTeams(), admin.listPeople()]), view.reach);
  return (
    <>
      <NewTeamForm admin={admin} online={view.online} onCreated={reload} />
      {result.state === 'loading' && <p class="list-meta">{t('common.loading')}</p>}
      {result.state === 'failed' && <Notice kind="error">{adminErrorText(result.error)}</Notice>}
      {result.state === 'ready' && (
        <>
          <p role="status" class="list-meta">
            {t('admin.teams.count', { count: result.value[0].length })}
          </p>
          {result.value[0].length === 0 && <p class="empty">{t('admin.teams.empty')}</p>}
          {byName(result.value[0]).map((team) => (
            <TeamEntry key={team.id} admin={admin} team={team} people={result.value[1]} online={view.online} onChanged={reload} />
          ))}
        </>
      )}
    </>
  );
}
