import { t } from '../../i18n/i18n';
import type { CaseloadFilter } from '../../model/caseOwner';
import { SelectField } from '../../ui/Field';
import type { TeamView } from './teamView';

interface Props {
  view: TeamView;
  filter: CaseloadFilter;
  onFilter: (filter: CaseloadFilter) => void;
}

/** A coordinator's two questions of their teams' caseloads: which team, and whose cases. */
export function CaseloadFilters({ view, filter, onFilter }: Props) {
  const people = [...view.names].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <div class="toolbar" data-testid="caseload-filters">
      <SelectField
        label={t('caseloadFilters.team')}
        value={filter.teamId}
        onValue={(teamId) => onFilter({ ...filter, teamId })}
        options={[{ value: '', label: t('caseloadFilters.allTeams') }, ...view.teams.map((team) => ({ value: team.id, label: team.name }))]}
      />
      <SelectField
        label={t('caseloadFilters.worker')}
        value={filter.authorId}
        onValue={(authorId) => onFilter({ ...filter, authorId })}
        options={[{ value: '', label: t('caseloadFilters.allWorkers') }, ...people.map(([id, name]) => ({ value: id, label: id === view.me ? t('caseloadFilters.me', { name }) : name }))]}
      />
    </div>
  );
}
