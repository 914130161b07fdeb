import { beforeEach, describe, expect, it } from 'vitest';
import { connect, db } from '../../../src/db/connection';
import { createCase, getCase, listCaseload, markCaseOpened, setCaseStatus, updateCase } from '../../../src/db/cases';
import { listOutbox } from '../../../src/db/outbox';
import { emptyCaseBody } from '../../../src/model/caseFile';
import { isAppError } from '../../../src/model/appError';

let n = 0;
beforeEach(() => {
  connect(`cases-${n++}`);
});

const body = (label: string) => ({ ...emptyCaseBody(), label });

describe('cases', () => {
  it('creates a case and queues case.create in the same transaction', async () => {
    const row = await createCase('team-a', body('Gezin Test'), new Date('2026-11-01T10:00:00Z'));
    expect(await getCase(row.id)).toEqual(row);
    const outbox = await listOutbox();
    expect(outbox.map((e) => e.mutation.type)).toEqual(['case.create']);
    expect(outbox[0]?.seq).toBe(1);
  });

  it('refuses a case without a label and writes nothing', async () => {
    const error = await createCase('team-a', body('   ')).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('invalidInput');
    expect(await db().cases.count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
  });

  it('lists recently opened cases first and matches labels without accents or case', async () => {
    const a = await createCase('t', body('Familie Çelik'), new Date('2026-11-01T10:00:00Z'));
    const b = await createCase('t', body('Mevrouw Peeters'), new Date('2026-11-02T10:00:00Z'));
    await markCaseOpened(a.id, new Date('2026-11-03T10:00:00Z'));
    expect((await listCaseload()).map((i) => i.caseFile.id)).toEqual([a.id, b.id]);
    expect((await listCaseload('celik')).map((i) => i.caseFile.id)).toEqual([a.id]);
  });

  it('records only the changed fields of an edit, and nothing for an edit that changes nothing', async () => {
    const row = await createCase('t', body('A'));
    await updateCase(row.id, { ...row.body, phone: '0470 00 00 00' });
    await updateCase(row.id, { ...row.body, phone: '0470 00 00 00' });
    const last = (await listOutbox()).at(-1)?.mutation;
    expect(last).toEqual({ type: 'case.setFields', id: row.id, fields: { phone: '0470 00 00 00' } });
    expect(await db().outbox.count()).toBe(2);
  });

  it('closing a case removes it from the caseload and queues a transition', async () => {
    const row = await createCase('t', body('A'));
    await setCaseStatus(row.id, 'closed');
    expect(await listCaseload()).toEqual([]);
    expect((await listOutbox()).at(-1)?.mutation).toEqual({ type: 'case.transition', id: row.id, status: 'closed' });
  });
});
