import { useState } from 'preact/hooks';
import { getCase } from '../../db/cases';
import { startInstrumentRun } from '../../db/instrumentRuns';
import { watch } from '../../db/live';
import { errorText, saveFailureText } from '../../i18n/errorText';
import { formatDay } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import type { CaseFile } from '../../model/caseFile';
import { brusselsDay } from '../../model/dates';
import { isCaseInstrument, type InstrumentKind } from '../../model/instrumentRun';
import { instrumentDefinition, isInstrumentKind } from '../../model/instruments';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { navigate } from '../../ui/router';
import { SubmitFailure } from '../../ui/SubmitFailure';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';
import { useLoaded } from '../../ui/useLoaded';
import { currentWorkspace } from '../../db/workspace';
import { useWatched } from '../../ui/useWatched';
import { kindName, kindPurpose } from './instrumentText';
import { runTitleErrors } from './runTitleErrors';

/**
 * Starts a run: a network instrument from the instruments screen (`/instrumenten/nieuw/<kind>`), a client instrument
 * from its case (`/dossiers/<id>/ecogram/nieuw`), so the run is attached to that case from the first moment.
 */
export function StartRunScreen({ kind, caseId }: { kind: string; caseId?: string }) {
  if (!isInstrumentKind(kind)) {
    return (
      <>
        <h1>{t('instruments.title')}</h1>
        <Notice kind="warning">{t('instruments.startScreen.unknown')}</Notice>
      </>
    );
  }
  if (isCaseInstrument(kind) && !caseId) {
    return (
      <>
        <h1>{t('instruments.startScreen.title', { name: kindName(kind) })}</h1>
        <Notice kind="info">
          <p>{t('instruments.startScreen.needsCase')}</p>
          <Link href="/">{t('common.backToCaseload')}</Link>
        </Notice>
      </>
    );
  }
  return caseId ? <StartForCase kind={kind} caseId={caseId} /> : <StartNetwork kind={kind} />;
}

/** The organisation's network instruments are started by a coordinator; a worker who lands here is told so. */
function StartNetwork({ kind }: { kind: InstrumentKind }) {
  const workspace = useLoaded(currentWorkspace, []);
  if (workspace.state !== 'ready') return <p role="status">{t('common.loading')}</p>;
  if (workspace.value.managesNetworkInstruments) return <StartForm kind={kind} />;
  return (
    <>
      <h1>{t('instruments.startScreen.title', { name: kindName(kind) })}</h1>
      <Notice kind="info">{t('instruments.coordinatorStarts')}</Notice>
      <Link href="/instrumenten">{t('instruments.title')}</Link>
    </>
  );
}

function StartForCase({ kind, caseId }: { kind: InstrumentKind; caseId: string }) {
  // Live: on a fresh device the case may arrive a moment after the screen opens.
  const watched = useWatched<CaseFile | undefined>((next, fail) => watch(() => getCase(caseId), next, fail), [caseId]);
  if (watched.state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (watched.state === 'failed') return <Notice kind="error">{errorText(watched.error)}</Notice>;
  if (!watched.value) return <Notice kind="warning">{t('caseScreen.notFound')}</Notice>;
  return <StartForm kind={kind} caseFile={watched.value} />;
}

function StartForm({ kind, caseFile }: { kind: InstrumentKind; caseFile?: CaseFile }) {
  const name = kindName(kind);
  const [title, setTitle] = useState(() => t('instruments.startScreen.defaultTitle', { name, date: formatDay(brusselsDay(new Date())) }));
  const checked = useCheckedSubmit({
    values: title,
    errors: () => runTitleErrors(title),
    save: async () => {
      const run = await startInstrumentRun({ instrument: kind, title, caseId: caseFile?.id });
      navigate(`/instrumenten/${run.id}`, { replace: true });
    },
    // The store checks the title as above; anything else it refuses is no field of this form.
    fieldErrorsOf: () => null,
  });
  const back = caseFile ? `/dossiers/${caseFile.id}` : '/instrumenten';

  return (
    <form onSubmit={checked.submit} noValidate>
      <p class="no-print">
        <Link href={back}>{caseFile ? t('instruments.run.backToCase') : t('instruments.run.backToList')}</Link>
      </p>
      <h1>{t('instruments.startScreen.title', { name })}</h1>
      <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} />
      <p>{kindPurpose(kind)}</p>
      {caseFile && <p>{t('instruments.startScreen.forCase', { label: caseFile.body.label })}</p>}
      {isCaseInstrument(kind) && <Notice kind="warning">{t('instruments.eco.privacy')}</Notice>}
      <TextField
        label={t('instruments.runTitle')}
        hint={t('instruments.startScreen.runTitleHint')}
        value={title}
        onValue={setTitle}
        required
        {...checked.at('title')}
      />
      <div class="actions">
        {checked.failure !== null && <SubmitFailure message={saveFailureText(checked.failure)} kept={t('formCheck.textKept')} attempt={checked.attempt} />}
        <Button variant="primary" type="submit" disabled={checked.busy}>
          {t('instruments.startScreen.submit')}
        </Button>
        <Link href={`/kaarten/${instrumentDefinition(kind).card}`}>{t('instruments.aboutCard')}</Link>
      </div>
    </form>
  );
}
