import { t } from '../../i18n/i18n';
import { newId } from '../../model/ids';
import type { ContactPerson } from '../../model/partner';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';

interface Props {
  value: ContactPerson[];
  onChange: (value: ContactPerson[]) => void;
  /** A field's path in the partner form and its error (see PartnerForm). */
  at: (path: string) => { path: string; error?: string };
}

export function ContactPersonsEditor({ value, onChange, at }: Props) {
  const setAt = (i: number, patch: Partial<ContactPerson>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset>
      <legend>{t('partnerForm.contacts')}</legend>
      {value.map((c, i) => (
        <div class="afspraak" key={c.id}>
          <div class="field-row">
            <TextField label={t('partnerForm.contactName')} value={c.name} onValue={(name) => setAt(i, { name })} {...at(`body.contacts.${i}.name`)} />
            <TextField label={t('partnerForm.contactRole')} value={c.role} onValue={(role) => setAt(i, { role })} {...at(`body.contacts.${i}.role`)} />
          </div>
          <div class="field-row">
            <TextField label={t('partnerForm.phone')} type="tel" value={c.phone} onValue={(phone) => setAt(i, { phone })} {...at(`body.contacts.${i}.phone`)} />
            <TextField label={t('partnerForm.email')} type="email" inputMode="email" value={c.email} onValue={(email) => setAt(i, { email })} {...at(`body.contacts.${i}.email`)} />
          </div>
          <Button variant="quiet" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('partnerForm.removeContact', { name: c.name || t('partnerForm.contactN', { n: i + 1 }) })}
          </Button>
        </div>
      ))}
      <Button onClick={() => onChange([...value, { id: newId(), name: '', role: '', phone: '', email: '' }])}>{t('partnerForm.addContact')}</Button>
    </fieldset>
  );
}
