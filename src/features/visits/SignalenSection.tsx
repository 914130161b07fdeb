import { t } from '../../i18n/i18n';
import type { VisitNoteBody } from '../../model/visitNote';
import { TextArea, TextField } from '../../ui/Field';
import type { SectionProps } from './sectionProps';

type Signalen = VisitNoteBody['signalen'];
type Admin = VisitNoteBody['administratief'];

export function SignalenSection({ value, onChange, at }: SectionProps<Signalen>) {
  const set = (key: keyof Signalen) => (text: string) => onChange({ ...value, [key]: text });
  return (
    <fieldset>
      <legend>{t('visit.signalen.legend')}</legend>
      <p class="section-intro">{t('visit.signalen.intro')}</p>
      <TextArea label={t('visit.signalen.rightsNotUsed')} hint={t('visit.signalen.rightsNotUsedHint')} rows={2} value={value.rightsNotUsed} onValue={set('rightsNotUsed')} {...at('signalen.rightsNotUsed')} />
      <TextArea label={t('visit.signalen.safety')} hint={t('visit.signalen.safetyHint')} rows={2} value={value.safety} onValue={set('safety')} {...at('signalen.safety')} />
      <TextArea label={t('visit.signalen.structural')} hint={t('visit.signalen.structuralHint')} rows={2} value={value.structural} onValue={set('structural')} {...at('signalen.structural')} />
    </fieldset>
  );
}

export function AdminSection({ value, onChange, at }: SectionProps<Admin>) {
  const set = (key: keyof Admin) => (text: string) => onChange({ ...value, [key]: text });
  return (
    <fieldset>
      <legend>{t('visit.admin.legend')}</legend>
      <div class="field-row">
        <TextField label={t('visit.admin.author')} value={value.author} onValue={set('author')} {...at('administratief.author')} />
        <TextField label={t('visit.admin.role')} value={value.role} onValue={set('role')} {...at('administratief.role')} />
      </div>
      <TextArea label={t('visit.admin.shareable')} hint={t('visit.admin.shareableHint')} rows={2} value={value.shareable} onValue={set('shareable')} {...at('administratief.shareable')} />
    </fieldset>
  );
}
