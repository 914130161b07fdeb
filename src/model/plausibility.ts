import { addDays, isDay } from './dates';
import { noteHasContent, type VisitNoteBody } from './visitNote';

/**
 * What looks like a slip rather than a fact: a visit next year, an end before the start, an agreement due in the
 * past. Never a refusal: the form asks once ("Klopt dit?") and saves what the person confirms, since a late
 * write-up or an odd hour can be true. Dates are Brussels days (YYYY-MM-DD), `today` included.
 */
export type WarningCode = 'visitAhead' | 'endBeforeStart' | 'dueInPast' | 'emptyNote';

export interface Warning {
  /** The field the question is about, as a path in the form's values (e.g. "afspraken.0.due"). */
  path: string;
  code: WarningCode;
}

/** A note may be written the evening before an early visit; more than a day ahead is a typing slip. */
export const VISIT_DAYS_AHEAD = 1;

export function visitNoteWarnings(body: VisitNoteBody, today: string): Warning[] {
  const warnings: Warning[] = [];
  const { date, startTime, endTime } = body.context;
  if (isDay(date) && date > addDays(today, VISIT_DAYS_AHEAD)) warnings.push({ path: 'context.date', code: 'visitAhead' });
  // HH:MM strings compare as times; a visit past midnight is rare enough to ask about.
  if (startTime && endTime && endTime < startTime) warnings.push({ path: 'context.endTime', code: 'endBeforeStart' });
  // Where the text of a note starts; the timeline lists a note by this reason.
  if (!noteHasContent(body)) warnings.push({ path: 'context.reason', code: 'emptyNote' });
  body.afspraken.forEach((a, i) => {
    if (isPast(a.due, today)) warnings.push({ path: `afspraken.${i}.due`, code: 'dueInPast' });
  });
  if (isPast(body.opvolging.nextContactDate, today)) warnings.push({ path: 'opvolging.nextContactDate', code: 'dueInPast' });
  return warnings;
}

/** A follow-up due before today lands among the overdue ones the moment it is saved. */
export function followUpWarnings(input: { dueDate: string }, today: string): Warning[] {
  return isPast(input.dueDate, today) ? [{ path: 'dueDate', code: 'dueInPast' }] : [];
}

function isPast(day: string, today: string): boolean {
  return isDay(day) && day < today;
}
