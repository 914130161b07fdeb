import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { createExample, listExamples, updateExample } from '../../../src/db/examples';
import { listOutbox } from '../../../src/db/outbox';
import { createPartner, getPartners, listPartners, updatePartner } from '../../../src/db/partners';
import { isAppError } from '../../../src/model/appError';
import { emptyExampleBody } from '../../../src/model/example';
import { emptyPartnerBody } from '../../../src/model/partner';
import { freshDb } from './freshDb';

beforeEach(freshDb);

const partnerInput = (name: string, themes: Array<'wonen' | 'jeugd'> = []) => ({ themes, body: { ...emptyPartnerBody(), name } });

describe('partners', () => {
  it('creates partners in the organisation scope and lists them alphabetically, filtered by theme', async () => {
    await createPartner('org', partnerInput('Woonwinkel', ['wonen']));
    await createPartner('org', partnerInput('Huis van het Kind', ['jeugd']));
    expect((await listPartners()).map((p) => p.body.name)).toEqual(['Huis van het Kind', 'Woonwinkel']);
    expect((await listPartners('', 'wonen')).map((p) => p.body.name)).toEqual(['Woonwinkel']);
    expect((await db().partners.toArray()).every((p) => p.scopeId === 'org')).toBe(true);
  });

  it('queues only the changed fields and the themes when they changed', async () => {
    const p = await createPartner('org', partnerInput('CAW'));
    await updatePartner(p.id, { themes: ['wonen'], body: { ...p.body, phone: '09 000 00 00' } });
    expect((await listOutbox()).at(-1)?.mutation).toEqual({ type: 'partner.setFields', id: p.id, fields: { phone: '09 000 00 00' }, themes: ['wonen'] });
  });

  it('refuses a bad e-mail and stores nothing', async () => {
    const error = await createPartner('org', { themes: [], body: { ...emptyPartnerBody(), name: 'X', email: 'geen mail' } }).catch((e) => e);
    expect(isAppError(error) && error.code).toBe('invalidInput');
    expect(await db().partners.count()).toBe(0);
    expect(await db().outbox.count()).toBe(0);
  });

  it('getPartners skips ids that are not on the device', async () => {
    const p = await createPartner('org', partnerInput('CAW'));
    expect((await getPartners([p.id, 'gone'])).map((x) => x.id)).toEqual([p.id]);
  });
});

describe('practice examples', () => {
  it('creates, filters by theme and updates with an outbox entry each time', async () => {
    const ex = await createExample('org', { themes: ['wonen'], body: { ...emptyExampleBody(), title: 'Buurtwerking' } });
    await createExample('org', { themes: ['jeugd'], body: { ...emptyExampleBody(), title: 'Speelpleinwerking' } });
    expect((await listExamples('wonen')).map((e) => e.body.title)).toEqual(['Buurtwerking']);
    await updateExample(ex.id, { themes: ['wonen'], body: { ...ex.body, lessons: 'Klein beginnen' } });
    expect((await listOutbox()).map((e) => e.mutation.type)).toEqual(['example.create', 'example.create', 'example.setFields']);
  });
});
