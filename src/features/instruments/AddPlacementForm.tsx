import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { GridPlacement } from '../../model/instrumentRun';
import type { Partner } from '../../model/partner';
import { Button } from '../../ui/Button';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField } from '../../ui/Field';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';
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
  // A partner chosen but not yet placed: nothing reloads or navigates over it without asking.
  useUnsavedWhile(partnerId !== '');
  const checked = useCheckedSubmit({
    values: partnerId,
    errors: () => (partnerId ? [] : [{ path: 'placement.partner', message: t('instruments.grid.partnerRequired') }]),
    save: async () => {
      onAdd(partnerId, { kind: 'placement', power, interest, note: '' });
      setPartnerId('');
    },
  });

  return (
    <form class="add-placement" onSubmit={checked.submit} noValidate>
      <h3>{t('instruments.grid.add')}</h3>
      <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} level={3} />
      <SelectField
        label={t('instruments.grid.partner')}
        value={partnerId}
        onValue={setPartnerId}
        {...checked.at('placement.partner')}
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
