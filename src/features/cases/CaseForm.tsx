import { useEffect, useState } from 'preact/hooks';
import { createCase, getCase, updateCase } from '../../db/cases';
import { currentWorkspace, defaultTeamId, rememberTeam, type Workspace } from '../../db/workspace';
import { errorText, problemsByPath } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { emptyCaseBody, type CaseBody } from '../../model/caseFile';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { FormLoadNotice } from '../../ui/FormLoadNotice';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
import { useFormValues } from '../../ui/useFormValues';
import { useSubmit } from '../../ui/useSubmit';

interface TeamChoice {
  workspace: Workspace;
  teamId: string;
}

/** Create a dossier, or edit its details when `caseId` is given. */
export function CaseForm({ caseId }: { caseId?: string }) {
  const form = useFormValues<CaseBody>(emptyCaseBody(), caseId ? async () => (await getCase(caseId))?.body : undefined);
  const body = form.values;
  // A new case goes to a team of its author; someone in several teams picks one, the last used by default.
  const [choice, setChoice] = useState<TeamChoice | null>(null);
  useEffect(() => {
    if (caseId) return;
    void currentWorkspace().then(async (workspace) => setChoice({ workspace, teamId: (await defaultTeamId(workspace)) ?? '' }));
  }, [caseId]);
  const { busy, error, submit } = useSubmit(async () => {
    if (caseId) await updateCase(caseId, body);
    const teamId = choice?.teamId ?? '';
    const id = caseId ?? (await createCase(teamId, body)).id;
    if (!caseId) await rememberTeam(teamId);
    form.saved();
    navigate(`/dossiers/${id}`, { replace: true });
  });
  if (form.state !== 'ready' || (!caseId && !choice)) {
    return <FormLoadNotice state={form.state === 'ready' ? 'loading' : form.state} loading={t('common.loading')} missing={t('caseScreen.notFound')} failed={errorText(form.loadError)} />;
  }

  const set = (key: keyof CaseBody) => (value: string) => form.setValues({ ...body, [key]: value });
  const problems = problemsByPath(error);
  const teams = choice?.workspace.teams ?? [];
  const noTeam = !caseId && teams.length === 0;

  return (
    <form onSubmit={submit} noValidate>
      <h1>{caseId ? t('caseForm.editTitle') : t('caseForm.newTitle')}</h1>
      {noTeam && <Notice kind="warning">{t('caseForm.noTeam')}</Notice>}
      {choice && teams.length > 1 && (
        <SelectField
          label={t('caseForm.team')}
          hint={t('caseForm.teamHint')}
          value={choice.teamId}
          onValue={(teamId) => setChoice({ ...choice, teamId })}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      )}
      <TextField label={t('caseForm.label')} hint={t('caseForm.labelHint')} value={body.label} onValue={set('label')} error={problems['label']} required />
      <TextField label={t('caseForm.address')} value={body.address} onValue={set('address')} error={problems['address']} />
      <TextField label={t('caseForm.phone')} type="tel" value={body.phone} onValue={set('phone')} error={problems['phone']} />
      <TextArea label={t('caseForm.household')} hint={t('caseForm.householdHint')} value={body.household} onValue={set('household')} error={problems['household']} />
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy || noTeam}>
          {t('common.save')}
        </Button>
        <Link class="btn btn-secondary" href={caseId ? `/dossiers/${caseId}` : '/'}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
