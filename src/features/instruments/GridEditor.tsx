import { watch } from '../../db/live';
import { listPartners } from '../../db/partners';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { useLanguage } from '../../i18n/useLanguage';
import type { Answer, Answers } from '../../model/instrumentRun';
import type { Partner } from '../../model/partner';
import { gridEntries } from '../../model/powerInterest';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';
import { AddPlacementForm } from './AddPlacementForm';
import { GridAnswersPrint } from './AnswersPrint';
import { PlacementRow } from './PlacementRow';
import { PowerInterestGrid } from './PowerInterestGrid';

interface Props {
  answers: Answers;
  update: (key: string, value: Answer, now?: boolean) => void;
}

/**
 * The power–interest grid of a run: partners from the directory (`p:<partnerId>` entries) and people or groups
 * outside it, named in the run itself (`o:<id>` entries: residents, clients, politicians).
 */
export function GridEditor({ answers, update }: Props) {
  const lang = useLanguage();
  const partners = useWatched<Partner[]>((next, fail) => watch(() => listPartners(), next, fail), []);
  const known = partners.state === 'ready' ? partners.value : [];
  const names = new Map(known.map((p) => [p.id, p.body.name]));
  // A partner deleted elsewhere, or not yet synced to this device, keeps its place under a neutral name.
  const placed = gridEntries(answers, (id) => names.get(id) ?? t('instruments.grid.unknownPartner'), lang);
  const inGrid = new Set(placed.map((e) => e.key));
  const available = known.filter((p) => !inGrid.has(`p:${p.id}`));

  return (
    <section class="instrument-grid">
      <h2>{t('instruments.grid.heading')}</h2>
      <p class="no-print">{t('instruments.grid.intro')}</p>
      <PowerInterestGrid entries={placed} />
      <GridAnswersPrint entries={placed} />
      <div class="no-print">
        <h3>{t('instruments.grid.placed')}</h3>
        {placed.length === 0 ? (
          <p class="empty">{t('instruments.grid.none')}</p>
        ) : (
          <ul class="placements">
            {placed.map((entry) => (
              <PlacementRow
                key={entry.key}
                entry={entry}
                onChange={(next, now) => update(entry.key, next, now)}
                onRemove={() => update(entry.key, null, true)}
              />
            ))}
          </ul>
        )}
        {partners.state === 'failed' && <Notice kind="error">{errorText(partners.error)}</Notice>}
        {partners.state === 'ready' && (
          <AddPlacementForm
            available={available}
            directoryNote={known.length === 0 ? t('instruments.grid.noPartners') : available.length === 0 ? t('instruments.grid.allPlaced') : undefined}
            onAdd={(key, placement) => update(key, placement, true)}
          />
        )}
      </div>
    </section>
  );
}
