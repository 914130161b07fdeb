import type { ComponentChildren } from 'preact';
import { useFieldId } from './fieldId';

interface Props {
  label: string;
  open: boolean;
  onToggle: () => void;
  children: ComponentChildren;
}

/**
 * A button that shows or hides what follows it. The hidden part stays in the page (`hidden`), so `aria-controls`
 * always names an element; the state is in `aria-expanded` and in the arrow, not in colour.
 */
export function Disclosure({ label, open, onToggle, children }: Props) {
  const id = useFieldId();
  return (
    <div class="disclosure">
      <button type="button" class="btn btn-secondary" aria-expanded={open} aria-controls={id} onClick={onToggle}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
        {label}
      </button>
      <div id={id} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
