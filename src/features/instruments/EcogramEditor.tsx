import { compareCodeUnits } from '../../model/order';
import { useState } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import { newId } from '../../model/ids';
import { entries, isEcoPerson, type Answer, type Answers } from '../../model/instrumentRun';
import { Notice } from '../../ui/Notice';
import { EcogramDrawing } from './EcogramDrawing';
import { EcoLegend } from './EcoLegend';
import { EcoPeopleList } from './EcoPeopleList';
import { EcoPersonForm } from './EcoPersonForm';
import { kindName } from './instrumentText';

interface Props {
  answers: Answers;
  update: (key: string, value: Answer, now?: boolean) => void;
}

/** A client's ecogram: the drawing, its legend, the same people as a list, and the form to add or change someone. */
export function EcogramEditor({ answers, update }: Props) {
  const [editingId, setEditingId] = useState<string | null>(null);
  // Ids are time-ordered (UUIDv7), so sorting by id keeps everyone where they were first drawn.
  const people = entries(answers, 'r', isEcoPerson).sort(([a], [b]) => compareCodeUnits(a, b));
  const editing = people.find(([id]) => id === editingId)?.[1];

  return (
    <section class="instrument-ecogram">
      <h2>{kindName('ecogram')}</h2>
      <Notice kind="warning">
        <p>{t('instruments.eco.privacy')}</p>
      </Notice>
      <EcogramDrawing people={people} />
      <EcoLegend />
      <EcoPeopleList
        people={people}
        onEdit={setEditingId}
        onRemove={(id) => {
          if (id === editingId) setEditingId(null);
          update(`r:${id}`, null, true);
        }}
      />
      <EcoPersonForm
        editing={editing}
        onCancel={() => setEditingId(null)}
        onSave={(person) => {
          update(`r:${editingId && editing ? editingId : newId()}`, person, true);
          setEditingId(null);
        }}
      />
    </section>
  );
}
