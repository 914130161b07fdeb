import { t } from '../../i18n/i18n';
import { LEVELS, type GridPlacement } from '../../model/instrumentRun';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { TextField } from '../../ui/Field';
import { levelLabel } from './instrumentText';
import { RemoveButton } from './RemoveButton';

export const levelOptions = () => LEVELS.map((l) => ({ value: l, label: levelLabel(l) }));
const isLevel = (v: string): v is GridPlacement['power'] => v === 'high' || v === 'low';

interface Props {
  name: string;
  placement: GridPlacement;
  onChange: (next: GridPlacement, now: boolean) => void;
  onRemove: () => void;
}

/** One partner in the grid: its power and interest to change with a tap, a short note, and remove. */
export function PlacementRow({ name, placement, onChange, onRemove }: Props) {
  return (
    <li>
      <fieldset class="placement">
        <legend>{name}</legend>
        <div class="field-row">
          <ChoiceChips
            legend={t('instruments.grid.power')}
            options={levelOptions()}
            value={placement.power}
            onChange={(v) => isLevel(v) && onChange({ ...placement, power: v }, true)}
          />
          <ChoiceChips
            legend={t('instruments.grid.interest')}
            options={levelOptions()}
            value={placement.interest}
            onChange={(v) => isLevel(v) && onChange({ ...placement, interest: v }, true)}
          />
        </div>
        <TextField label={t('instruments.grid.note')} value={placement.note} onValue={(note) => onChange({ ...placement, note }, false)} />
        <RemoveButton label={t('instruments.grid.removeLabel', { name })} onRemove={onRemove} />
      </fieldset>
    </li>
  );
}
