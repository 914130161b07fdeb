import { addFollowUp } from '../../db/followUps';
import { fieldProblemsOf, fieldProblemText, saveFailureText, type FieldWords } from '../../i18n/errorText';
import { formatDay } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { addDays, brusselsDay } from '../../model/dates';
import { NewFollowUpSchema } from '../../model/followUp';
import { followUpWarnings } from '../../model/plausibility';
import { check } from '../../model/validation';
import { Button } from '../../ui/Button';
import { CheckQuestion } from '../../ui/CheckQuestion';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { SubmitFailure } from '../../ui/SubmitFailure';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';
import { useFormValues } from '../../ui/useFormValues';

/** How the form names its fields (paths as in NewFollowUpSchema), for messages that say what to do. */
function followUpFieldWords(path: string): FieldWords {
  if (path === 'dueDate') return { label: t('followUpForm.due'), kind: 'date', required: t('followUpForm.dueRequired') };
  if (path === 'body.title') return { label: t('followUpForm.what'), required: t('followUpForm.titleRequired') };
  return { label: t('followUpForm.who') };
}

/** A quick follow-up on a case: what, by when, who. A date already past is asked about once. */
export function AddFollowUpForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const form = useFormValues({ title: '', who: '', dueDate: addDays(brusselsDay(new Date()), 7) }, undefined, { keepAs: `followUp:${caseId}` });
  const { title, who, dueDate } = form.values;
  const set = (key: keyof typeof form.values) => (value: string) => form.setValues({ ...form.values, [key]: value });
  const input = { dueDate, body: { title, who, kind: 'task' as const } };
  const checked = useCheckedSubmit({
    values: form.values,
    errors: () => {
      const result = check(NewFollowUpSchema, input);
      return result.ok ? [] : result.problems.map((p) => ({ path: p.path, message: fieldProblemText(p, followUpFieldWords(p.path)) }));
    },
    warnings: () =>
      followUpWarnings(input, brusselsDay(new Date())).map(({ path }) => ({ path, message: t('followUpForm.dueInPast', { date: formatDay(dueDate, 'long') }) })),
    save: async () => {
      await addFollowUp(caseId, input);
      form.saved();
      onDone();
    },
    fieldErrorsOf: (error) => fieldProblemsOf(error, followUpFieldWords),
  });
  const at = checked.at;

  return (
    <form onSubmit={checked.submit} noValidate class="no-print">
      <fieldset>
        <legend>{t('followUpForm.title')}</legend>
        <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} />
        <CheckQuestion
          title={t('formCheck.questionTitle')}
          intro={t('formCheck.questionIntro')}
          items={checked.question}
          attempt={checked.attempt}
          confirmLabel={t('formCheck.confirm')}
          onConfirm={checked.confirm}
          busy={checked.busy}
        />
        <TextField label={t('followUpForm.what')} value={title} onValue={set('title')} {...at('body.title')} required />
        <div class="field-row">
          <TextField label={t('followUpForm.due')} type="date" value={dueDate} onValue={set('dueDate')} {...at('dueDate')} required />
          <TextField label={t('followUpForm.who')} value={who} onValue={set('who')} {...at('body.who')} />
        </div>
        <div class="actions">
          {checked.failure !== null && <SubmitFailure message={saveFailureText(checked.failure)} kept={t('formCheck.textKept')} attempt={checked.attempt} />}
          <Button variant="primary" type="submit" disabled={checked.busy}>
            {t('followUpForm.add')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </div>
      </fieldset>
    </form>
  );
}
