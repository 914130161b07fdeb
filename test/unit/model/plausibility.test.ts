import { describe, expect, it } from 'vitest';
import { followUpWarnings, visitNoteWarnings } from '../../../src/model/plausibility';
import { emptyVisitNote, type VisitNoteBody } from '../../../src/model/visitNote';

const TODAY = '2026-03-10';

/** A note with something in it, for the given day. */
function note(date: string, change: (body: VisitNoteBody) => void = () => {}): VisitNoteBody {
  const body = emptyVisitNote(date);
  body.observaties.facts = 'Stapel brieven op tafel';
  change(body);
  return body;
}

describe('visitNoteWarnings', () => {
  it.each([
    ['a visit today', note(TODAY), []],
    ['a visit last year', note('2025-03-10'), []],
    ['a visit tomorrow (written the evening before)', note('2026-03-11'), []],
    ['a visit the day after tomorrow', note('2026-03-12'), [{ path: 'context.date', code: 'visitAhead' }]],
    ['a visit next year', note('2027-03-10'), [{ path: 'context.date', code: 'visitAhead' }]],
    ['no date at all (an error, not a question)', note(''), []],
    ['from 9:00 to 10:30', note(TODAY, (b) => Object.assign(b.context, { startTime: '09:00', endTime: '10:30' })), []],
    ['from 14:00 to 09:00', note(TODAY, (b) => Object.assign(b.context, { startTime: '14:00', endTime: '09:00' })), [{ path: 'context.endTime', code: 'endBeforeStart' }]],
    ['an end without a start', note(TODAY, (b) => (b.context.endTime = '09:00')), []],
    ['an empty note', emptyVisitNote(TODAY), [{ path: 'context.reason', code: 'emptyNote' }]],
    ['an agreement due today', note(TODAY, (b) => b.afspraken.push({ who: '', what: 'Attest', due: TODAY })), []],
    ['an agreement without a date', note(TODAY, (b) => b.afspraken.push({ who: '', what: 'Attest', due: '' })), []],
    [
      'agreements due in 2019',
      note(TODAY, (b) => b.afspraken.push({ who: '', what: 'Later', due: '2026-04-01' }, { who: '', what: 'Attest', due: '2019-03-10' })),
      [{ path: 'afspraken.1.due', code: 'dueInPast' }],
    ],
    ['a next contact yesterday', note(TODAY, (b) => (b.opvolging.nextContactDate = '2026-03-09')), [{ path: 'opvolging.nextContactDate', code: 'dueInPast' }]],
    [
      'everything at once, in the order of the form',
      (() => {
        const b = emptyVisitNote('2027-01-01');
        Object.assign(b.context, { startTime: '14:00', endTime: '09:00' });
        b.afspraken.push({ who: '', what: '', due: '2019-01-01' });
        return b;
      })(),
      [
        { path: 'context.date', code: 'visitAhead' },
        { path: 'context.endTime', code: 'endBeforeStart' },
        { path: 'afspraken.0.due', code: 'dueInPast' },
      ],
    ],
  ])('%s', (_what, body, expected) => expect(visitNoteWarnings(body, TODAY)).toEqual(expected));
});

describe('followUpWarnings', () => {
  it.each([
    ['yesterday', '2026-03-09', [{ path: 'dueDate', code: 'dueInPast' }]],
    ['in 2019', '2019-06-01', [{ path: 'dueDate', code: 'dueInPast' }]],
    ['today', TODAY, []],
    ['next week', '2026-03-17', []],
    ['empty (an error, not a question)', '', []],
  ])('due %s', (_what, dueDate, expected) => expect(followUpWarnings({ dueDate }, TODAY)).toEqual(expected));
});
