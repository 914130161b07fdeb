import { changedPaths } from './changes';
import type { CaseBody, CaseFile, CaseStatus } from './caseFile';
import type { Example, ExampleBody } from './example';
import type { FollowUp } from './followUp';
import type { Answers, InstrumentRun, RunStatus } from './instrumentRun';
import type { NoteAddendum } from './noteAddendum';
import type { Partner, PartnerBody } from './partner';
import type { Theme } from './themes';
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
  /** An aanvulling of rechtzetting under a saved note (model/noteAddendum): a new row of the notes collection. */
  | { type: 'note.addAddendum'; row: NoteAddendum }
  | { type: 'followUp.add'; row: FollowUp }
  | { type: 'followUp.complete'; id: string; doneAt: string }
  | { type: 'followUp.reopen'; id: string }
  | { type: 'partner.create'; row: Partner }
  | { type: 'partner.setFields'; id: string; fields: Partial<PartnerBody>; themes?: Theme[] }
  | { type: 'example.create'; row: Example }
  | { type: 'example.setFields'; id: string; fields: Partial<ExampleBody>; themes?: Theme[] }
  | { type: 'instrumentRun.start'; row: InstrumentRun }
  | { type: 'instrumentRun.setAnswers'; id: string; answers: Answers }
  | { type: 'instrumentRun.setStatus'; id: string; status: RunStatus };

export type MutationType = Mutation['type'];

/** For each changed path, the server version this device had seen (0: never synced). How conflicts are found. */
export function baseVersions(m: Mutation, prev: { fields?: Record<string, { version: number }> } | undefined): Record<string, number> {
  return Object.fromEntries(changedPaths(m).map((path) => [path, prev?.fields?.[path]?.version ?? 0]));
}

export interface OutboxEntry {
  /** Local order of the queue (auto-incremented); becomes the per-client sequence on the wire. */
  seq?: number;
  mutationId: string;
  createdAt: string;
  /**
   * 'pending': to be sent. 'needsAttention': refused, shown with its text until the person retries or discards
   * it. 'discarded': the person let it go before the server had answered it; only its place is still sent.
   */
  status: 'pending' | 'needsAttention' | 'discarded';
  /**
   * Set aside on this device before the server answered it (its team was taken away, or it cannot be sent at
   * all): its number goes to the server as withdrawn, so the changes after it are not held back (see protocol).
   */
  withdraw?: true;
  /** Holds client data for most types: encryption wraps it together with the row bodies. */
  mutation: Mutation;
  /** Per changed field path, the server version the change was based on (see baseVersions). */
  base: Record<string, number>;
  /** Why the server refused it, as a stable code the app explains ('forbidden', 'invalid', 'notFound' …). */
  error?: string;
}

/** The fields of `next` that differ from `prev`: what a setFields mutation carries. */
export function changedFields<T extends object>(prev: T, next: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    if (JSON.stringify(prev[key]) !== JSON.stringify(next[key])) out[key] = next[key];
  }
  return out;
}

/**
 * What an edit of a themed row (partner, example) changes: the body fields that differ and the themes if they
 * differ, or null when nothing does (no write, no queued change).
 */
export function themedEdit<B extends object>(
  prev: { body: B; themes: Theme[] },
  next: { body: B; themes: Theme[] },
): { fields: Partial<B>; themes?: Theme[] } | null {
  const fields = changedFields(prev.body, next.body);
  const themesChanged = prev.themes.join() !== next.themes.join();
  if (Object.keys(fields).length === 0 && !themesChanged) return null;
  return { fields, ...(themesChanged ? { themes: next.themes } : {}) };
}
