import { CheckboxField } from './Field';

interface Props {
  legend: string;
  options: Array<{ value: string; label: string }>;
  selected: string[];
  onChange: (selected: string[]) => void;
}

/** A labelled group of checkboxes for picking several values (e.g. themes). Keeps the options' order. */
export function CheckboxGroup({ legend, options, selected, onChange }: Props) {
  const toggle = (value: string, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : selected.includes(v))));
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div class="field-row">
        {options.map((o) => (
          <CheckboxField key={o.value} label={o.label} checked={selected.includes(o.value)} onChecked={(on) => toggle(o.value, on)} />
        ))}
      </div>
    </fieldset>
  );
}
