/** What every section of the visit note form receives: its part of the note, a setter, and field problems. */
export interface SectionProps<T> {
  value: T;
  onChange: (value: T) => void;
  /** Problems keyed by full path in the note, e.g. "context.place". */
  problems: Record<string, string>;
}
