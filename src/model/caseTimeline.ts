import { brusselsDay } from './dates';
import type { FollowUp } from './followUp';
import { compareCodeUnits } from './order';
import type { VisitNote } from './visitNote';

export type TimelineItem = { kind: 'note'; day: string; note: VisitNote } | { kind: 'followUp'; day: string; followUp: FollowUp };

/** The day a done follow-up belongs to on the timeline: when it was done, or its due day if that is unknown. */
function doneDay(f: FollowUp): string {
  return f.doneAt ? brusselsDay(new Date(f.doneAt)) : f.dueDate;
}

/**
 * What happened in a case, newest day first: visit notes and follow-ups that were done. Open follow-ups are
 * not history; the case screen lists them apart. When older notes are not loaded (`allNotes` false), done
 * follow-ups from before the oldest loaded note are left out as well, so the timeline never skips a stretch.
 * On one day, the notes come first (a visit usually leads to the follow-ups done that day).
 */
export function caseTimeline(notes: VisitNote[], followUps: FollowUp[], allNotes: boolean): TimelineItem[] {
  const oldestLoaded = notes.reduce<string | null>((min, n) => (min === null || n.date < min ? n.date : min), null);
  const items: TimelineItem[] = notes.map((note) => ({ kind: 'note', day: note.date, note }));
  for (const followUp of followUps) {
    if (followUp.status !== 'done') continue;
    const day = doneDay(followUp);
    if (!allNotes && oldestLoaded !== null && day < oldestLoaded) continue;
    items.push({ kind: 'followUp', day, followUp });
  }
  const id = (item: TimelineItem) => (item.kind === 'note' ? item.note.id : item.followUp.id);
  return items.sort(
    (a, b) => compareCodeUnits(b.day, a.day) || (a.kind === b.kind ? compareCodeUnits(id(b), id(a)) : a.kind === 'note' ? -1 : 1),
  );
}
