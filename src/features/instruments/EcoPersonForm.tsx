import { useEffect, useRef, useState } from 'preact/hooks';
import { fieldProblemText, type FieldWords } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { ECO_GROUPS, ECO_SUPPORTS, ECO_TIES, EcoPersonSchema, type EcoPerson } from '../../model/instrumentRun';
import { check } from '../../model/validation';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { useCheckedSubmit } from '../../ui/useCheckedSubmit';
import { useUnsavedWhile } from '../../ui/useFormValues';
import { groupLabel, supportLabel, tieLabel } from './instrumentText';

const blank = (): EcoPerson => ({ kind: 'person', name: '', group: 'family', tie: 'ordinary', supports: [], note: '' });

function personFieldWords(path: string): FieldWords {
  if (path === 'name') return { label: t('instruments.eco.name'), required: t('instruments.eco.nameRequired') };
  return { label: t('instruments.eco.note') };
}

interface Props {
  /** The person being changed, or undefined to add someone. */
  editing?: EcoPerson;
  onSave: (person: EcoPerson) => void;
  onCancel: () => void;
}

/** Adds a person to the ecogram or changes one: name or role, group, tie, what they give, a note. */
export function EcoPersonForm({ editing, onSave, onCancel }: Props) {
  const [person, setPerson] = useState<EcoPerson>(editing ?? blank());
  const heading = useRef<HTMLHeadingElement>(null);
  const checked = useCheckedSubmit({
    values: person,
    // Paths get a prefix: the run's own title field stands on the same page.
    errors: () => {
      const result = check(EcoPersonSchema, person);
      return result.ok ? [] : result.problems.map((p) => ({ path: `person.${p.path}`, message: fieldProblemText(p, personFieldWords(p.path)) }));
    },
    save: async () => {
      onSave({ ...person, name: person.name.trim() });
      if (!editing) setPerson(blank());
    },
  });
  useEffect(() => {
    setPerson(editing ?? blank());
    checked.reset();
    if (editing) heading.current?.focus();
  }, [editing]);

  // Typed but not yet added: the update prompt and the leave guard wait for "Toevoegen" or "Annuleren".
  useUnsavedWhile(JSON.stringify(person) !== JSON.stringify(editing ?? blank()));

  const set = (patch: Partial<EcoPerson>) => setPerson({ ...person, ...patch });

  return (
    <form class="eco-person-form no-print" onSubmit={checked.submit} noValidate>
      <h3 ref={heading} tabIndex={-1}>
        {editing ? t('instruments.eco.editTitle', { name: editing.name }) : t('instruments.eco.add')}
      </h3>
      <ErrorSummary title={t('formCheck.errorTitle')} items={checked.errors} attempt={checked.attempt} level={3} />
      <TextField label={t('instruments.eco.name')} hint={t('instruments.eco.nameHint')} value={person.name} onValue={(name) => set({ name })} {...checked.at('person.name')} />
      <SelectField label={t('instruments.eco.group')} value={person.group} onValue={(g) => set({ group: ECO_GROUPS.find((x) => x === g) ?? 'other' })} options={ECO_GROUPS.map((g) => ({ value: g, label: groupLabel(g) }))} />
      <ChoiceChips legend={t('instruments.eco.tie')} value={person.tie} onChange={(v) => set({ tie: ECO_TIES.find((x) => x === v) ?? 'ordinary' })} options={ECO_TIES.map((v) => ({ value: v, label: tieLabel(v) }))} />
      <CheckboxGroup
        legend={t('instruments.eco.supports')}
        options={ECO_SUPPORTS.map((s) => ({ value: s, label: supportLabel(s) }))}
        selected={person.supports}
        onChange={(selected) => set({ supports: ECO_SUPPORTS.filter((s) => selected.includes(s)) })}
      />
      <TextField label={t('instruments.eco.note')} value={person.note} onValue={(note) => set({ note })} {...checked.at('person.note')} />
      <div class="actions">
        <Button variant="primary" type="submit">
          {editing ? t('instruments.eco.saveEdit') : t('instruments.eco.addButton')}
        </Button>
        {editing && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </div>
    </form>
  );
}
