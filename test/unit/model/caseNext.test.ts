import { describe, expect, it } from 'vitest';
import { attentionByCase, attentionOf, brusselsToday, byAttention, summarizeCases, type Attention, type OpenFollowUp } from '../../../src/model/caseNext';
import { brusselsDay } from '../../../src/model/dates';

const TODAY = '2026-12-04';

describe('attentionByCase: the most urgent open follow-up per case', () => {
  it.each<[string, Array<[string, string]>, Record<string, Attention>]>([
    ['nothing open: no case needs attention', [], {}],
    ['one overdue', [['a', '2026-12-03']], { a: 'overdue' }],
    ['due today', [['a', TODAY]], { a: 'today' }],
    ['later only', [['a', '2026-12-05']], { a: 'later' }],
    ['overdue wins over today, whatever the order', [['a', TODAY], ['a', '2026-11-01']], { a: 'overdue' }],
    ['today wins over later', [['a', '2027-01-01'], ['a', TODAY]], { a: 'today' }],
    ['per case', [['a', '2026-12-01'], ['b', TODAY], ['c', '2026-12-31']], { a: 'overdue', b: 'today', c: 'later' }],
  ])('%s', (_what, rows, expected) => {
    const found = attentionByCase(rows.map(([caseId, dueDate]) => ({ caseId, dueDate })), TODAY);
    expect(Object.fromEntries(found)).toEqual(expected);
  });
});

describe('byAttention: overdue first, then today, then the rest, each in the order given', () => {
  it.each<[string, Array<[string, Attention]>, string[]]>([
    ['nothing to move', [['a', 'later'], ['b', 'later']], ['a', 'b']],
    ['an overdue case comes first', [['a', 'later'], ['b', 'overdue']], ['b', 'a']],
    ['today after overdue, before the rest', [['a', 'later'], ['b', 'today'], ['c', 'overdue']], ['c', 'b', 'a']],
    ['within a group the given order stays', [['a', 'overdue'], ['b', 'later'], ['c', 'overdue'], ['d', 'today'], ['e', 'today']], ['a', 'c', 'd', 'e', 'b']],
  ])('%s', (_what, items, expected) => {
    expect(byAttention(items, ([, attention]) => attention).map(([id]) => id)).toEqual(expected);
  });
});

const f = (caseId: string, dueDate: string, kind: OpenFollowUp['kind'] = 'task', contactType: OpenFollowUp['contactType'] = ''): OpenFollowUp => ({ caseId, dueDate, kind, contactType });

describe('summarizeCases: what is next per case', () => {
  it.each<[string, OpenFollowUp[], Array<[string, string]>, Record<string, unknown>]>([
    ['a case with only a last visit', [], [['a', '2026-11-20']], { a: { nextContact: null, open: 0, overdue: 0, dueToday: 0, lastVisit: '2026-11-20' } }],
    [
      'counts open, overdue and due today',
      [f('a', '2026-12-01'), f('a', TODAY), f('a', '2026-12-20')],
      [],
      { a: { nextContact: null, open: 3, overdue: 1, dueToday: 1, lastVisit: '' } },
    ],
    [
      'the next contact is the earliest open contact, with its kind',
      [f('a', '2026-12-20', 'contact', 'phone'), f('a', '2026-12-10', 'contact', 'homeVisit'), f('a', '2026-12-05', 'task')],
      [['a', '2026-11-30']],
      { a: { nextContact: { date: '2026-12-10', contactType: 'homeVisit' }, open: 3, overdue: 0, dueToday: 0, lastVisit: '2026-11-30' } },
    ],
    [
      'a contact not made on its day is still the next contact, and overdue',
      [f('a', '2026-12-02', 'contact', 'office')],
      [],
      { a: { nextContact: { date: '2026-12-02', contactType: 'office' }, open: 1, overdue: 1, dueToday: 0, lastVisit: '' } },
    ],
    [
      'cases apart',
      [f('a', '2026-12-01'), f('b', '2026-12-09', 'contact')],
      [['b', '2026-10-01']],
      {
        a: { nextContact: null, open: 1, overdue: 1, dueToday: 0, lastVisit: '' },
        b: { nextContact: { date: '2026-12-09', contactType: '' }, open: 1, overdue: 0, dueToday: 0, lastVisit: '2026-10-01' },
      },
    ],
  ])('%s', (_what, open, visits, expected) => {
    expect(Object.fromEntries(summarizeCases(open, new Map(visits), TODAY))).toEqual(expected);
  });

  it.each<[{ overdue: number; dueToday: number }, Attention]>([
    [{ overdue: 0, dueToday: 0 }, 'later'],
    [{ overdue: 0, dueToday: 2 }, 'today'],
    [{ overdue: 1, dueToday: 2 }, 'overdue'],
  ])('attentionOf(%o) is %s', (next, expected) => expect(attentionOf(next)).toBe(expected));
});

describe('brusselsToday (no Intl) agrees with brusselsDay (Intl, Europe/Brussels)', () => {
  it('every half hour around both changes of the clocks, and every day of a few years', () => {
    const instants: Date[] = [];
    for (const [from, to] of [
      ['2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z'],
      ['2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z'],
      ['2027-03-27T00:00:00Z', '2027-03-29T00:00:00Z'],
      ['2027-10-30T00:00:00Z', '2027-11-01T00:00:00Z'],
    ] as const) {
      for (let at = Date.parse(from); at <= Date.parse(to); at += 30 * 60_000) instants.push(new Date(at));
    }
    for (let at = Date.parse('2025-01-01T22:30:00Z'); at < Date.parse('2030-01-01T00:00:00Z'); at += 86_400_000) {
      instants.push(new Date(at), new Date(at + 60 * 60_000), new Date(at + 90 * 60_000));
    }
    const differing = instants.filter((at) => brusselsToday(at) !== brusselsDay(at)).map((at) => at.toISOString());
    expect(differing).toEqual([]);
  });
});
