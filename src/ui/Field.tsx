import type { ComponentChildren } from 'preact';
import { useFieldId } from './fieldId';

interface Common {
  label: string;
  hint?: string;
  /** What to do to fix the value, shown under the label and hint (GOV.UK's order) and read out with the field. */
  error?: string;
  /** Where the value sits in the form ("context.date"): gives the field a known id, for an error summary's link. */
  path?: string;
}

/** Label, hint and error wired to the control by id, so screen readers announce all three. */
function Frame({ id, label, hint, error, children }: Omit<Common, 'path'> & { id: string; children: ComponentChildren }) {
  return (
    <div class={`field ${error ? 'field-error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-text" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

type InputProps = Common & {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'date' | 'time' | 'tel' | 'email' | 'url' | 'search' | 'password';
  required?: boolean;
  autoComplete?: string;
  name?: string;
  /** The keyboard a tablet shows, e.g. 'numeric' for a whole number. */
  inputMode?: 'numeric' | 'email' | 'text';
};

export function TextField({ label, hint, error, path, value, onValue, type = 'text', required, autoComplete, name, inputMode }: InputProps) {
  const id = useFieldId(path);
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type as 'text'}
        value={value}
        required={required}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </Frame>
  );
}

type AreaProps = Common & { value: string; onValue: (value: string) => void; rows?: number; name?: string };

export function TextArea({ label, hint, error, path, value, onValue, rows = 4, name }: AreaProps) {
  const id = useFieldId(path);
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
    </Frame>
  );
}

type SelectProps = Common & {
  value: string;
  onValue: (value: string) => void;
  options: Array<{ value: string; label: string }>;
  name?: string;
};

export function SelectField({ label, hint, error, path, value, onValue, options, name }: SelectProps) {
  const id = useFieldId(path);
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onValue(e.currentTarget.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function CheckboxField({ label, checked, onChecked }: { label: string; checked: boolean; onChecked: (v: boolean) => void }) {
  const id = useFieldId();
  return (
    <div class="field field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChecked(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}
