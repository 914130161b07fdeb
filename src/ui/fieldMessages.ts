/**
 * A message about one field of a form: an error that stops a save, or a question about a value that looks like a
 * slip. `path` is where the value sits in the form ("context.date"), the same path the field is given, so a summary
 * can link to it; a message without a path is about the form as a whole.
 */
export interface FieldMessage {
  path?: string;
  message: string;
}

/** The messages by path, for the fields: each shows its own under its label. */
export function messagesByPath(messages: FieldMessage[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const { path, message } of messages) if (path !== undefined && !(path in byPath)) byPath[path] = message;
  return byPath;
}

/**
 * Takes a summary's link to its field: the whole field (label and hint above it) is brought to the middle of the
 * screen, clear of a sticky action bar, and the control gets the focus, so typing can start at once.
 */
export function focusField(id: string): void {
  const control = document.getElementById(id);
  if (!control) return;
  (control.closest('.field') ?? control).scrollIntoView({ block: 'center' });
  control.focus({ preventScroll: true });
}
