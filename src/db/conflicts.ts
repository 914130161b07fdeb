import { db, read, write } from './connection';
import { queue } from './outbox';
import { AppError } from '../model/appError';
import type { Answers } from '../model/instrumentRun';
import type { Mutation } from '../model/mutation';
import type { Row, RowConflict } from '../model/rows';
import type { Theme } from '../model/themes';

/** Tables whose rows can be edited field by field, and so can hold conflicts. */
const EDITABLE = ['cases', 'partners', 'examples', 'instrumentRuns'] as const;
export type EditableCollection = (typeof EDITABLE)[number];

export interface ConflictItem {
  collection: EditableCollection;
  id: string;
  /** What the user recognises the row by: the case label, the partner's or example's name. */
  title: string;
  conflict: RowConflict;
}

/** Every open conflict on this device, for the conflicts screen and the count in the header. */
export function listConflicts(): Promise<ConflictItem[]> {
  return read(async () => {
    const items: ConflictItem[] = [];
    for (const collection of EDITABLE) {
      const rows = (await db()[collection].filter((r) => (r.conflicts?.length ?? 0) > 0).toArray()) as Array<Row<Record<string, unknown>>>;
      for (const row of rows) {
        const title = String(row.body.label ?? row.body.name ?? row.body.title ?? row.id);
        for (const conflict of row.conflicts ?? []) items.push({ collection, id: row.id, title, conflict });
      }
    }
    return items;
  });
}

/**
 * Settles one conflict with the chosen value: the row shows it at once, the conflict disappears, and a change
 * based on the kept value's version is queued, so the server applies it and clears its copy of the conflict.
 */
export function resolveConflict(collection: EditableCollection, id: string, field: string, value: unknown, now = new Date()): Promise<void> {
  return write([collection, 'outbox'], async () => {
    const table = db()[collection];
    const prev = (await table.get(id)) as Row<Record<string, unknown>> | undefined;
    if (!prev) throw new AppError('notFound');
    const conflicts = (prev.conflicts ?? []).filter((c) => c.field !== field);
    const next = { ...prev, conflicts, updatedAt: now.toISOString() } as Row<Record<string, unknown>> & Record<string, unknown>;
    if (field.startsWith('body.')) next.body = { ...prev.body, [field.slice(5)]: value };
    else next[field] = value;
    await (table as unknown as { put(row: unknown): Promise<unknown> }).put(next);
    await queue(resolution(collection, id, field, value), now, prev);
  });
}

function resolution(collection: EditableCollection, id: string, field: string, value: unknown): Mutation {
  const fields = field.startsWith('body.') ? { [field.slice(5)]: value } : {};
  if (collection === 'instrumentRuns') {
    if (field === 'status') return { type: 'instrumentRun.setStatus', id, status: value as 'open' | 'done' };
    return { type: 'instrumentRun.setAnswers', id, answers: fields as Answers };
  }
  if (collection === 'cases') {
    if (field === 'status') return { type: 'case.transition', id, status: value as 'open' | 'closed' };
    return { type: 'case.setFields', id, fields };
  }
  const themes = field === 'themes' ? { themes: value as Theme[] } : {};
  return collection === 'partners'
    ? { type: 'partner.setFields', id, fields, ...themes }
    : { type: 'example.setFields', id, fields, ...themes };
}
