import { currentWorkspace } from '../../db/workspace';
import { createPartner, getPartner, updatePartner } from '../../db/partners';
import { errorText, problemsByPath } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { emptyPartnerBody, type PartnerBody, type PartnerInput } from '../../model/partner';
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
import { ContactPersonsEditor } from './ContactPersonsEditor';
import { themeOptions } from '../../i18n/themeOptions';

/** Add a partner to the sociale kaart, or edit one (`partnerId`). */
export function PartnerForm({ partnerId }: { partnerId?: string }) {
  const form = useFormValues<PartnerInput>(
    { themes: [], body: emptyPartnerBody() },
    partnerId ? () => getPartner(partnerId).then((p) => p && { themes: p.themes, body: p.body }) : undefined,
  );
  const input = form.values;
  const setInput = form.setValues;
  const { busy, error, submit } = useSubmit(async () => {
    const id = partnerId ?? (await createPartner((await currentWorkspace()).organisationId, input)).id;
    if (partnerId) await updatePartner(partnerId, input);
    form.saved();
    navigate(`/partners/${id}`, { replace: true });
  });
  if (form.state !== 'ready') {
    return <FormLoadNotice state={form.state} loading={t('common.loading')} missing={t('partners.notFound')} failed={errorText(form.loadError)} />;
  }

  const body = input.body;
  const set = (key: keyof PartnerBody) => (value: string) => setInput({ ...input, body: { ...body, [key]: value } });
  const problems = problemsByPath(error);

  return (
    <form onSubmit={submit} noValidate>
      <h1>{partnerId ? t('partnerForm.editTitle') : t('partnerForm.newTitle')}</h1>
      <TextField label={t('partnerForm.name')} value={body.name} onValue={set('name')} error={problems['body.name']} required />
      <TextField label={t('partnerForm.street')} value={body.street} onValue={set('street')} error={problems['body.street']} />
      <div class="field-row">
        <TextField label={t('partnerForm.postalCode')} value={body.postalCode} onValue={set('postalCode')} error={problems['body.postalCode']} />
        <TextField label={t('partnerForm.city')} value={body.city} onValue={set('city')} error={problems['body.city']} />
      </div>
      <div class="field-row">
        <TextField label={t('partnerForm.phone')} type="tel" value={body.phone} onValue={set('phone')} error={problems['body.phone']} />
        <TextField label={t('partnerForm.email')} type="email" value={body.email} onValue={set('email')} error={problems['body.email']} />
      </div>
      <TextField label={t('partnerForm.website')} hint={t('partnerForm.websiteHint')} type="url" value={body.website} onValue={set('website')} error={problems['body.website']} />
      <TextArea label={t('partnerForm.openingHours')} hint={t('partnerForm.openingHoursHint')} rows={3} value={body.openingHours} onValue={set('openingHours')} error={problems['body.openingHours']} />
      <CheckboxGroup legend={t('partnerForm.themes')} options={themeOptions()} selected={input.themes} onChange={(themes) => setInput({ ...input, themes: themes as Theme[] })} />
      <ContactPersonsEditor value={body.contacts} onChange={(contacts) => setInput({ ...input, body: { ...body, contacts } })} problems={problems} />
      <TextArea label={t('partnerForm.notes')} value={body.notes} onValue={set('notes')} error={problems['body.notes']} />
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      <div class="actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {t('common.save')}
        </Button>
        <Link class="btn btn-secondary" href={partnerId ? `/partners/${partnerId}` : '/partners'}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
