import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useUnsavedWhile } from '../../ui/useFormValues';
import { useSubmit } from '../../ui/useSubmit';
import { adminErrorText, noticeFailure } from './adminErrorText';
import type { AdminPort } from './adminPort';
import { teamNameProblem } from './adminProblems';

/** A new team: only its name; members are added to it afterwards. */
export function NewTeamForm({ admin, online, onCreated }: { admin: AdminPort; online: boolean; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const markSaved = useUnsavedWhile(name.trim() !== '');
  const { busy, error, submit } = useSubmit(async () => {
    setCreated(null);
    const found = teamNameProblem(name);
    setProblem(found && (found === 'required' ? t('admin.teams.nameRequired') : t(`admin.problems.${found}`)));
    if (found) return;
    try {
      const team = await admin.createTeam(name.trim());
      markSaved();
      setName('');
      setCreated(t('admin.teams.created', { name: team.name }));
      onCreated();
    } catch (e) {
      noticeFailure(e);
      throw e;
    }
  });
  return (
    <form onSubmit={submit} noValidate class="admin-form">
      <h2>{t('admin.teams.newTitle')}</h2>
      <ErrorSummary title={t('formCheck.errorTitle')} items={[...(problem ? [{ path: 'newTeamName', message: problem }] : []), ...(error ? [{ message: adminErrorText(error) }] : [])]} level={3} />
      {created && <Notice kind="success">{created}</Notice>}
      <TextField label={t('admin.teams.name')} value={name} onValue={setName} path="newTeamName" error={problem ?? undefined} required />
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy || !online}>
          {t('admin.teams.create')}
        </Button>
      </div>
    </form>
  );
}
