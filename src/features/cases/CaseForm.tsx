import { createCase, getCase, updateCase } from '../../db/cases';
import { getScopes } from '../../db/meta';
import { errorText, problemsByPath } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { emptyCaseBody, type CaseBody } from '../../model/caseFile';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { FormLoadNotice } from '../../ui/FormLoadNotice';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
import { useFormValues } from '../../ui/useFormValues';
import { useSubmit } from '../../ui/useSubmit';

/** Create a dossier, or edit its details when `caseId` is given. */
export function CaseForm({ caseId }: { caseId?: string }) {
  const form = useFormValues<CaseBody>(emptyCaseBody(), caseId ? async () => (await getCase(caseId))?.body : undefined);
  const body = form.values;
  const { busy, error, submit } = useSubmit(async () => {
    if (caseId) await updateCase(caseId, body);
    const id = caseId ?? (await createCase((await getScopes()).teamId, body)).id;
    form.saved();
    navigate(`/dossiers/${id}`, { replace: true });
  });
  if (form.state !== 'ready') {
    return <FormLoadNotice state={form.state} loading={t('common.loading')} missing={t('caseScreen.notFound')} failed={errorText(form.loadError)} />;
  }

  const set = (key: keyof CaseBody) => (value: string) => form.setValues({ ...body, [key]: value });
  const problems = problemsByPath(error);

  return (
    <form onSubmit={submit} noValidate>
      <h1>{caseId ? t('caseForm.editTitle') : t('caseForm.newTitle')}</h1>
      <TextField label={t('caseForm.label')} hint={t('caseForm.labelHint')} value={body.label} onValue={set('label')} error={problems['label']} required />
      <TextField label={t('caseForm.address')} value={body.address} onValue={set('address')} error={problems['address']} />
      <TextField label={t('caseForm.phone')} type="tel" value={body.phone} onValue={set('phone')} error={problems['phone']} />
      <TextArea label={t('caseForm.household')} hint={t('caseForm.householdHint')} value={body.household} onValue={set('household')} error={problems['household']} />
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('common.save')}
        </Button>
        <Link class="btn btn-secondary" href={caseId ? `/dossiers/${caseId}` : '/'}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
