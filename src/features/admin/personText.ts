import { t } from '../../i18n/i18n';
import type { Person, Team } from '../../model/admin';

/** A person's teams by name, in the teams' order; ids of teams not (or no longer) listed are left out. */
export function teamNames(person: Pick<Person, 'teamIds'>, teams: Team[]): string[] {
  return teams.filter((team) => person.teamIds.includes(team.id)).map((team) => team.name);
}

export function roleText(role: Person['role']): string {
  return t(`admin.roles.${role}`);
}

/** Whether the account can be used, in words (never by colour alone). */
export function stateText(person: Pick<Person, 'disabled'>): string {
  return person.disabled ? t('admin.state.disabled') : t('admin.state.active');
}

export function teamsText(person: Pick<Person, 'teamIds'>, teams: Team[]): string {
  const names = teamNames(person, teams);
  return names.length ? t('admin.people.teams', { teams: names.join(', ') }) : t('admin.people.noTeams');
}
