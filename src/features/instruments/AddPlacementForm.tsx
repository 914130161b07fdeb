import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { GridPlacement } from '../../model/instrumentRun';
import type { Partner } from '../../model/partner';
import { Button } from '../../ui/Button';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { SelectField } from '../../ui/Field';
import { useUnsavedWhile } from '../../ui/useFormValues';
import { levelOptions } from './PlacementRow';

interface Props {
  /** Partners of the directory not yet in the grid. */
  available: Partner[];
  onAdd: (partnerId: string, placement: GridPlacement) => void;
}

/** Puts a partner from the directory in the grid, with its power and interest. */
export function AddPlacementForm({ available, onAdd }: Props) {
  const [partnerId, setPartnerId] = useState('');
  const [power, setPower] = useState<GridPlacement['power']>('high');
  const [interest, setInterest] = useState<GridPlacement['interest']>('high');
  const [missing, setMissing] = useState(false);
  // A partner chosen but not yet placed: nothing reloads or navigates over it without asking.
  useUnsavedWhile(partnerId !== '');

  const submit = (e: Event) => {
    e.preventDefault();
    if (!partnerId) return setMissing(true);
    onAdd(partnerId, { kind: 'placement', power, interest, note: '' });
    setPartnerId('');
    setMissing(false);
  };

  return (
    <form class="add-placement" onSubmit={submit} noValidate>
      <h3>{t('instruments.grid.add')}</h3>
      <SelectField
        label={t('instruments.grid.partner')}
        value={partnerId}
        onValue={setPartnerId}
        error={missing ? t('problems.required') : undefined}
        options={[{ value: '', label: t('instruments.grid.choosePartner') }, ...available.map((p) => ({ value: p.id, label: p.body.name }))]}
      />
      <div class="field-row">
        <ChoiceChips legend={t('instruments.grid.power')} options={levelOptions()} value={power} onChange={(v) => setPower(v === 'low' ? 'low' : 'high')} />
        <ChoiceChips legend={t('instruments.grid.interest')} options={levelOptions()} value={interest} onChange={(v) => setInterest(v === 'low' ? 'low' : 'high')} />
      </div>
      <Button type="submit">{t('instruments.grid.addButton')}</Button>
    </form>
  );
}
