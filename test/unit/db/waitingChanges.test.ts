import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { addFollowUp, completeFollowUp } from '../../../src/db/followUps';
import { createPartner } from '../../../src/db/partners';
import { listWaitingChanges } from '../../../src/db/waitingChanges';
import { emptyPartnerBody } from '../../../src/model/partner';
import { aCase, freshDb } from './freshDb';

beforeEach(freshDb);

describe('listWaitingChanges: what waits to be sent, for the list the sync state opens', () => {
  it('names each change by collection and kind, with its case (also for a change that only names its row) or its partner', async () => {
    const gezin = await aCase('Gezin Wachtmans');
    const followUp = await addFollowUp(gezin.id, { dueDate: '2026-12-10', body: { title: 'Attest opvragen', who: '', kind: 'task' } }, new Date('2026-11-02T09:00:00Z'));
    await completeFollowUp(followUp.id, new Date('2026-11-03T09:00:00Z'));
    await createPartner('org', { body: { ...emptyPartnerBody(), name: 'Woonwinkel' }, themes: [] }, new Date('2026-11-04T09:00:00Z'));

    const waiting = await listWaitingChanges();
    expect(waiting.map(({ mutationId: _id, ...rest }) => rest)).toEqual([
      { createdAt: '2026-11-01T09:00:00.000Z', collection: 'cases', kind: 'create', caseId: gezin.id, caseLabel: 'Gezin Wachtmans' },
      { createdAt: '2026-11-02T09:00:00.000Z', collection: 'followUps', kind: 'create', caseId: gezin.id, caseLabel: 'Gezin Wachtmans' },
      { createdAt: '2026-11-03T09:00:00.000Z', collection: 'followUps', kind: 'set', caseId: gezin.id, caseLabel: 'Gezin Wachtmans' },
      { createdAt: '2026-11-04T09:00:00.000Z', collection: 'partners', kind: 'create', title: 'Woonwinkel' },
    ]);
  });

  it('leaves out changes the server refused: those are listed with their actions (NeedsAttention)', async () => {
    await aCase('Gezin Geweigerd');
    await aCase('Gezin Onderweg');
    const [first] = await db().outbox.orderBy('seq').toArray();
    await db().outbox.update(first!.seq!, { status: 'needsAttention' });
    expect((await listWaitingChanges()).map((c) => c.caseLabel)).toEqual(['Gezin Onderweg']);
  });
});
