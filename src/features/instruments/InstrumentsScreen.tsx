import { useState } from 'preact/hooks';
import { caseLabelsOfRuns } from '../../db/caseLabels';
import { listInstrumentRuns } from '../../db/instrumentRuns';
import { watch } from '../../db/live';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { isCaseInstrument, type InstrumentRun } from '../../model/instrumentRun';
import { INSTRUMENTS } from '../../model/instruments';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { Link } from '../../ui/Link';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';
import { kindName, kindPurpose } from './instrumentText';
import { RunList } from './RunList';
import { useManagesNetwork } from './useManagesNetwork';

const FILTERS = ['open', 'done', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/** The working instruments to start, and every run on this device to pick up again. */
export function InstrumentsScreen() {
  const [filter, setFilter] = useState<Filter>('open');
  const manages = useManagesNetwork();
  const runs = useWatched<InstrumentRun[]>((next, fail) => watch(() => listInstrumentRuns(), next, fail), []);
  // Which case a case's run (an ecogram) belongs to: a watch of its own, so its reads come before its opening.
  const caseLabels = useWatched<Map<string, string>>((next, fail) => watch(caseLabelsOfRuns, next, fail), []);
  return (
    <>
      <h1>{t('instruments.title')}</h1>
      <p>{t('instruments.intro')}</p>
      <h2>{t('instruments.catalogue')}</h2>
      <ul class="instrument-catalogue">
        {INSTRUMENTS.map((d) => (
          <li key={d.kind}>
            <h3>{kindName(d.kind)}</h3>
            <p>{kindPurpose(d.kind)}</p>
            {isCaseInstrument(d.kind) && <p class="list-meta">{t('instruments.fromCase')}</p>}
            <div class="catalogue-actions">
              {!isCaseInstrument(d.kind) && !manages && <p class="list-meta">{t('instruments.coordinatorStarts')}</p>}
              {!isCaseInstrument(d.kind) && manages && (
                <Link class="btn btn-secondary" href={`/instrumenten/nieuw/${d.kind}`}>
                  {t('instruments.start')}
                </Link>
              )}
              <Link class="catalogue-card-link" href={`/kaarten/${d.card}`}>
                {t('instruments.aboutCard')}
              </Link>
            </div>
          </li>
        ))}
      </ul>
      <h2>{t('instruments.runs')}</h2>
      <ChoiceChips
        legend={t('instruments.filter')}
        options={FILTERS.map((f) => ({ value: f, label: t(`instruments.filters.${f}`) }))}
        value={filter}
        onChange={(v) => setFilter(FILTERS.find((f) => f === v) ?? 'open')}
      />
      {runs.state === 'failed' && <Notice kind="error">{errorText(runs.error)}</Notice>}
      {runs.state === 'ready' && <RunList runs={runs.value.filter((r) => filter === 'all' || r.status === filter)} caseLabels={caseLabels.state === 'ready' ? caseLabels.value : undefined} />}
    </>
  );
}
