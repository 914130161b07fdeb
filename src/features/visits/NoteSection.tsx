import { Fragment } from 'preact';

export type Pair = [label: string, value: string];

/**
 * One section of a saved note as label–value pairs; empty values are left out. Every section's list shares one
 * label column width (.note-view .kv in app.css), so the values line up down the whole note.
 */
export function NoteSection({ title, pairs }: { title: string; pairs: Pair[] }) {
  const filled = pairs.filter(([, v]) => v.trim() !== '');
  if (filled.length === 0) return null;
  return (
    <section>
      <h2>{title}</h2>
      <dl class="kv">
        {filled.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
