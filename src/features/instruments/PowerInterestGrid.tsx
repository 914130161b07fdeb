import { t } from '../../i18n/i18n';
import { attitudeOf, byQuadrant, levelsOf, QUADRANTS, type GridEntry } from '../../model/powerInterest';
import { AttitudeMark } from './AttitudeMark';
import { levelLabel, quadrantMeaning, quadrantName, whoLabel } from './instrumentText';

interface Props {
  entries: GridEntry[];
}

/**
 * The 2×2 grid: high power on top, high interest on the right. Each quadrant is a heading, what it means and a list
 * of names, in reading order, so the same markup reads as a plain list to a screen reader and prints as it looks.
 * Each name carries its attitude in a shape and a word, and someone outside the directory the kind of actor.
 */
export function PowerInterestGrid({ entries }: Props) {
  const sorted = byQuadrant(entries.map((e): [string, GridEntry['placement']] => [e.key, e.placement]));
  const byKey = new Map(entries.map((e) => [e.key, e]));
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
                  {names.map(([key, p]) => {
                    const entry = byKey.get(key)!;
                    return (
                      <li key={key} data-entry={key}>
                        <strong>{entry.name}</strong>
                        {entry.who && <span class="pi-who">{whoLabel(entry.who)}</span>}
                        <AttitudeMark attitude={attitudeOf(p)} />
                        {p.note && <span class="pi-note">{p.note}</span>}
                      </li>
                    );
                  })}
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
