import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';
import { runTitle, type InstrumentRun } from '../../model/instrumentRun';
import { answeredCount, instrumentDefinition, itemsOf } from '../../model/instruments';
import { initials } from '../../model/initials';
import { ClientName } from '../../ui/ClientName';
import { Link } from '../../ui/Link';
import { kindName, statusLabel } from './instrumentText';

/**
 * Runs as a list: title, the case it belongs to (a case's runs, such as an ecogram, drawn as ui/ClientName does,
 * so the discreet mode shows initials), instrument, status, how far along, last changed.
 */
export function RunList({ runs, caseLabels }: { runs: InstrumentRun[]; caseLabels?: Map<string, string> }) {
  return (
    <>
      <p role="status" class="list-meta">
        {t('instruments.runCount', { count: runs.length })}
      </p>
      {runs.length === 0 ? (
        <p class="empty">{t('instruments.noRuns')}</p>
      ) : (
        <ul class="list" data-testid="instrument-runs">
          {runs.map((run) => {
            const definition = instrumentDefinition(run.instrument);
            const caseLabel = run.caseId ? caseLabels?.get(run.caseId) : undefined;
            return (
              <li key={run.id}>
                <Link class="list-link" href={`/instrumenten/${run.id}`}>
                  <span class="list-title">{runTitle(run)}</span>
                  {caseLabel && (
                    <span class="list-meta" data-testid="run-case">
                      {t('instruments.runOfCase')} <ClientName name={caseLabel} short={initials(caseLabel)} />
                    </span>
                  )}
                  <span class="list-meta">
                    {t('instruments.runMeta', {
                      instrument: kindName(run.instrument),
                      status: statusLabel(run.status),
                      answered: answeredCount(definition, run.body),
                      total: itemsOf(definition).length,
                      when: formatDateTime(run.updatedAt),
                    })}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
