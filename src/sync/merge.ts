/**
 * Per-field merge, the heart of sync. Pure: the server applies it to stored rows, the tests run it as a table.
 *
 * Every field of a synced row carries the server version at which it was last set, who set it and when.
 * A change says, per field, which version it was based on. If the field has not moved since, the change
 * applies. If it has moved to the same value, nothing happens. Otherwise the stored value stays and the
 * change becomes a visible conflict: never a silent last-writer-wins.
 *
 * Two refinements make "saw" exact:
 * - A device has always seen its own earlier changes (it made them, in outbox order). A field last set by the
 *   same device (`client`) therefore counts as seen, whatever base it sent: changing a field twice offline is
 *   no conflict with yourself.
 * - Recording a conflict moves the field's version (the value stays) and clears its `client`: a change from
 *   anyone who has not yet pulled the conflict, its own proposer included, is based on an older version and
 *   is added as one more proposal instead of silently settling a conflict its author never saw.
 */
import { compareCodeUnits } from '../model/order';
import type { FieldStamp, RowConflict } from '../model/rows';

export type { FieldStamp };
/** A conflict as a row keeps it (see model/rows RowConflict). */
export type Conflict = RowConflict;

export interface MergeState {
  data: Record<string, unknown>;
  fields: Record<string, FieldStamp>;
  conflicts: Conflict[];
}

export interface FieldChange {
  fields: Record<string, unknown>;
  /** Per field, the version the author saw. 0 = the author never saw the field set. */
  base: Record<string, number>;
  by: string;
  at: string;
  /** The device that made the change. */
  client?: string;
}

export interface MergeResult {
  state: MergeState;
  applied: string[];
  conflicted: string[];
}

export function mergeFields(current: MergeState, change: FieldChange, newVersion: number): MergeResult {
  const data = { ...current.data };
  const fields = { ...current.fields };
  const conflicts = [...current.conflicts];
  const applied: string[] = [];
  const conflicted: string[] = [];
  for (const [field, value] of Object.entries(change.fields)) {
    const stamp = fields[field];
    const seen = change.base[field] ?? 0;
    const ownLastChange = stamp?.client !== undefined && stamp.client === change.client;
    if (!stamp || stamp.version <= seen || ownLastChange) {
      data[field] = value;
      fields[field] = { version: newVersion, by: change.by, at: change.at, ...(change.client ? { client: change.client } : {}) };
      // A newer decision on the field settles every open conflict on it.
      removeConflicts(conflicts, field);
      applied.push(field);
    } else if (sameValue(data[field], value)) {
      continue;
    } else {
      // A second proposal for a field already in conflict is added beside the first, never in its place:
      // replacing it would drop the first proposal without anyone having seen it go.
      const known = conflicts.some((c) => c.field === field && sameValue(c.proposed.value, value));
      if (!known) conflicts.push({ field, kept: { value: data[field], version: stamp.version, by: stamp.by, at: stamp.at }, proposed: { value, by: change.by, at: change.at } });
      // The field moves on (see the top): whoever decides it next must have seen this conflict.
      fields[field] = { version: newVersion, by: stamp.by, at: stamp.at };
      conflicted.push(field);
    }
  }
  return { state: { data, fields, conflicts }, applied, conflicted };
}

/**
 * Resolving a conflict is an ordinary change based on the field's version as the resolver pulled it (with the
 * conflict on it): it applies and clears every proposal on the field.
 */
export function resolutionChange(state: MergeState, conflict: Conflict, value: unknown, by: string, at: string): FieldChange {
  return { fields: { [conflict.field]: value }, base: { [conflict.field]: state.fields[conflict.field]?.version ?? 0 }, by, at };
}

function removeConflicts(conflicts: Conflict[], field: string): void {
  for (let i = conflicts.length - 1; i >= 0; i--) if (conflicts[i]!.field === field) conflicts.splice(i, 1);
}

/** Values are JSON: compare them as JSON, with object keys in a stable order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => compareCodeUnits(x, y)))
      : v,
  );
}
