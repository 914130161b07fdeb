import { t } from '../../i18n/i18n';
import type { Person, Team } from '../../model/admin';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { adminErrorText } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { byName } from './byName';
import { ConfirmAction } from './ConfirmAction';
import { AddMemberForm } from './AddMemberForm';
import { roleText, stateText } from './personText';
import { RenameTeamForm } from './RenameTeamForm';
import { useAdminAction } from './useAdminAction';

interface Props {
  admin: AdminPort;
  team: Team;
  people: Person[];
  online: boolean;
  onChanged: () => void;
}

/** One team: its members (each can be taken out, after saying what that does), a new member, a new name. */
export function TeamEntry({ admin, team, people, online, onChanged }: Props) {
  const action = useAdminAction();
  const members = byName(people.filter((p) => team.memberIds.includes(p.id)));
  const others = byName(people.filter((p) => !team.memberIds.includes(p.id)));
  const remove = (person: Person) =>
    void action.run(async () => {
      await admin.removeMember(team.id, person.id);
      onChanged();
      return t('admin.teams.removed', { name: person.displayName, team: team.name });
    });
  return (
    <section class="team" aria-labelledby={`team-${team.id}`}>
      <h2 id={`team-${team.id}`}>{team.name}</h2>
      {action.error !== null && <Notice kind="error">{adminErrorText(action.error)}</Notice>}
      {action.done && <Notice kind="success">{action.done}</Notice>}
      <h3>{t('admin.teams.members', { team: team.name })}</h3>
      {members.length === 0 ? (
        <p class="empty">{t('admin.teams.noMembers')}</p>
      ) : (
        <ul class="list">
          {members.map((person) => (
            <li key={person.id} class="member">
              <span>
                <Link href={`/beheer/mensen/${encodeURIComponent(person.id)}`}>{person.displayName}</Link>
                <span class="list-meta">{` · ${roleText(person.role)} · ${stateText(person)}`}</span>
              </span>
              <ConfirmAction
                label={t('admin.teams.remove', { name: person.displayName })}
                question={t('admin.teams.removeConfirm', { name: person.displayName, team: team.name })}
                confirmLabel={t('admin.teams.removeYes')}
                danger
                disabled={!online || action.busy}
                onConfirm={() => remove(person)}
              />
            </li>
          ))}
        </ul>
      )}
      <AddMemberForm admin={admin} team={team} candidates={others} online={online} onAdded={onChanged} />
      <RenameTeamForm admin={admin} team={team} online={online} onRenamed={onChanged} />
    </section>
  );
}
