import { isAppError } from '../model/appError';
import type { Problem } from '../model/validation';
import { t } from './i18n';

/** One sentence for the user: what happened and what to do. Never a stack trace or a code. */
export function errorText(error: unknown): string {
  if (!isAppError(error)) return t('errors.unknown');
  return t(`errors.${error.code}`);
}

/** The message to show beside one field, e.g. "Dit veld is te lang: hoogstens 20000 tekens." */
export function problemText(problem: Problem): string {
  if (problem.code === 'tooLong') return t('problems.tooLong', { max: problem.max ?? 0 });
  return t(`problems.${problem.code}`);
}

/** Problems keyed by field path, so each field can show its own message. */
export function problemsByPath(error: unknown): Record<string, string> {
  if (!isAppError(error)) return {};
  return Object.fromEntries(error.problems.map((p) => [p.path, problemText(p)]));
}
