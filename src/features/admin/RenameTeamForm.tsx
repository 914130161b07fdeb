import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { Team } from '../../model/admin';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useUnsavedWhile } from '../../ui/useFormValues';
import { useSubmit } from '../../ui/useSubmit';
import { adminErrorText, noticeFailure } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { teamNameProblem } from './adminProblems';

/** A team's new name; the members keep everything, only the name they see changes. */
export function RenameTeamForm({ admin, team, online, onRenamed }: { admin: AdminPort; team: Team; online: boolean; onRenamed: () => void }) {
  const [name, setName] = useState(team.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [renamed, setRenamed] = useState<string | null>(null);
  const markSaved = useUnsavedWhile(name.trim() !== team.name);
  const { busy, error, submit } = useSubmit(async () => {
    setRenamed(null);
    const found = teamNameProblem(name);
    setProblem(found && (found === 'required' ? t('admin.teams.nameRequired') : t(`admin.problems.${found}`)));
    if (found) return;
    try {
      const changed = await admin.renameTeam(team.id, name.trim());
      markSaved();
      setRenamed(t('admin.teams.renamed', { name: changed.name }));
      onRenamed();
    } catch (e) {
      noticeFailure(e);
      throw e;
    }
  });
  return (
    <form onSubmit={submit} noValidate class="inline-form">
      <ErrorSummary title={t('formCheck.errorTitle')} items={[...(problem ? [{ path: `team-${team.id}-name`, message: problem }] : []), ...(error ? [{ message: adminErrorText(error) }] : [])]} level={3} />
      {renamed && <Notice kind="success">{renamed}</Notice>}
      <TextField label={t('admin.teams.newName', { team: team.name })} value={name} onValue={setName} path={`team-${team.id}-name`} error={problem ?? undefined} required />
      <div class="actions">
        <Button type="submit" disabled={busy || !online || name.trim() === team.name}>
          {t('admin.teams.rename')}
        </Button>
      </div>
    </form>
  );
}
