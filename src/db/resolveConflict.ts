import { db, write } from './connection';
import type { EditableCollection } from './conflicts';
import { queue } from './outbox';
import { AppError } from '../model/appError';
import { settingField } from '../model/changeEdits';
import type { Row } from '../model/rows';

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
    await queue(settingField(collection, id, field, value), now, prev);
  });
}
