import { t } from '../../i18n/i18n';
import type { VisitNoteBody } from '../../model/visitNote';
import { TextArea } from '../../ui/Field';
import type { SectionProps } from './sectionProps';

type Observaties = VisitNoteBody['observaties'];

/** Facts and interpretation in separate fields, so the client can read the note and tell them apart. */
export function ObservatiesSection({ value, onChange, at }: SectionProps<Observaties>) {
  const set = (key: keyof Observaties) => (text: string) => onChange({ ...value, [key]: text });
  return (
    <fieldset>
      <legend>{t('visit.observaties.legend')}</legend>
      <p class="section-intro">{t('visit.observaties.intro')}</p>
      <TextArea label={t('visit.observaties.facts')} hint={t('visit.observaties.factsHint')} value={value.facts} onValue={set('facts')} {...at('observaties.facts')} />
      <TextArea label={t('visit.observaties.interpretation')} hint={t('visit.observaties.interpretationHint')} value={value.interpretation} onValue={set('interpretation')} {...at('observaties.interpretation')} />
      <TextArea label={t('visit.observaties.strengths')} hint={t('visit.observaties.strengthsHint')} value={value.strengths} onValue={set('strengths')} {...at('observaties.strengths')} />
    </fieldset>
  );
}
