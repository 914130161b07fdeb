import { t } from '../../i18n/i18n';
import { ATTITUDES, LEVELS, type GridPlacement, type OutsiderPlacement } from '../../model/instrumentRun';
import { attitudeOf, withAttitudeSet, type GridEntry } from '../../model/powerInterest';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { AttitudeMark } from './AttitudeMark';
import { TextField } from '../../ui/Field';
import { attitudeOption, levelLabel, whoLabel } from './instrumentText';
import { RemoveButton } from './RemoveButton';

export const levelOptions = () => LEVELS.map((l) => ({ value: l, label: levelLabel(l) }));
export const attitudeOptions = () => [...ATTITUDES, 'unknown' as const].map((a) => ({ value: a, label: attitudeOption(a) }));
const isLevel = (v: string): v is GridPlacement['power'] => v === 'high' || v === 'low';
export const attitudeFrom = (v: string) => ATTITUDES.find((a) => a === v) ?? 'unknown';

interface Props {
  entry: GridEntry;
  onChange: (next: GridPlacement | OutsiderPlacement, now: boolean) => void;
  onRemove: () => void;
}

/** One name in the grid: its power, interest and attitude to change with a tap, a short note, and remove. */
export function PlacementRow({ entry, onChange, onRemove }: Props) {
  const { placement, name } = entry;
  const legend = entry.who ? t('instruments.grid.entryText', { name, who: whoLabel(entry.who) }) : name;
  return (
    <li>
      <fieldset class="placement" data-entry={entry.key}>
        <legend>{legend}</legend>
        <p class="placement-attitude">
          <AttitudeMark attitude={attitudeOf(placement)} />
        </p>
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
        <ChoiceChips
          legend={t('instruments.grid.attitude')}
          options={attitudeOptions()}
          value={attitudeOf(placement)}
          onChange={(v) => onChange(withAttitudeSet(placement, attitudeFrom(v)), true)}
        />
        <TextField label={t('instruments.grid.note')} value={placement.note} onValue={(note) => onChange({ ...placement, note }, false)} />
        <RemoveButton label={t('instruments.grid.removeLabel', { name })} onRemove={onRemove} />
      </fieldset>
    </li>
  );
}
