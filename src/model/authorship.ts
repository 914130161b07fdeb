import type { FieldStamp } from './rows';

/**
 * Who added a shared row (a partner, a practice example) and who changed it last, from the per-field stamps the
 * server keeps: the oldest stamp is the create, the newest the last edit. A row only on this device has none.
 */
export function authorship(fields: Record<string, FieldStamp> | undefined): { author: string; editor: string; editedAt: string } | null {
  const stamps = Object.values(fields ?? {});
  if (stamps.length === 0) return null;
  const byVersion = [...stamps].sort((a, b) => a.version - b.version);
  const first = byVersion[0]!;
  const last = byVersion[byVersion.length - 1]!;
  return { author: first.by, editor: last.by, editedAt: last.at };
}
