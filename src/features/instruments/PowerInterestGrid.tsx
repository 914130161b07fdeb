import { t } from '../../i18n/i18n';
import type { GridPlacement } from '../../model/instrumentRun';
import { byQuadrant, levelsOf, QUADRANTS } from '../../model/powerInterest';
import { levelLabel, quadrantMeaning, quadrantName } from './instrumentText';

interface Props {
  placements: Array<[partnerId: string, placement: GridPlacement]>;
  nameOf: (partnerId: string) => string;
}

/**
 * The 2×2 grid: high power on top, high interest on the right. Each quadrant is a heading, what it means and a list
 * of names, in reading order, so the same markup reads as a plain list to a screen reader and prints as it looks.
 */
export function PowerInterestGrid({ placements, nameOf }: Props) {
  const sorted = byQuadrant(placements);
  return (
    <div class="pi-frame">
      <span class="pi-axis pi-axis-power" aria-hidden="true">
        {t('instruments.grid.axisPower')}
      </span>
      <div class="pi-grid" data-testid="pi-grid">
        {QUADRANTS.map((q) => {
          const levels = levelsOf(q);
          const names = sorted[q];
          return (
            <section key={q} class={`pi-quadrant pi-${q}`} data-quadrant={q}>
              <h3>{quadrantName(q)}</h3>
              <p class="pi-levels">{t('instruments.grid.levelsText', { power: levelLabel(levels.power), interest: levelLabel(levels.interest) })}</p>
              <p class="pi-meaning">{quadrantMeaning(q)}</p>
              {names.length === 0 ? (
                <p class="empty">{t('instruments.grid.emptyQuadrant')}</p>
              ) : (
                <ul>
                  {names.map(([id, p]) => (
                    <li key={id}>
                      <strong>{nameOf(id)}</strong>
                      {p.note && <span class="pi-note">{p.note}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      <span class="pi-axis pi-axis-interest" aria-hidden="true">
        {t('instruments.grid.axisInterest')}
      </span>
    </div>
  );
}
