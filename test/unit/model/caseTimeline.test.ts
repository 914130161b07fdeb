import { describe, expect, it } from 'vitest';
import { caseTimeline } from '../../../src/model/caseTimeline';
import type { FollowUp } from '../../../src/model/followUp';
import type { VisitNote } from '../../../src/model/visitNote';

const note = (id: string, date: string) => ({ id, date }) as VisitNote;
const followUp = (id: string, status: 'open' | 'done', dueDate: string, doneAt = '') => ({ id, status, dueDate, doneAt }) as FollowUp;
const ids = (items: ReturnType<typeof caseTimeline>) => items.map((i) => (i.kind === 'note' ? `n:${i.note.id}@${i.day}` : `f:${i.followUp.id}@${i.day}`));

describe('caseTimeline', () => {
  it.each([
    { name: 'nothing', notes: [], followUps: [], all: true, want: [] },
    {
      name: 'notes newest day first',
      notes: [note('a', '2026-03-01'), note('b', '2026-05-01'), note('c', '2026-04-01')],
      followUps: [],
      all: true,
      want: ['n:b@2026-05-01', 'n:c@2026-04-01', 'n:a@2026-03-01'],
    },
    {
      name: 'open follow-ups are not history',
      notes: [note('a', '2026-03-01')],
      followUps: [followUp('x', 'open', '2026-03-05')],
      all: true,
      want: ['n:a@2026-03-01'],
    },
    {
      // 2026-03-04T23:30Z is 5 March in Brussels.
      name: 'a done follow-up sits on the Brussels day it was done',
      notes: [note('a', '2026-03-01'), note('b', '2026-03-10')],
      followUps: [followUp('x', 'done', '2026-03-20', '2026-03-04T23:30:00.000Z')],
      all: true,
      want: ['n:b@2026-03-10', 'f:x@2026-03-05', 'n:a@2026-03-01'],
    },
    {
      name: 'without a done time, on its due day',
      notes: [note('a', '2026-03-01')],
      followUps: [followUp('x', 'done', '2026-02-01')],
      all: true,
      want: ['n:a@2026-03-01', 'f:x@2026-02-01'],
    },
    {
      name: 'on one day the note comes first',
      notes: [note('a', '2026-03-01')],
      followUps: [followUp('x', 'done', '2026-03-01')],
      all: true,
      want: ['n:a@2026-03-01', 'f:x@2026-03-01'],
    },
    {
      name: 'older notes not loaded: no follow-ups from before the oldest loaded note',
      notes: [note('b', '2026-03-10'), note('a', '2026-03-01')],
      followUps: [followUp('x', 'done', '2026-02-01'), followUp('y', 'done', '2026-03-01'), followUp('z', 'done', '2026-03-05')],
      all: false,
      want: ['n:b@2026-03-10', 'f:z@2026-03-05', 'n:a@2026-03-01', 'f:y@2026-03-01'],
    },
  ])('$name', ({ notes, followUps, all, want }) => {
    expect(ids(caseTimeline(notes, followUps, all))).toEqual(want);
  });
});
