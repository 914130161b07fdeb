import { useEffect, useRef, useState } from 'preact/hooks';
import { problemsByPath } from '../../i18n/errorText';
import { t } from '../../i18n/i18n';
import { AppError } from '../../model/appError';
import { ECO_GROUPS, ECO_SUPPORTS, ECO_TIES, EcoPersonSchema, type EcoPerson } from '../../model/instrumentRun';
import { check } from '../../model/validation';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { SelectField, TextField } from '../../ui/Field';
import { useUnsavedWhile } from '../../ui/useFormValues';
import { groupLabel, supportLabel, tieLabel } from './instrumentText';

const blank = (): EcoPerson => ({ kind: 'person', name: '', group: 'family', tie: 'ordinary', supports: [], note: '' });

interface Props {
  /** The person being changed, or undefined to add someone. */
  editing?: EcoPerson;
  onSave: (person: EcoPerson) => void;
  onCancel: () => void;
}

/** Adds a person to the ecogram or changes one: name or role, group, tie, what they give, a note. */
export function EcoPersonForm({ editing, onSave, onCancel }: Props) {
  const [person, setPerson] = useState<EcoPerson>(editing ?? blank());
  const [problems, setProblems] = useState<Record<string, string>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    setPerson(editing ?? blank());
    setProblems({});
    if (editing) heading.current?.focus();
  }, [editing]);

  // Typed but not yet added: the update prompt and the leave guard wait for "Toevoegen" or "Annuleren".
  useUnsavedWhile(JSON.stringify(person) !== JSON.stringify(editing ?? blank()));

  const set = (patch: Partial<EcoPerson>) => setPerson({ ...person, ...patch });
  const submit = (e: Event) => {
    e.preventDefault();
    const checked = check(EcoPersonSchema, person);
    if (!checked.ok) return setProblems(problemsByPath(new AppError('invalidInput', checked.problems)));
    onSave(checked.value);
    if (!editing) setPerson(blank());
    setProblems({});
  };

  return (
    <form class="eco-person-form no-print" onSubmit={submit} noValidate>
      <h3 ref={heading} tabIndex={-1}>
        {editing ? t('instruments.eco.editTitle', { name: editing.name }) : t('instruments.eco.add')}
      </h3>
      <TextField label={t('instruments.eco.name')} hint={t('instruments.eco.nameHint')} value={person.name} onValue={(name) => set({ name })} error={problems.name} />
      <SelectField label={t('instruments.eco.group')} value={person.group} onValue={(g) => set({ group: ECO_GROUPS.find((x) => x === g) ?? 'other' })} options={ECO_GROUPS.map((g) => ({ value: g, label: groupLabel(g) }))} />
      <ChoiceChips legend={t('instruments.eco.tie')} value={person.tie} onChange={(v) => set({ tie: ECO_TIES.find((x) => x === v) ?? 'ordinary' })} options={ECO_TIES.map((v) => ({ value: v, label: tieLabel(v) }))} />
      <CheckboxGroup
        legend={t('instruments.eco.supports')}
        options={ECO_SUPPORTS.map((s) => ({ value: s, label: supportLabel(s) }))}
        selected={person.supports}
        onChange={(selected) => set({ supports: ECO_SUPPORTS.filter((s) => selected.includes(s)) })}
      />
      <TextField label={t('instruments.eco.note')} value={person.note} onValue={(note) => set({ note })} error={problems.note} />
      <div class="actions">
        <Button variant="primary" type="submit">
          {editing ? t('instruments.eco.saveEdit') : t('instruments.eco.addButton')}
        </Button>
        {editing && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
      </div>
    </form>
  );
}
