import { currentWorkspace } from '../../db/workspace';
import { createPartner, getPartner, updatePartner } from '../../db/partners';
import { errorText, fieldProblemsOf, fieldProblemText, saveFailureText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { partnerFormProblems } from '../../model/formChecks';
import { emptyPartnerBody, type PartnerBody, type PartnerInput } from '../../model/partner';
import type { Theme } from '../../model/themes';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextArea, TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { FormLoadNotice } from '../../ui/FormLoadNotice';
import { navigate } from '../../ui/router';
import { useFormValues } from '../../ui/useFormValues';
import { SubmitFailure } from '../../ui/SubmitFailure';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';
import { ContactPersonsEditor } from './ContactPersonsEditor';
import { partnerFieldWords } from './partnerFieldWords';
import { themeOptions } from '../../i18n/themeOptions';

/** Add a partner to the sociale kaart, or edit one (`partnerId`). */
export function PartnerForm({ partnerId }: { partnerId?: string }) {
  const form = useFormValues<PartnerInput>(
    { themes: [], body: emptyPartnerBody() },
    partnerId ? () => getPartner(partnerId).then((p) => p && { themes: p.themes, body: p.body }) : undefined,
    { keepAs: partnerId ? `partner:${partnerId}` : 'partner:new' },
  );
  const input = form.values;
  const setInput = form.setValues;
  const checked = useCheckedSubmit({
    values: input,
    errors: () => partnerFormProblems(input, partnerId ? form.loaded : undefined).map((p) => ({ path: p.path, message: fieldProblemText(p, partnerFieldWords(p.path)) })),
    save: async () => {
      const id = partnerId ?? (await createPartner((await currentWorkspace()).organisationId, input)).id;
      if (partnerId) await updatePartner(partnerId, input);
      form.saved();
      navigate(`/partners/${id}`, { replace: true });
    },
    fieldErrorsOf: (error) => fieldProblemsOf(error, partnerFieldWords),
  });
  if (form.state !== 'ready') {
    return <FormLoadNotice state={form.state} loading={t('common.loading')} missing={t('partners.notFound')} failed={errorText(form.loadError)} />;
  }

  const body = input.body;
  const set = (key: keyof PartnerBody) => (value: string) => setInput({ ...input, body: { ...body, [key]: value } });
  const at = checked.at;

  return (
    <form onSubmit={checked.submit} noValidate>
      <h1>{partnerId ? t('partnerForm.editTitle') : t('partnerForm.newTitle')}</h1>
      <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} />
      <TextField label={t('partnerForm.name')} value={body.name} onValue={set('name')} {...at('body.name')} required />
      <TextField label={t('partnerForm.street')} value={body.street} onValue={set('street')} {...at('body.street')} />
      <div class="field-row">
        <TextField label={t('partnerForm.postalCode')} inputMode="numeric" value={body.postalCode} onValue={set('postalCode')} {...at('body.postalCode')} />
        <TextField label={t('partnerForm.city')} value={body.city} onValue={set('city')} {...at('body.city')} />
      </div>
      <div class="field-row">
        <TextField label={t('partnerForm.phone')} type="tel" value={body.phone} onValue={set('phone')} {...at('body.phone')} />
        <TextField label={t('partnerForm.email')} type="email" inputMode="email" value={body.email} onValue={set('email')} {...at('body.email')} />
      </div>
      <TextField label={t('partnerForm.website')} hint={t('partnerForm.websiteHint')} type="url" value={body.website} onValue={set('website')} {...at('body.website')} />
      <TextArea label={t('partnerForm.openingHours')} hint={t('partnerForm.openingHoursHint')} rows={3} value={body.openingHours} onValue={set('openingHours')} {...at('body.openingHours')} />
      <CheckboxGroup legend={t('partnerForm.themes')} options={themeOptions()} selected={input.themes} onChange={(themes) => setInput({ ...input, themes: themes as Theme[] })} />
      <ContactPersonsEditor value={body.contacts} onChange={(contacts) => setInput({ ...input, body: { ...body, contacts } })} at={at} />
      <TextArea label={t('partnerForm.notes')} value={body.notes} onValue={set('notes')} {...at('body.notes')} />
      <div class="actions">
        {checked.failure !== null && <SubmitFailure message={saveFailureText(checked.failure)} kept={t('formCheck.textKept')} attempt={checked.attempt} />}
        <Button variant="primary" type="submit" disabled={checked.busy}>
          {t('common.save')}
        </Button>
        <Link class="btn btn-secondary" href={partnerId ? `/partners/${partnerId}` : '/partners'}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
