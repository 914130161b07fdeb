import { useState } from 'preact/hooks';
import { fieldProblemText, type FieldWords } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { newId } from '../../model/ids';
import { OUTSIDER_KINDS, type Answer } from '../../model/instrumentRun';
import type { Partner } from '../../model/partner';
import { placementDraftProblems, placementOfDraft, type PlacementDraft } from '../../model/powerInterest';
import { Button } from '../../ui/Button';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';
import { useUnsavedWhile } from '../../ui/useFormValues';
import { whoLabel } from './instrumentText';
import { attitudeFrom, attitudeOptions, levelOptions } from './PlacementRow';

interface Props {
  /** Partners of the directory not yet in the grid. */
  available: Partner[];
  /** Why no partner can be chosen (none on this device, or all placed), shown where the list would be. */
  directoryNote?: string;
  onAdd: (key: string, placement: Answer) => void;
}

const blank = (source: PlacementDraft['source']): PlacementDraft => ({ source, partnerId: '', name: '', who: '', power: 'high', interest: 'high', attitude: 'unknown' });

function words(path: string): FieldWords {
  if (path === 'grid.name') return { label: t('instruments.grid.outsiderName'), required: t('instruments.grid.nameRequired') };
  if (path === 'grid.who') return { label: t('instruments.grid.who'), required: t('instruments.grid.whoRequired') };
  return { label: t('instruments.grid.partner'), required: t('instruments.grid.partnerRequired') };
}

/**
 * Puts someone in the grid: a partner from the directory, or a person or group outside it (a name and what kind
 * of actor), each with power, interest and attitude. Paths carry a prefix: the run's title stands on the same page.
 */
export function AddPlacementForm({ available, directoryNote, onAdd }: Props) {
  const [draft, setDraft] = useState<PlacementDraft>(() => blank(available.length > 0 ? 'directory' : 'outsider'));
  const set = (patch: Partial<PlacementDraft>) => setDraft({ ...draft, ...patch });
  // Someone chosen or named but not yet placed: nothing reloads or navigates over it without asking.
  useUnsavedWhile(draft.partnerId !== '' || draft.name.trim() !== '');
  const checked = useCheckedSubmit({
    values: draft,
    errors: () =>
      placementDraftProblems(draft).map((p) => {
        const path = `grid.${p.path}`;
        return { path, message: fieldProblemText(p, words(path)) };
      }),
    save: async () => {
      const { key, value } = placementOfDraft(draft, newId);
      onAdd(key, value);
      setDraft(blank(draft.source));
    },
  });
  const level = (v: string) => (v === 'low' ? 'low' : 'high');

  return (
    <form class="add-placement" onSubmit={checked.submit} noValidate>
      <h3>{t('instruments.grid.add')}</h3>
      <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} level={3} />
      <ChoiceChips
        legend={t('instruments.grid.source')}
        options={(['directory', 'outsider'] as const).map((s) => ({ value: s, label: t(`instruments.grid.sources.${s}`) }))}
        value={draft.source}
        onChange={(v) => {
          checked.reset();
          set({ source: v === 'outsider' ? 'outsider' : 'directory' });
        }}
      />
      {draft.source === 'directory' ? (
        directoryNote ? (
          <p class="empty">{directoryNote}</p>
        ) : (
          <SelectField
            label={t('instruments.grid.partner')}
            value={draft.partnerId}
            onValue={(partnerId) => set({ partnerId })}
            {...checked.at('grid.partner')}
            options={[{ value: '', label: t('instruments.grid.choosePartner') }, ...available.map((p) => ({ value: p.id, label: p.body.name }))]}
          />
        )
      ) : (
        <>
          <TextField label={t('instruments.grid.outsiderName')} hint={t('instruments.grid.outsiderNameHint')} value={draft.name} onValue={(name) => set({ name })} {...checked.at('grid.name')} />
          <SelectField
            label={t('instruments.grid.who')}
            value={draft.who}
            onValue={(v) => set({ who: OUTSIDER_KINDS.find((k) => k === v) ?? '' })}
            {...checked.at('grid.who')}
            options={[{ value: '', label: t('instruments.grid.chooseWho') }, ...OUTSIDER_KINDS.map((k) => ({ value: k, label: whoLabel(k) }))]}
          />
        </>
      )}
      <div class="field-row">
        <ChoiceChips legend={t('instruments.grid.power')} options={levelOptions()} value={draft.power} onChange={(v) => set({ power: level(v) })} />
        <ChoiceChips legend={t('instruments.grid.interest')} options={levelOptions()} value={draft.interest} onChange={(v) => set({ interest: level(v) })} />
      </div>
      <ChoiceChips legend={t('instruments.grid.attitude')} options={attitudeOptions()} value={draft.attitude} onChange={(v) => set({ attitude: attitudeFrom(v) })} />
      <Button type="submit">{t('instruments.grid.addButton')}</Button>
    </form>
  );
}
