import { compareCodeUnits } from './order';
import * as v from 'valibot';
import type { Row } from './rows';
import { day, requiredShort, shortText } from './validation';

export const FOLLOW_UP_KINDS = ['contact', 'task', 'referral', 'document'] as const;

/** The kinds of next contact a visit note plans ('' is unsaid), as in the note's opvolging section. */
export const CONTACT_TYPES = ['', 'homeVisit', 'office', 'phone'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/**
 * What a follow-up the app wrote itself is about, without words: shown in the reader's language (the stored
 * title, in the writer's language, is what older app versions and rows without a topic show).
 */
export const FollowUpTopicSchema = v.variant('key', [
  v.object({ key: v.literal('nextContact'), contactType: v.picklist(CONTACT_TYPES) }),
  v.object({ key: v.literal('referral'), partner: shortText }),
  v.object({ key: v.literal('documents') }),
]);
export type FollowUpTopic = v.InferOutput<typeof FollowUpTopicSchema>;

export const FollowUpBodySchema = v.object({
  title: requiredShort,
  who: shortText,
  kind: v.picklist(FOLLOW_UP_KINDS),
  topic: v.optional(FollowUpTopicSchema),
});
export type FollowUpBody = v.InferOutput<typeof FollowUpBodySchema>;

export const NewFollowUpSchema = v.object({ dueDate: day, body: FollowUpBodySchema });

export interface FollowUp extends Row<FollowUpBody> {
  caseId: string;
  dueDate: string;
  status: 'open' | 'done';
  doneAt: string;
  /** The visit note that agreed it, if any. */
  noteId: string;
}

export type FollowUpBucket = 'overdue' | 'today' | 'upcoming' | 'done';

/** Where a follow-up belongs on the follow-ups screen, given today's Brussels day. */
export function followUpBucket(f: Pick<FollowUp, 'status' | 'dueDate'>, today: string): FollowUpBucket {
  if (f.status === 'done') return 'done';
  if (f.dueDate < today) return 'overdue';
  if (f.dueDate === today) return 'today';
  return 'upcoming';
}

export function groupFollowUps<F extends Pick<FollowUp, 'status' | 'dueDate'>>(
  items: F[],
  today: string,
): Record<FollowUpBucket, F[]> {
  const groups: Record<FollowUpBucket, F[]> = { overdue: [], today: [], upcoming: [], done: [] };
  for (const item of items) groups[followUpBucket(item, today)].push(item);
  for (const bucket of ['overdue', 'today', 'upcoming'] as const) {
    groups[bucket].sort((a, b) => compareCodeUnits(a.dueDate, b.dueDate));
  }
  groups.done.sort((a, b) => compareCodeUnits(b.dueDate, a.dueDate));
  return groups;
}
