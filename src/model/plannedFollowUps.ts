import { addDays } from './dates';
import type { FollowUpBody } from './followUp';
import type { VisitNoteBody } from './visitNote';

export interface PlannedFollowUp {
  dueDate: string;
  body: FollowUpBody;
}

/** Translated titles for follow-ups that a note creates; the model stays free of UI text. */
export interface FollowUpTitles {
  nextContact: (type: string) => string;
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
    planned.push({ dueDate: next, body: { title: clip(titles.nextContact(note.opvolging.nextContactType)), who: '', kind: 'contact' } });
  }
  for (const r of note.opvolging.referrals) {
    planned.push({ dueDate: checkDay, body: { title: clip(titles.referral(r.partnerName)), who: '', kind: 'referral' } });
  }
  if (note.opvolging.documents.trim()) {
    planned.push({ dueDate: checkDay, body: { title: clip(titles.documents), who: '', kind: 'document' } });
  }
  return planned;
}

/** Follow-up titles are one line; an agreement's long text stays in the note itself. */
function clip(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
