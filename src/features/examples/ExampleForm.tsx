import { useEffect, useState } from 'preact/hooks';
import { createExample, getExample, updateExample } from '../../db/examples';
import { currentWorkspace } from '../../db/workspace';
import { listPartners } from '../../db/partners';
import { errorText, fieldProblemsOf, fieldProblemText, saveFailureText, type FieldWords } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { themeOptions } from '../../i18n/themeOptions';
import { emptyExampleBody, ExampleInputSchema, type ExampleBody, type ExampleInput } from '../../model/example';
import type { Partner } from '../../model/partner';
import type { Theme } from '../../model/themes';
import { check } from '../../model/validation';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextArea, TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { FormLoadNotice } from '../../ui/FormLoadNotice';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
import { useFormValues } from '../../ui/useFormValues';
import { SubmitFailure } from '../../ui/SubmitFailure';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';

/** How the form names its fields, for messages that say what to do. */
function exampleFieldWords(path: string): FieldWords {
  if (path === 'body.title') return { label: t('exampleForm.title'), required: t('exampleForm.titleRequired') };
  const labels: Record<string, () => string> = {
    'body.municipality': () => t('exampleForm.municipality'),
    'body.summary': () => t('exampleForm.summary'),
    'body.approach': () => t('exampleForm.approach'),
    'body.lessons': () => t('exampleForm.lessons'),
    'body.contact': () => t('exampleForm.contact'),
  };
  return { label: labels[path]?.() ?? t('exampleForm.partners') };
}

/** Add a practice example, or edit one (`exampleId`). */
export function ExampleForm({ exampleId }: { exampleId?: string }) {
  const form = useFormValues<ExampleInput>(
    { themes: [], body: emptyExampleBody() },
    exampleId ? () => getExample(exampleId).then((ex) => ex && { themes: ex.themes, body: ex.body }) : undefined,
    { keepAs: exampleId ? `example:${exampleId}` : 'example:new' },
  );
  const input = form.values;
  const setInput = form.setValues;
  const checked = useCheckedSubmit({
    values: input,
    errors: () => {
      const result = check(ExampleInputSchema, input);
      return result.ok ? [] : result.problems.map((p) => ({ path: p.path, message: fieldProblemText(p, exampleFieldWords(p.path)) }));
    },
    save: async () => {
      const id = exampleId ?? (await createExample((await currentWorkspace()).organisationId, input)).id;
      if (exampleId) await updateExample(exampleId, input);
      form.saved();
      navigate(`/voorbeelden/${id}`, { replace: true });
    },
    fieldErrorsOf: (error) => fieldProblemsOf(error, exampleFieldWords),
  });
  const [partners, setPartners] = useState<Partner[]>([]);
  // Without the partner list the example can still be written and saved; only the choice of partners is missing.
  const [partnersError, setPartnersError] = useState<unknown>(null);

  useEffect(() => {
    void listPartners().then(setPartners, setPartnersError);
  }, []);
  if (form.state !== 'ready') {
    return <FormLoadNotice state={form.state} loading={t('common.loading')} missing={t('examples.notFound')} failed={errorText(form.loadError)} />;
  }

  const body = input.body;
  const set = (key: keyof ExampleBody) => (value: string) => setInput({ ...input, body: { ...body, [key]: value } });
  const at = checked.at;

  return (
    <form onSubmit={checked.submit} noValidate>
      <h1>{exampleId ? t('exampleForm.editTitle') : t('exampleForm.newTitle')}</h1>
      <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} />
      <TextField label={t('exampleForm.title')} value={body.title} onValue={set('title')} {...at('body.title')} required />
      <TextField label={t('exampleForm.municipality')} value={body.municipality} onValue={set('municipality')} {...at('body.municipality')} />
      <CheckboxGroup legend={t('exampleForm.themes')} options={themeOptions()} selected={input.themes} onChange={(themes) => setInput({ ...input, themes: themes as Theme[] })} />
      <TextArea label={t('exampleForm.summary')} value={body.summary} onValue={set('summary')} {...at('body.summary')} />
      <TextArea label={t('exampleForm.approach')} value={body.approach} onValue={set('approach')} {...at('body.approach')} />
      <TextArea label={t('exampleForm.lessons')} value={body.lessons} onValue={set('lessons')} {...at('body.lessons')} />
      <TextField label={t('exampleForm.contact')} value={body.contact} onValue={set('contact')} {...at('body.contact')} />
      {partnersError !== null && <Notice kind="error">{errorText(partnersError)}</Notice>}
      {partners.length > 0 && (
        <CheckboxGroup
          legend={t('exampleForm.partners')}
          options={partners.map((p) => ({ value: p.id, label: p.body.name }))}
          selected={body.partnerIds}
          onChange={(partnerIds) => setInput({ ...input, body: { ...body, partnerIds } })}
        />
      )}
      <div class="actions">
        {checked.failure !== null && <SubmitFailure message={saveFailureText(checked.failure)} kept={t('formCheck.textKept')} attempt={checked.attempt} />}
        <Button variant="primary" type="submit" disabled={checked.busy}>
          {t('common.save')}
        </Button>
        <Link class="btn btn-secondary" href={exampleId ? `/voorbeelden/${exampleId}` : '/voorbeelden'}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
