import { t } from '../../i18n/i18n';
import { ECO_TIES } from '../../model/instrumentRun';
import { tieLabel } from './instrumentText';
import { TieLine } from './TieLine';

/** What each line style means, with the style named in words too (for print in black and white, and for low vision). */
export function EcoLegend() {
  return (
    <div class="eco-legend-box">
      <h3>{t('instruments.eco.legend')}</h3>
      <ul class="eco-legend">
        {ECO_TIES.map((tie) => (
          <li key={tie}>
            <svg width="56" height="20" viewBox="0 0 56 20" aria-hidden="true" focusable="false">
              <TieLine from={{ x: 4, y: 10 }} to={{ x: 52, y: 10 }} tie={tie} scale={0.7} />
            </svg>
            <span>
              {tieLabel(tie)} ({t(`instruments.eco.tieLines.${tie}`)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
