import * as v from 'valibot';
import { CreatePersonBodySchema, ORG_SETTINGS_BOUNDS, TeamBodySchema, type CreatePersonBody, type OrgSettings } from '../../model/admin';

/**
 * The admin forms' checks before anything is sent, with the same schemas the server parses with, so a form
 * never says "fine" to what the server refuses. Each problem is a code; the form puts it in words.
 */
export type FieldProblem = 'required' | 'email' | 'tooLong' | 'choose';

function firstProblems(issues: v.BaseIssue<unknown>[]): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const issue of issues) {
    const key = issue.path?.[0]?.key;
    if (typeof key !== 'string' || problems[key]) continue;
    problems[key] = issue.type === 'min_length' ? 'required' : issue.type === 'max_length' ? 'tooLong' : issue.type === 'email' ? 'email' : 'choose';
  }
  return problems;
}

export function newPersonProblems(input: CreatePersonBody): Partial<Record<keyof CreatePersonBody, FieldProblem>> {
  const result = v.safeParse(CreatePersonBodySchema, input);
  const problems = result.success ? {} : firstProblems(result.issues);
  // An empty address is a missing one, not a malformed one.
  if (input.email.trim() === '') problems.email = 'required';
  return problems;
}

export function teamNameProblem(name: string): FieldProblem | null {
  const result = v.safeParse(TeamBodySchema, { name });
  return result.success ? null : (firstProblems(result.issues).name ?? 'required');
}

export type SettingsKey = keyof OrgSettings;
export const SETTINGS_KEYS = Object.keys(ORG_SETTINGS_BOUNDS) as SettingsKey[];
/** The settings as typed: text until it reads as a whole number within its bounds. */
export type SettingsInput = Record<SettingsKey, string>;

export function settingsInput(settings: OrgSettings): SettingsInput {
  return {
    screenLockMinutes: String(settings.screenLockMinutes),
    fullLockMinutes: String(settings.fullLockMinutes),
    noteRetentionYears: String(settings.noteRetentionYears),
    sessionMaxDays: String(settings.sessionMaxDays),
  };
}

/** The settings to send, or the fields that are not a whole number within their bounds. */
export function readSettings(input: SettingsInput): { settings: OrgSettings } | { outOfBounds: SettingsKey[] } {
  const outOfBounds = SETTINGS_KEYS.filter((key) => {
    const text = input[key].trim();
    const n = Number(text);
    return !/^\d+$/.test(text) || n < ORG_SETTINGS_BOUNDS[key].min || n > ORG_SETTINGS_BOUNDS[key].max;
  });
  if (outOfBounds.length > 0) return { outOfBounds };
  return {
    settings: {
      screenLockMinutes: Number(input.screenLockMinutes),
      fullLockMinutes: Number(input.fullLockMinutes),
      noteRetentionYears: Number(input.noteRetentionYears),
      sessionMaxDays: Number(input.sessionMaxDays),
    },
  };
}
