import { useContext } from 'preact/hooks';
import { fieldDomId, IdScope } from './fieldId';
import { focusField, type FieldMessage } from './fieldMessages';

/** The messages of a summary, each a link to its field (a message without a field stays plain text). */
export function FieldLinks({ items }: { items: FieldMessage[] }) {
  const scope = useContext(IdScope);
  return (
    <ul class="form-summary-list">
      {items.map(({ path, message }, i) => {
        if (path === undefined) return <li key={`${i}:${message}`}>{message}</li>;
        const id = fieldDomId(scope, path);
        const go = (e: MouseEvent) => {
          e.preventDefault();
          focusField(id);
        };
        return (
          <li key={`${i}:${path}`}>
            <a href={`#${id}`} onClick={go}>
              {message}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
