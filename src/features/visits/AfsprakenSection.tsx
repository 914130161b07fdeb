import { t } from '../../i18n/i18n';
import type { VisitNoteBody } from '../../model/visitNote';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import type { SectionProps } from './sectionProps';

type Afspraken = VisitNoteBody['afspraken'];

/** Who does what by when: each agreement with a date also lands on the follow-up list. */
export function AfsprakenSection({ value, onChange, at }: SectionProps<Afspraken>) {
  const setAt = (i: number, patch: Partial<Afspraken[number]>) =>
    onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset>
      <legend>{t('visit.afspraken.legend')}</legend>
      <p class="section-intro">{t('visit.afspraken.intro')}</p>
      {value.map((a, i) => (
        <div class="afspraak" key={i}>
          <h3>{t('visit.afspraken.number', { n: i + 1 })}</h3>
          <TextArea label={t('visit.afspraken.what')} rows={2} value={a.what} onValue={(what) => setAt(i, { what })} {...at(`afspraken.${i}.what`)} />
          <div class="field-row">
            <TextField label={t('visit.afspraken.who')} value={a.who} onValue={(who) => setAt(i, { who })} {...at(`afspraken.${i}.who`)} />
            <TextField label={t('visit.afspraken.due')} type="date" value={a.due} onValue={(due) => setAt(i, { due })} {...at(`afspraken.${i}.due`)} />
          </div>
          <Button variant="quiet" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('visit.afspraken.remove', { n: i + 1 })}
          </Button>
        </div>
      ))}
      <Button onClick={() => onChange([...value, { who: '', what: '', due: '' }])}>{t('visit.afspraken.add')}</Button>
    </fieldset>
  );
}
