import { t } from '../../i18n/i18n';
import type { VisitNoteBody } from '../../model/visitNote';
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/Field';
import type { SectionProps } from './sectionProps';

type Context = VisitNoteBody['context'];

export function ContextSection({ value, onChange, at }: SectionProps<Context>) {
  const set = <K extends keyof Context>(key: K) => (v: Context[K]) => onChange({ ...value, [key]: v });
  return (
    <fieldset>
      <legend>{t('visit.context.legend')}</legend>
      <p class="section-intro">{t('visit.context.intro')}</p>
      <div class="field-row">
        <TextField label={t('visit.context.date')} type="date" value={value.date} onValue={set('date')} {...at('context.date')} required />
        <TextField label={t('visit.context.startTime')} type="time" value={value.startTime} onValue={set('startTime')} {...at('context.startTime')} />
        <TextField label={t('visit.context.endTime')} type="time" value={value.endTime} onValue={set('endTime')} {...at('context.endTime')} />
      </div>
      <TextField label={t('visit.context.place')} value={value.place} onValue={set('place')} {...at('context.place')} />
      <div class="field-row">
        <SelectField
          label={t('visit.context.announced')}
          value={value.announced}
          onValue={(v) => set('announced')(v as Context['announced'])}
          options={[
            { value: '', label: t('common.choose') },
            { value: 'announced', label: t('visit.context.announcedYes') },
            { value: 'unannounced', label: t('visit.context.announcedNo') },
          ]}
        />
        <SelectField
          label={t('visit.context.visitType')}
          value={value.visitType}
          onValue={(v) => set('visitType')(v as Context['visitType'])}
          options={[
            { value: '', label: t('common.choose') },
            { value: 'first', label: t('visit.context.first') },
            { value: 'followUp', label: t('visit.context.followUp') },
            { value: 'yearly', label: t('visit.context.yearly') },
          ]}
        />
      </div>
      <TextArea label={t('visit.context.present')} hint={t('visit.context.presentHint')} rows={2} value={value.present} onValue={set('present')} {...at('context.present')} />
      <CheckboxField label={t('visit.context.interpreter')} checked={value.interpreter} onChecked={set('interpreter')} />
      <TextArea label={t('visit.context.reason')} hint={t('visit.context.reasonHint')} rows={2} value={value.reason} onValue={set('reason')} {...at('context.reason')} />
    </fieldset>
  );
}
