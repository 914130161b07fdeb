import { useLayoutEffect } from 'preact/hooks';
import { addAddendum } from '../../db/noteAddenda';
import { fieldProblemsOf, fieldProblemText, saveFailureText, type FieldWords } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { AddendumBodySchema } from '../../model/noteAddendum';
import { check } from '../../model/validation';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { fieldDomId } from '../../ui/fieldId';
import { TextArea } from '../../ui/Field';
import { SubmitFailure } from '../../ui/SubmitFailure';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';
import { useFormValues } from '../../ui/useFormValues';

/** The form's one field: its place on the page (the summary links to it) for the schema's `text`. */
const FIELD = 'addendumText';

/** The form's one field, named for messages that say what to do. */
function addendumWords(): FieldWords {
  return { label: t('note.addendumText'), required: t('note.addendumRequired') };
}

/**
 * "Aanvulling of rechtzetting": one required text, saved as an addendum under the note (db/noteAddenda). The note
 * itself is not edited; there is no way to. Kept over a lock like other forms.
 */
export function AddendumForm({ noteId, onDone }: { noteId: string; onDone: () => void }) {
  const form = useFormValues({ text: '' }, undefined, { keepAs: `addendum:${noteId}` });
  const { text } = form.values;
  const checked = useCheckedSubmit({
    values: form.values,
    errors: () => {
      const result = check(AddendumBodySchema, { text, author: '' });
      return result.ok ? [] : result.problems.map((p) => ({ path: FIELD, message: fieldProblemText(p, addendumWords()) }));
    },
    save: async () => {
      await addAddendum(noteId, text);
      form.saved();
      onDone();
    },
    fieldErrorsOf: (error) => fieldProblemsOf(error, addendumWords)?.map((m) => ({ ...m, path: FIELD })) ?? null,
  });
  // Opened by a button: typing can start at once.
  // Before the paint, as the error summary does: the form opens with the caret in its field.
  useLayoutEffect(() => document.getElementById(fieldDomId('', FIELD))?.focus(), []);

  return (
    <form onSubmit={checked.submit} noValidate class="no-print addendum-form" data-testid="addendum-form">
      <fieldset>
        <legend>{t('note.addendumLegend')}</legend>
        <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} level={3} />
        <TextArea
          label={t('note.addendumText')}
          hint={t('note.addendumHint')}
          value={text}
          onValue={(value) => form.setValues({ text: value })}
          {...checked.at(FIELD)}
        />
        <div class="actions">
          {checked.failure !== null && <SubmitFailure message={saveFailureText(checked.failure)} kept={t('formCheck.textKept')} attempt={checked.attempt} />}
          <Button variant="primary" type="submit" disabled={checked.busy}>
            {t('note.addendumSave')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </div>
      </fieldset>
    </form>
  );
}
