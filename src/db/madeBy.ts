import { colleagueNames } from './meta';
import { authorship } from '../model/authorship';
import type { FieldStamp } from '../model/rows';

/** The names behind a shared row's authorship (see model/authorship), for the partner and example screens. */
export async function madeBy(fields: Record<string, FieldStamp> | undefined): Promise<{ author: string | null; editor: string | null; editedAt: string } | null> {
  const made = authorship(fields);
  if (!made) return null;
  const names = await colleagueNames();
  return { author: names.get(made.author) ?? null, editor: made.editor === made.author ? null : (names.get(made.editor) ?? null), editedAt: made.editedAt };
}
