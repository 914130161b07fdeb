import type { FieldWords } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';

const FIELDS: Record<string, () => FieldWords> = {
  'body.name': () => ({ label: t('partnerForm.name'), required: t('partnerForm.nameRequired') }),
  'body.street': () => ({ label: t('partnerForm.street') }),
  'body.postalCode': () => ({ label: t('partnerForm.postalCode'), kind: 'postalCode' }),
  'body.city': () => ({ label: t('partnerForm.city') }),
  'body.phone': () => ({ label: t('partnerForm.phone'), kind: 'phone' }),
  'body.email': () => ({ label: t('partnerForm.email'), kind: 'email' }),
  'body.website': () => ({ label: t('partnerForm.website'), kind: 'website' }),
  'body.openingHours': () => ({ label: t('partnerForm.openingHours') }),
  'body.notes': () => ({ label: t('partnerForm.notes') }),
  themes: () => ({ label: t('partnerForm.themes') }),
  'body.contacts': () => ({ label: t('partnerForm.contacts') }),
  'body.contacts.*.name': () => ({ label: t('partnerForm.contactName') }),
  'body.contacts.*.role': () => ({ label: t('partnerForm.contactRole') }),
  'body.contacts.*.phone': () => ({ label: t('partnerForm.phone'), kind: 'phone' }),
  'body.contacts.*.email': () => ({ label: t('partnerForm.email'), kind: 'email' }),
};

/** How the partner form names a field (a contact person's by their number), for messages that say what to do. */
export function partnerFieldWords(path: string): FieldWords {
  const words = FIELDS[path.replace(/\.\d+\./, '.*.')]?.() ?? { label: t('partnerForm.name') };
  const contact = /^body\.contacts\.(\d+)\./.exec(path);
  if (!contact) return words;
  const n = Number(contact[1]) + 1;
  const required = path.endsWith('.name') ? t('partnerForm.contactNameRequired', { n }) : undefined;
  return { ...words, label: t('partnerForm.contactField', { n, field: words.label }), required };
}
