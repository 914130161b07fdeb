import { describe, expect, it } from 'vitest';
import { followUpBucket, groupFollowUps, type FollowUpBucket } from '../../../src/model/followUp';

const TODAY = '2026-11-27';

describe('followUpBucket', () => {
  const cases: Array<[status: 'open' | 'done', due: string, expected: FollowUpBucket]> = [
    ['open', '2026-11-26', 'overdue'],
    ['open', '2025-01-01', 'overdue'],
    ['open', '2026-11-27', 'today'],
    ['open', '2026-11-28', 'upcoming'],
    ['done', '2026-11-01', 'done'],
    ['done', '2026-12-01', 'done'],
  ];
  it.each(cases)('%s due %s is %s', (status, dueDate, expected) => {
    expect(followUpBucket({ status, dueDate }, TODAY)).toBe(expected);
  });
});

describe('groupFollowUps', () => {
  it('sorts open buckets by due date and done newest first', () => {
    const items = [
      { status: 'open' as const, dueDate: '2026-12-05' },
      { status: 'open' as const, dueDate: '2026-12-01' },
      { status: 'done' as const, dueDate: '2026-10-01' },
      { status: 'done' as const, dueDate: '2026-11-01' },
      { status: 'open' as const, dueDate: '2026-11-20' },
    ];
    const groups = groupFollowUps(items, TODAY);
    expect(groups.upcoming.map((i) => i.dueDate)).toEqual(['2026-12-01', '2026-12-05']);
    expect(groups.done.map((i) => i.dueDate)).toEqual(['2026-11-01', '2026-10-01']);
    expect(groups.overdue).toHaveLength(1);
    expect(groups.today).toHaveLength(0);
  });
});
