import { useState } from 'preact/hooks';
import { addFollowUp } from '../../db/followUps';
import { errorText, problemsByPath } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { addDays, brusselsDay } from '../../model/dates';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useFormValues } from '../../ui/useFormValues';

/** A quick follow-up on a case: what, by when, who. */
export function AddFollowUpForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const form = useFormValues({ title: '', who: '', dueDate: addDays(brusselsDay(new Date()), 7) });
  const { title, who, dueDate } = form.values;
  const set = (key: keyof typeof form.values) => (value: string) => form.setValues({ ...form.values, [key]: value });
  const [error, setError] = useState<unknown>(null);
  const problems = problemsByPath(error);

  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await addFollowUp(caseId, { dueDate, body: { title, who, kind: 'task' } });
      form.saved();
      onDone();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form onSubmit={submit} noValidate class="no-print">
      <fieldset>
        <legend>{t('followUpForm.title')}</legend>
        <TextField label={t('followUpForm.what')} value={title} onValue={set('title')} error={problems['body.title']} required />
        <div class="field-row">
          <TextField label={t('followUpForm.due')} type="date" value={dueDate} onValue={set('dueDate')} error={problems['dueDate']} required />
          <TextField label={t('followUpForm.who')} value={who} onValue={set('who')} error={problems['body.who']} />
        </div>
        {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
        <div class="actions">
          <Button variant="primary" type="submit">
            {t('followUpForm.add')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </div>
      </fieldset>
    </form>
  );
}
