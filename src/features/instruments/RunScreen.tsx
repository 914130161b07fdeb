import { useState } from 'preact/hooks';
import { setRunStatus } from '../../db/instrumentRuns';
import { errorText } from '../../i18n/errorText';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { answerText, instrumentDefinition, type InstrumentSection } from '../../model/instruments';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { AnswersPrint } from './AnswersPrint';
import { EcogramEditor } from './EcogramEditor';
import { GridEditor } from './GridEditor';
import { kindName, statusLabel } from './instrumentText';
import { runTitleErrors } from './runTitleErrors';
import { QuestionSection } from './QuestionSection';
import { SaveStatus } from './SaveStatus';
import { useRunEditor } from './useRunEditor';
import { useManagesNetwork } from './useManagesNetwork';

/** One instrument run, filled in as you go: resumable, saved as you type, printable, and marked done when done. */
export function RunScreen({ runId }: { runId: string }) {
  // Keyed, so another run never inherits what was typed in this one.
  return <RunEditor key={runId} runId={runId} />;
}

function RunEditor({ runId }: { runId: string }) {
  const editor = useRunEditor(runId);
  const manages = useManagesNetwork();
  const [error, setError] = useState<unknown>(null);
  const { stored, answers, update } = editor;

  if (stored.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (stored.state === 'failed') return <Notice kind="error">{errorText(stored.error)}</Notice>;
  const run = stored.value;
  if (!run) {
    return (
      <>
        <h1>{t('instruments.title')}</h1>
        <Notice kind="warning">{t('instruments.run.notFound')}</Notice>
      </>
    );
  }
  const definition = instrumentDefinition(run.instrument);
  const title = answerText(answers.title);
  const flushOnLeave = () => void editor.flush();
  const questions = (sections: readonly InstrumentSection[]) => (
    <div class="no-print">
      {sections.map((section) => (
        <QuestionSection key={section.id} section={section} answers={answers} onAnswer={update} />
      ))}
    </div>
  );

  return (
    // Leaving any field writes what was typed at once, without waiting for the pause.
    <div class="instrument-run" onFocusOut={flushOnLeave}>
      <p class="no-print">
        {run.caseId ? <Link href={`/dossiers/${run.caseId}`}>{t('instruments.run.backToCase')}</Link> : <Link href="/instrumenten">{t('instruments.run.backToList')}</Link>}
      </p>
      <h1>{title.trim() || kindName(run.instrument)}</h1>
      <p class="list-meta">
        {t('instruments.run.meta', { instrument: kindName(run.instrument), status: statusLabel(run.status) })}
        <span class="no-print">
          {' · '}
          <Link href={`/kaarten/${definition.card}`}>{t('instruments.aboutCard')}</Link>
        </span>
      </p>
      <SaveStatus state={editor.saveState} error={editor.saveError} />
      {run.status === 'done' && <Notice kind="info">{t('instruments.run.doneNotice')}</Notice>}
      <div class="no-print">
        <TextField
          label={t('instruments.runTitle')}
          value={title}
          onValue={(v) => update('title', v)}
          // Saved as typed, so said as typed: no save button to wait for.
          path="title"
          error={runTitleErrors(title)[0]?.message}
        />
      </div>
      {/* With a drawing, its first section (what it is about, who is there) comes before the drawing, the rest after. */}
      {definition.layout !== 'questions' && questions(definition.sections.slice(0, 1))}
      {definition.layout === 'grid' && <GridEditor answers={answers} update={update} />}
      {definition.layout === 'ecogram' && <EcogramEditor answers={answers} update={update} />}
      {questions(definition.layout === 'questions' ? definition.sections : definition.sections.slice(1))}
      <AnswersPrint definition={definition} answers={answers} />
      <p class="instrument-print list-meta">{t('instruments.run.printedFrom', { when: formatDateTime(run.updatedAt) })}</p>
      {error !== null && <Notice kind="error">{errorText(error)}</Notice>}
      <div class="actions no-print">
        {/* A network instrument is closed and reopened by a coordinator; an ecogram by anyone of its team. */}
        {(run.caseId !== '' || manages) && (
          <Button variant="primary" onClick={() => void setRunStatus(run.id, run.status === 'done' ? 'open' : 'done').then(() => setError(null), setError)}>
            {run.status === 'done' ? t('instruments.run.reopen') : t('instruments.run.markDone')}
          </Button>
        )}
        <Button onClick={() => window.print()}>{t('instruments.run.print')}</Button>
      </div>
    </div>
  );
}
