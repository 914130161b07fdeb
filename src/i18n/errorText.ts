import { isAppError } from '../model/appError';
import type { Problem } from '../model/validation';
import { t } from './i18n';

/** One sentence for the user: what happened and what to do. Never a stack trace or a code. */
export function errorText(error: unknown): string {
  if (!isAppError(error)) return t('errors.unknown');
  return t(`errors.${error.code}`);
}

/** What a form knows of one of its fields, to say what to do about a problem with it. */
export interface FieldWords {
  /** The field's label as on screen, for messages that must name it ("Maak ‘Plaats’ korter …"). */
  label: string;
  /** The kind of value: picks the example of the expected form ("zoals 0470 12 34 56"). */
  kind?: 'text' | 'date' | 'time' | 'phone' | 'email' | 'postalCode' | 'website';
  /** What to do when it is empty, in the field's own words ("Vul de datum van het bezoek in."). */
  required?: string;
}

/**
 * What to do about a problem with one field, in words that work under the field and in the summary alike: a
 * required field says what to fill in, a value in the wrong form shows the form expected, a long text its limit.
 */
export function fieldProblemText(problem: Problem, field: FieldWords): string {
  const name = { field: field.label };
  if (problem.code === 'required') return field.required ?? t('fieldProblems.required', name);
  if (problem.code === 'tooLong') return t('fieldProblems.tooLong', { ...name, max: problem.max ?? 0 });
  const kind = field.kind ?? 'text';
  return t(`fieldProblems.${kind}`, name);
}

/** The field messages of a save refused by the store's own check (AppError 'invalidInput'); null for any other failure. */
export function fieldProblemsOf(error: unknown, words: (path: string) => FieldWords): Array<{ path: string; message: string }> | null {
  if (!isAppError(error) || error.code !== 'invalidInput' || error.problems.length === 0) return null;
  return error.problems.map((p) => ({ path: p.path, message: fieldProblemText(p, words(p.path)) }));
}

/**
 * Why a save failed and what to do ("Bewaren lukte niet. Het geheugen van dit toestel is vol. …"). The error texts
 * never say that the typed text is safe: the form adds that once, and only where it is true.
 */
export function saveFailureText(error: unknown): string {
  return t('formCheck.saveFailed', { reason: errorText(error) });
}

export function isQuotaExceeded(error: unknown): boolean {
  return isAppError(error) && error.code === 'quotaExceeded';
}
