import { addDays } from './dates';
import type { ContactType, FollowUpBody } from './followUp';
import type { VisitNoteBody } from './visitNote';

export interface PlannedFollowUp {
  dueDate: string;
  body: FollowUpBody;
}

/** Translated titles for follow-ups that a note creates; the model stays free of UI text. */
export interface FollowUpTitles {
  nextContact: (type: ContactType) => string;
  referral: (partnerName: string) => string;
  documents: string;
}

/** Days after the visit to check that a referral arrived, when no next contact was planned. */
export const REFERRAL_CHECK_DAYS = 7;

/**
 * What a saved visit note puts on the follow-up list: every agreement with a date, the next contact,
 * a check on each referral (a warm referral is followed up), and the documents still to get.
 */
export function plannedFollowUps(note: VisitNoteBody, titles: FollowUpTitles): PlannedFollowUp[] {
  const visitDay = note.context.date;
  const next = note.opvolging.nextContactDate;
  const checkDay = next || addDays(visitDay, REFERRAL_CHECK_DAYS);
  const planned: PlannedFollowUp[] = [];
  for (const a of note.afspraken) {
    if (a.due && a.what.trim()) {
      planned.push({ dueDate: a.due, body: { title: clip(a.what), who: a.who, kind: 'task' } });
    }
  }
  if (next) {
    planned.push({ dueDate: next, body: { title: clip(titles.nextContact(note.opvolging.nextContactType)), who: '', kind: 'contact', topic: { key: 'nextContact', contactType: note.opvolging.nextContactType } } });
  }
  for (const r of note.opvolging.referrals) {
    planned.push({ dueDate: checkDay, body: { title: clip(titles.referral(r.partnerName)), who: '', kind: 'referral', topic: { key: 'referral', partner: r.partnerName } } });
  }
  if (note.opvolging.documents.trim()) {
    planned.push({ dueDate: checkDay, body: { title: clip(titles.documents), who: '', kind: 'document', topic: { key: 'documents' } } });
  }
  return planned;
}

/**
 * A follow-up's title as the reader should see it: one the app wrote (it has a topic) in the reader's language,
 * one a person typed (or an older row without a topic) as it was written.
 */
export function shownTitle(body: Pick<FollowUpBody, 'title' | 'topic'>, titles: FollowUpTitles): string {
  const topic = body.topic;
  if (!topic) return body.title;
  if (topic.key === 'nextContact') return clip(titles.nextContact(topic.contactType));
  if (topic.key === 'referral') return clip(titles.referral(topic.partner));
  return clip(titles.documents);
}

/** Follow-up titles are one line; an agreement's long text stays in the note itself. */
function clip(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
