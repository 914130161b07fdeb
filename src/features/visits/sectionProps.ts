/** What every section of the visit note form receives: its part of the note, a setter, and its fields' ids and errors. */
export interface SectionProps<T> {
  value: T;
  onChange: (value: T) => void;
  /**
   * The props that tie a field to its place in the note (full path, e.g. "context.place"): its id, which the error
   * summary links to, and its error message, if any.
   */
  at: (path: string) => { path: string; error?: string };
}
