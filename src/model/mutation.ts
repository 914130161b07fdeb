import type { CaseBody, CaseFile, CaseStatus } from './caseFile';
import type { Example, ExampleBody } from './example';
import type { FollowUp } from './followUp';
import type { Partner, PartnerBody } from './partner';
import type { VisitNote } from './visitNote';

/**
 * Intent-level changes, as the user meant them. Each one is queued in the outbox in the same transaction
 * as its local effect; sync sends them to the server later.
 */
export type Mutation =
  | { type: 'case.create'; row: CaseFile }
  | { type: 'case.setFields'; id: string; fields: Partial<CaseBody> }
  | { type: 'case.transition'; id: string; status: CaseStatus }
  | { type: 'note.add'; row: VisitNote }
  | { type: 'followUp.add'; row: FollowUp }
  | { type: 'followUp.complete'; id: string; doneAt: string }
  | { type: 'followUp.reopen'; id: string }
  | { type: 'partner.create'; row: Partner }
  | { type: 'partner.setFields'; id: string; fields: Partial<PartnerBody>; themes?: string[] }
  | { type: 'example.create'; row: Example }
  | { type: 'example.setFields'; id: string; fields: Partial<ExampleBody>; themes?: string[] };

export type MutationType = Mutation['type'];

export interface OutboxEntry {
  /** Local order of the queue (auto-incremented); becomes the per-client sequence on the wire. */
  seq?: number;
  mutationId: string;
  createdAt: string;
  status: 'pending' | 'needsAttention';
  /** Holds client data for most types: encryption wraps it together with the row bodies. */
  mutation: Mutation;
}

/** The fields of `next` that differ from `prev`: what a setFields mutation carries. */
export function changedFields<T extends object>(prev: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    if (JSON.stringify(prev[key]) !== JSON.stringify(next[key])) out[key] = next[key];
  }
  return out;
}
