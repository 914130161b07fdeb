import { watch } from '../../db/live';
import { listPartners } from '../../db/partners';
import { errorText } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { entries, isPlacement, type Answer, type Answers } from '../../model/instrumentRun';
import type { Partner } from '../../model/partner';
import { Notice } from '../../ui/Notice';
import { useWatched } from '../../ui/useWatched';
import { AddPlacementForm } from './AddPlacementForm';
import { PlacementRow } from './PlacementRow';
import { PowerInterestGrid } from './PowerInterestGrid';

interface Props {
  answers: Answers;
  update: (key: string, value: Answer, now?: boolean) => void;
}

/** The power–interest grid of a run, filled with real partners from the directory (`p:<partnerId>` entries). */
export function GridEditor({ answers, update }: Props) {
  const partners = useWatched<Partner[]>((next, fail) => watch(() => listPartners(), next, fail), []);
  const known = partners.state === 'ready' ? partners.value : [];
  const names = new Map(known.map((p) => [p.id, p.body.name]));
  // A partner deleted elsewhere, or not yet synced to this device, keeps its place under a neutral name.
  const nameOf = (id: string) => names.get(id) ?? t('instruments.grid.unknownPartner');
  const placements = entries(answers, 'p', isPlacement).sort(([a], [b]) => nameOf(a).localeCompare(nameOf(b)));
  const placed = new Set(placements.map(([id]) => id));
  const available = known.filter((p) => !placed.has(p.id));

  return (
    <section class="instrument-grid">
      <h2>{t('instruments.grid.heading')}</h2>
      <p class="no-print">{t('instruments.grid.intro')}</p>
      <PowerInterestGrid placements={placements} nameOf={nameOf} />
      <div class="no-print">
        <h3>{t('instruments.grid.placed')}</h3>
        {placements.length === 0 ? (
          <p class="empty">{t('instruments.grid.none')}</p>
        ) : (
          <ul class="placements">
            {placements.map(([id, placement]) => (
              <PlacementRow
                key={id}
                name={nameOf(id)}
                placement={placement}
                onChange={(next, now) => update(`p:${id}`, next, now)}
                onRemove={() => update(`p:${id}`, null, true)}
              />
            ))}
          </ul>
        )}
        {partners.state === 'failed' && <Notice kind="error">{errorText(partners.error)}</Notice>}
        {partners.state === 'ready' &&
          (known.length === 0 ? (
            <p class="empty">{t('instruments.grid.noPartners')}</p>
          ) : available.length === 0 ? (
            <p class="empty">{t('instruments.grid.allPlaced')}</p>
          ) : (
            <AddPlacementForm available={available} onAdd={(id, placement) => update(`p:${id}`, placement, true)} />
          ))}
      </div>
    </section>
  );
}
