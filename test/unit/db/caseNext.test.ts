import { beforeEach, describe, expect, it } from 'vitest';
import { caseLabelsOfRuns } from '../../../src/db/caseLabels';
import { bootRead, type BootRead } from '../../../src/db/bootRead';
import { listCaseload } from '../../../src/db/caseload';
import { readCaseNext } from '../../../src/db/caseNext';
import { markCaseOpened, setCaseStatus } from '../../../src/db/cases';
import { db, disconnect } from '../../../src/db/connection';
import { addFollowUp, completeFollowUp, listFollowUpsWithCase } from '../../../src/db/followUps';
import { startInstrumentRun } from '../../../src/db/instrumentRuns';
import { setMeta } from '../../../src/db/meta';
import { saveVisitNote } from '../../../src/db/notes';
import { brusselsToday } from '../../../src/model/caseNext';
import { addDays } from '../../../src/model/dates';
import type { FollowUpBody } from '../../../src/model/followUp';
import { emptyVisitNote } from '../../../src/model/visitNote';
import { aCase, freshDb } from './freshDb';

beforeEach(freshDb);

const task = (title: string): FollowUpBody => ({ title, who: '', kind: 'task' });
const TODAY = '2026-12-04';

describe('readCaseNext: what is next per open case', () => {
  it('gives the next contact with its kind, the open and overdue counts and the last visit, from one read', async () => {
    const a = await aCase('Gezin A');
    const b = await aCase('Gezin B');
    const closed = await aCase('Gezin Gesloten');
    await setCaseStatus(closed.id, 'closed');
    await saveVisitNote({ caseId: a.id, body: emptyVisitNote('2026-11-01'), followUps: [] });
    await saveVisitNote({
      caseId: a.id,
      body: emptyVisitNote('2026-11-20'),
      followUps: [{ dueDate: '2026-12-10', body: { title: 'Volgend contact (huisbezoek)', who: '', kind: 'contact', topic: { key: 'nextContact', contactType: 'homeVisit' } } }],
    });
    await addFollowUp(a.id, { dueDate: '2026-12-01', body: task('Attest opvragen') });
    const done = await addFollowUp(a.id, { dueDate: '2026-11-01', body: task('Al gedaan') });
    await completeFollowUp(done.id);
    await addFollowUp(b.id, { dueDate: TODAY, body: task('Bellen') });

    const next = await readCaseNext(TODAY);
    expect(next.get(a.id)).toEqual({ nextContact: { date: '2026-12-10', contactType: 'homeVisit' }, open: 2, overdue: 1, dueToday: 0, lastVisit: '2026-11-20' });
    expect(next.get(b.id)).toEqual({ nextContact: null, open: 1, overdue: 0, dueToday: 1, lastVisit: '' });
    expect(next.has(closed.id)).toBe(false);
  });
});

describe('the caseload in the order of what needs attention', () => {
  it('puts a case with an overdue follow-up first, then one due today, then the rest as recently opened', async () => {
    const today = brusselsToday(new Date());
    const quiet = await aCase('Rustig');
    const late = await aCase('Te laat');
    const now = await aCase('Vandaag');
    const soon = await aCase('Binnenkort');
    await markCaseOpened(quiet.id, new Date('2026-11-05T10:00:00Z'));
    await markCaseOpened(soon.id, new Date('2026-11-04T10:00:00Z'));
    await addFollowUp(late.id, { dueDate: addDays(today, -3), body: task('Vergeten') });
    await addFollowUp(now.id, { dueDate: today, body: task('Vandaag doen') });
    await addFollowUp(soon.id, { dueDate: addDays(today, 2), body: task('Later') });
    const done = await addFollowUp(quiet.id, { dueDate: addDays(today, -9), body: task('Gedaan') });
    await completeFollowUp(done.id);

    const listed = await listCaseload();
    expect(listed.map((i) => [i.caseFile.body.label, i.attention])).toEqual([
      ['Te laat', 'overdue'],
      ['Vandaag', 'today'],
      ['Rustig', 'later'],
      ['Binnenkort', 'later'],
    ]);

    // The first frame's order, from the start-up read (without Dexie), is the same.
    const name = db().name;
    disconnect();
    const boot = (await bootRead(indexedDB, name)) as BootRead;
    expect(boot.today).toBe(today);
    expect(boot.due.sort((x, y) => x.dueDate.localeCompare(y.dueDate))).toEqual([
      { caseId: late.id, dueDate: addDays(today, -3) },
      { caseId: now.id, dueDate: today },
    ]);
  });

  it('reads nothing at the start from a database that is not there', async () => {
    expect(await bootRead(indexedDB, 'no-such-database-at-all')).toBeNull();
  });
});

describe('whose follow-up and which case', () => {
  it('lists each follow-up with the owner of its case', async () => {
    const c = await aCase('Mevrouw Proef', 'team-b');
    await addFollowUp(c.id, { dueDate: TODAY, body: task('Bellen') });
    const [item] = await listFollowUpsWithCase();
    expect(item?.caseLabel).toBe('Mevrouw Proef');
    expect(item?.caseOwner?.scopeId).toBe('team-b');
  });

  it('names the case of each case run, and none for a network run', async () => {
    await setMeta('sessionUser', { organisationId: 'org-a', teamIds: ['team-a'] });
    const c = await aCase('Gezin Ecogram');
    await startInstrumentRun({ instrument: 'ecogram', title: 'Netwerk', caseId: c.id });
    await startInstrumentRun({ instrument: 'machts-belangenmatrix', title: 'Overleg' });
    expect([...(await caseLabelsOfRuns())]).toEqual([[c.id, 'Gezin Ecogram']]);
  });
});
