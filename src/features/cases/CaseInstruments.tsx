import { listInstrumentRuns } from '../../db/instrumentRuns';
import { watch } from '../../db/live';
import { errorText } from '../../i18n/errorText';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { runTitle, type InstrumentRun } from '../../model/instrumentRun';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';

/** The instruments filled in for this case (an ecogram drawn with the client …), and a way to start a new one. */
export function CaseInstruments({ caseId }: { caseId: string }) {
  const runs = useWatched<InstrumentRun[]>((next, fail) => watch(() => listInstrumentRuns({ caseId }), next, fail), [caseId]);
  return (
    <section data-testid="case-instruments">
      <h2>{t('instruments.forCase.heading')}</h2>
      {runs.state === 'failed' && <Notice kind="error">{errorText(runs.error)}</Notice>}
      {runs.state === 'ready' &&
        (runs.value.length === 0 ? (
          <p class="empty">{t('instruments.forCase.none')}</p>
        ) : (
          <ul class="list">
            {runs.value.map((run) => (
              <li key={run.id}>
                <Link class="list-link" href={`/instrumenten/${run.id}`}>
                  <span class="list-title">{runTitle(run)}</span>
                  <span class="list-meta">
                    {t('instruments.run.meta', { instrument: t(`instruments.kinds.${run.instrument}.name`), status: t(`instruments.status.${run.status}`) })}
                    {' · '}
                    {formatDateTime(run.updatedAt)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        ))}
      <div class="actions no-print">
        <Link class="btn btn-secondary" href={`/dossiers/${caseId}/ecogram/nieuw`}>
          {t('instruments.forCase.newEcogram')}
        </Link>
      </div>
    </section>
  );
}
