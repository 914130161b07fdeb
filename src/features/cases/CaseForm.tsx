import { useEffect, useState } from 'preact/hooks';
import { createCase, getCase, updateCase } from '../../db/cases';
import { currentWorkspace, defaultTeamId, rememberTeam, type Workspace } from '../../db/workspace';
import { errorText, fieldProblemsOf, fieldProblemText, saveFailureText, type FieldWords } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { emptyCaseBody, type CaseBody } from '../../model/caseFile';
import { caseFormProblems } from '../../model/formChecks';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { FormLoadNotice } from '../../ui/FormLoadNotice';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
import { useFormValues } from '../../ui/useFormValues';
import { SubmitFailure } from '../../ui/SubmitFailure';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';

interface TeamChoice {
  workspace: Workspace;
  teamId: string;
}

/** How the case form names its fields, for messages that say what to do. */
function caseFieldWords(path: string): FieldWords {
  if (path === 'label') return { label: t('caseForm.label'), required: t('caseForm.labelRequired') };
  if (path === 'phone') return { label: t('caseForm.phone'), kind: 'phone' };
  return { label: path === 'address' ? t('caseForm.address') : t('caseForm.household') };
}

/** Create a dossier, or edit its details when `caseId` is given. */
export function CaseForm({ caseId }: { caseId?: string }) {
  const form = useFormValues<CaseBody>(emptyCaseBody(), caseId ? async () => (await getCase(caseId))?.body : undefined, {
    keepAs: caseId ? `case:${caseId}` : 'case:new',
  });
  const body = form.values;
  // A new case goes to a team of its author; someone in several teams picks one, the last used by default.
  const [choice, setChoice] = useState<TeamChoice | null>(null);
  useEffect(() => {
    if (caseId) return;
    void currentWorkspace().then(async (workspace) => setChoice({ workspace, teamId: (await defaultTeamId(workspace)) ?? '' }));
  }, [caseId]);
  const checked = useCheckedSubmit({
    values: body,
    errors: () => caseFormProblems(body, caseId ? form.loaded : undefined).map((p) => ({ path: p.path, message: fieldProblemText(p, caseFieldWords(p.path)) })),
    save: async () => {
      if (caseId) await updateCase(caseId, body);
      const teamId = choice?.teamId ?? '';
      const id = caseId ?? (await createCase(teamId, body)).id;
      if (!caseId) await rememberTeam(teamId);
      form.saved();
      navigate(`/dossiers/${id}`, { replace: true });
    },
    fieldErrorsOf: (error) => fieldProblemsOf(error, caseFieldWords),
  });
  if (form.state !== 'ready' || (!caseId && !choice)) {
    return <FormLoadNotice state={form.state === 'ready' ? 'loading' : form.state} loading={t('common.loading')} missing={t('caseScreen.notFound')} failed={errorText(form.loadError)} />;
  }

  const set = (key: keyof CaseBody) => (value: string) => form.setValues({ ...body, [key]: value });
  const at = (path: keyof CaseBody) => checked.at(path);
  const teams = choice?.workspace.teams ?? [];
  const noTeam = !caseId && teams.length === 0;

  return (
    <form onSubmit={checked.submit} noValidate>
      <h1>{caseId ? t('caseForm.editTitle') : t('caseForm.newTitle')}</h1>
      <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} />
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
      <TextField label={t('caseForm.label')} hint={t('caseForm.labelHint')} value={body.label} onValue={set('label')} {...at('label')} required />
      <TextField label={t('caseForm.address')} value={body.address} onValue={set('address')} {...at('address')} />
      <TextField label={t('caseForm.phone')} hint={t('caseForm.phoneHint')} type="tel" autoComplete="off" value={body.phone} onValue={set('phone')} {...at('phone')} />
      <TextArea label={t('caseForm.household')} hint={t('caseForm.householdHint')} value={body.household} onValue={set('household')} {...at('household')} />
      <div class="actions">
        {checked.failure !== null && <SubmitFailure message={saveFailureText(checked.failure)} kept={t('formCheck.textKept')} attempt={checked.attempt} />}
        <Button variant="primary" type="submit" disabled={checked.busy || noTeam}>
          {t('common.save')}
        </Button>
        <Link class="btn btn-secondary" href={caseId ? `/dossiers/${caseId}` : '/'}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
