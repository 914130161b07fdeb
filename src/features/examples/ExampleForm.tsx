import { useEffect, useState } from 'preact/hooks';
import { createExample, getExample, updateExample } from '../../db/examples';
import { currentWorkspace } from '../../db/workspace';
import { listPartners } from '../../db/partners';
import { errorText, problemsByPath } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { themeOptions } from '../../i18n/themeOptions';
import { emptyExampleBody, type ExampleBody, type ExampleInput } from '../../model/example';
import type { Partner } from '../../model/partner';
import type { Theme } from '../../model/themes';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { TextArea, TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { FormLoadNotice } from '../../ui/FormLoadNotice';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
import { useFormValues } from '../../ui/useFormValues';
import { useSubmit } from '../../ui/useSubmit';

export function ExampleForm({ exampleId }: { exampleId?: string }) {
  const form = useFormValues<ExampleInput>(
    { themes: [], body: emptyExampleBody() },
    exampleId ? () => getExample(exampleId).then((ex) => ex && { themes: ex.themes, body: ex.body }) : undefined,
  );
  const input = form.values;
  const setInput = form.setValues;
  const { busy, error, setError, submit } = useSubmit(async () => {
    const id = exampleId ?? (await createExample((await currentWorkspace()).organisationId, input)).id;
    if (exampleId) await updateExample(exampleId, input);
    form.saved();
    navigate(`/voorbeelden/${id}`, { replace: true });
  });
  const [partners, setPartners] = useState<Partner[]>([]);

  useEffect(() => {
    void listPartners().then(setPartners, setError);
  }, []);
  if (form.state !== 'ready') {
    return <FormLoadNotice state={form.state} loading={t('common.loading')} missing={t('examples.notFound')} failed={errorText(form.loadError)} />;
  }

  const body = input.body;
  const set = (key: keyof ExampleBody) => (value: string) => setInput({ ...input, body: { ...body, [key]: value } });
  const problems = problemsByPath(error);

  return (
    <form onSubmit={submit} noValidate>
      <h1>{exampleId ? t('exampleForm.editTitle') : t('exampleForm.newTitle')}</h1>
      <TextField label={t('exampleForm.title')} value={body.title} onValue={set('title')} error={problems['body.title']} required />
      <TextField label={t('exampleForm.municipality')} value={body.municipality} onValue={set('municipality')} error={problems['body.municipality']} />
      <CheckboxGroup legend={t('exampleForm.themes')} options={themeOptions()} selected={input.themes} onChange={(themes) => setInput({ ...input, themes: themes as Theme[] })} />
      <TextArea label={t('exampleForm.summary')} value={body.summary} onValue={set('summary')} error={problems['body.summary']} />
      <TextArea label={t('exampleForm.approach')} value={body.approach} onValue={set('approach')} error={problems['body.approach']} />
      <TextArea label={t('exampleForm.lessons')} value={body.lessons} onValue={set('lessons')} error={problems['body.lessons']} />
      <TextField label={t('exampleForm.contact')} value={body.contact} onValue={set('contact')} error={problems['body.contact']} />
      {partners.length > 0 && (
        <CheckboxGroup
          legend={t('exampleForm.partners')}
          options={partners.map((p) => ({ value: p.id, label: p.body.name }))}
          selected={body.partnerIds}
          onChange={(partnerIds) => setInput({ ...input, body: { ...body, partnerIds } })}
        />
      )}
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('common.save')}
        </Button>
        <Link class="btn btn-secondary" href={exampleId ? `/voorbeelden/${exampleId}` : '/voorbeelden'}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
