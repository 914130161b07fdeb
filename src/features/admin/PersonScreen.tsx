import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { Person, Team } from '../../model/admin';
import { Notice } from '../../ui/Notice';
import { AccountActions } from './AccountActions';
import { AdminPage, type AdminView } from './AdminPage';
import { AuditLog } from './AuditLog';
import { adminErrorText } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { DevicesSection } from './DevicesSection';
import { roleText, stateText, teamNames } from './personText';
import { RoleForm } from './RoleForm';
import { useAdminLoad } from './useAdminLoad';

/** One person: their account (role, on or off, password, sessions) and the devices they synced with. */
export function PersonScreen({ admin, personId }: { admin: AdminPort; personId: string }) {
  return (
    <AdminPage admin={admin} title={t('admin.people.title')} back>
      {(view) => <PersonDetails admin={admin} personId={personId} view={view} />}
    </AdminPage>
  );
}

function PersonDetails({ admin, personId, view }: { admin: AdminPort; personId: string; view: AdminView }) {
  const { result, reload } = useAdminLoad(() => Promise.all([admin.listPeople(), admin.listTeams()]), view.reach);
  if (result.state === 'loading') return <p class="list-meta">{t('common.loading')}</p>;
  if (result.state === 'failed') return <Notice kind="error">{adminErrorText(result.error)}</Notice>;
  const [people, teams] = result.value;
  const person = people.find((p) => p.id === personId);
  if (!person) return <Notice kind="warning">{t('admin.person.notFound')}</Notice>;
  const self = person.id === view.me.id;
  return (
    <>
      <h2>{person.displayName}</h2>
      <PersonFacts person={person} teams={teams} />
      {self && <Notice kind="info">{t('admin.person.self')}</Notice>}
      {!self && <RoleForm admin={admin} person={person} online={view.online} onChanged={reload} />}
      <AccountActions admin={admin} person={person} self={self} online={view.online} onChanged={reload} />
      <DevicesSection admin={admin} personId={person.id} view={view} />
      <section aria-labelledby="person-audit">
        <h3 id="person-audit">{t('admin.audit.personTitle')}</h3>
        <AuditLog
          admin={admin}
          filter={{ userId: person.id }}
          reach={view.reach}
          online={view.online}
          names={new Map([...people.map((p): [string, string] => [p.id, p.displayName]), ...teams.map((team): [string, string] => [team.id, team.name])])}
          fileName={`veldwerk-logboek-persoon-${new Date().toISOString().slice(0, 10)}.csv`}
        />
      </section>
    </>
  );
}

function PersonFacts({ person, teams }: { person: Person; teams: Team[] }) {
  const names = teamNames(person, teams);
  return (
    <dl class="kv" data-testid="person-facts">
      <dt>{t('admin.person.email')}</dt>
      <dd>{person.email}</dd>
      <dt>{t('admin.person.role')}</dt>
      <dd>{roleText(person.role)}</dd>
      <dt>{t('admin.person.teams')}</dt>
      <dd>{names.length ? names.join(', ') : t('admin.people.noTeams')}</dd>
      <dt>{t('admin.person.state')}</dt>
      <dd>{person.disabled ? <strong>{stateText(person)}</strong> : stateText(person)}</dd>
      <dt>{t('admin.person.created')}</dt>
      <dd>{formatDateTime(person.createdAt)}</dd>
    </dl>
  );
}
