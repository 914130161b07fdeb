import { useFieldId } from './fieldId';

interface Props {
  legend: string;
  options: Array<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
}

/**
 * One choice out of a few, as large tappable chips: real radio buttons (arrow keys, screen readers and the
 * checked state work as usual) inside labels of at least 44 px. The chosen chip shows its dot and bold text,
 * not colour alone.
 */
export function ChoiceChips({ legend, options, value, onChange }: Props) {
  const name = useFieldId();
  return (
    <fieldset class="chips">
      <legend>{legend}</legend>
      <div class="chip-row">
        {options.map((o) => (
          <label key={o.value} class={o.value === value ? 'chip chip-on' : 'chip'}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
