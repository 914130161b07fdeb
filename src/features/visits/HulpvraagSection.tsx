import { t } from '../../i18n/i18n';
import { LIFE_DOMAINS } from '../../model/themes';
import type { VisitNoteBody } from '../../model/visitNote';
import { SelectField, TextArea } from '../../ui/Field';
import type { SectionProps } from './sectionProps';

type Hulpvraag = VisitNoteBody['hulpvraag'];

export function HulpvraagSection({ value, onChange, at }: SectionProps<Hulpvraag>) {
  return (
    <fieldset>
      <legend>{t('visit.hulpvraag.legend')}</legend>
      <p class="section-intro">{t('visit.hulpvraag.intro')}</p>
      <TextArea
        label={t('visit.hulpvraag.ownWords')}
        hint={t('visit.hulpvraag.ownWordsHint')}
        value={value.ownWords}
        onValue={(ownWords) => onChange({ ...value, ownWords })}
        {...at('hulpvraag.ownWords')}
      />
      <SelectField
        label={t('visit.hulpvraag.askedBy')}
        value={value.askedBy}
        onValue={(v) => onChange({ ...value, askedBy: v as Hulpvraag['askedBy'] })}
        options={[
          { value: '', label: t('common.choose') },
          { value: 'client', label: t('visit.hulpvraag.byClient') },
          { value: 'family', label: t('visit.hulpvraag.byFamily') },
          { value: 'referrer', label: t('visit.hulpvraag.byReferrer') },
        ]}
      />
      <h3>{t('visit.hulpvraag.perDomain')}</h3>
      {LIFE_DOMAINS.map((domain) => (
        <TextArea
          key={domain}
          label={t(`themes.${domain}`)}
          rows={2}
          value={value.domains[domain]}
          onValue={(text) => onChange({ ...value, domains: { ...value.domains, [domain]: text } })}
          {...at(`hulpvraag.domains.${domain}`)}
        />
      ))}
    </fieldset>
  );
}
