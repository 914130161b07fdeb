import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RowState } from '../../src/sync/protocol';
import { accessToken, Device, outcomes, pullAll } from './support/syncClient';
import { caseRow, followUpRow, noteRow, partnerRow } from './support/syncFixtures';
import { signedInUser } from './support/syncWorld';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, SIGN_IN_FREELY, startApp } from './support/testServer';

describeEachDatabase('sync merge', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
  });
  afterAll(() => app.close());

  /** Two colleagues of one team, each on their own device; A has created a partner and a case both have seen. */
  async function colleagues() {
    const member = await createMember(store().db);
    const a = new Device(app, await accessToken(app, member));
    const other = await signedInUser(store().db, app, member.organisationId, [member.teamId]);
    const b = new Device(app, other.token);
    const partner = partnerRow(member.organisationId);
    const kase = caseRow(member.teamId);
    await a.push([a.entry({ type: 'partner.create', row: partner }), a.entry({ type: 'case.create', row: kase })]);
    return { member, a, b, aId: member.user.id, bId: other.userId, partner, kase };
  }
  const pulled = async (d: Device, scopeId: string, id: string) => (await pullAll(app, d.token, scopeId)).rows.find((r) => r.id === id) as RowState;

  it('merges edits of different fields: both are applied', async () => {
    const { member, a, b, partner } = await colleagues();
    expect(outcomes(await a.push([a.entry({ type: 'partner.setFields', id: partner.id, fields: { phone: '+32 9 111 11 11' } }, { 'body.phone': 1 })]))).toEqual(['applied']);
    expect(outcomes(await b.push([b.entry({ type: 'partner.setFields', id: partner.id, fields: { city: 'Gent' }, themes: ['wonen', 'gezin'] }, { 'body.city': 1, themes: 1 })]))).toEqual(['applied']);
    for (const d of [a, b]) {
      const row = await pulled(d, member.organisationId, partner.id);
      expect(row.row).toMatchObject({ themes: ['wonen', 'gezin'], body: { phone: '+32 9 111 11 11', city: 'Gent', name: partner.body.name } });
      expect(row.conflicts).toEqual([]);
    }
  });

  it('keeps one value of a field changed twice at once and shows the other as a conflict, with who and when', async () => {
    const { member, a, b, aId, bId, partner } = await colleagues();
    const aAt = new Date(Date.now() - 60_000);
    const bAt = new Date();
    expect(outcomes(await a.push([a.entry({ type: 'partner.setFields', id: partner.id, fields: { phone: '+32 9 111 11 11' } }, { 'body.phone': 1 }, aAt)]))).toEqual(['applied']);
    expect(outcomes(await b.push([b.entry({ type: 'partner.setFields', id: partner.id, fields: { phone: '+32 9 222 22 22' } }, { 'body.phone': 1 }, bAt)]))).toEqual(['conflict']);
    const row = await pulled(b, member.organisationId, partner.id);
    expect(row.row).toMatchObject({ body: { phone: '+32 9 111 11 11' } });
    expect(row.conflicts).toEqual([
      {
        field: 'body.phone',
        kept: { value: '+32 9 111 11 11', version: 2, by: aId, at: aAt.toISOString() },
        proposed: { value: '+32 9 222 22 22', by: bId, at: bAt.toISOString() },
      },
    ]);
    // The conflict is a change of the row: a device that pulled before sees it on its next pull.
    expect(row.version).toBe(3);

    // Recording the conflict moved the field's version: a change based on the kept version has not seen the
    // conflict and becomes one more proposal (here the same value: already known, nothing new).
    expect(row.fields['body.phone']).toMatchObject({ version: 3, by: aId });
    expect(outcomes(await a.push([a.entry({ type: 'partner.setFields', id: partner.id, fields: { phone: '+32 9 333 33 33' } }, { 'body.phone': 2 })]))).toEqual(['conflict']);
    // Resolving is an ordinary change based on the version pulled with the conflict: it applies, every proposal is gone.
    expect(outcomes(await b.push([b.entry({ type: 'partner.setFields', id: partner.id, fields: { phone: '+32 9 222 22 22' } }, { 'body.phone': 4 })]))).toEqual(['applied']);
    const resolved = await pulled(a, member.organisationId, partner.id);
    expect(resolved.conflicts).toEqual([]);
    expect(resolved.row).toMatchObject({ body: { phone: '+32 9 222 22 22' } });
    expect(resolved.fields['body.phone']).toMatchObject({ version: 5, by: bId });
  });

  it('applies the rest of a change whose one field conflicts', async () => {
    const { member, a, b, partner } = await colleagues();
    await a.push([a.entry({ type: 'partner.setFields', id: partner.id, fields: { email: 'a@test.example' } }, { 'body.email': 1 })]);
    const results = await b.push([b.entry({ type: 'partner.setFields', id: partner.id, fields: { email: 'b@test.example', city: 'Brugge' } }, { 'body.email': 1, 'body.city': 1 })]);
    expect(outcomes(results)).toEqual(['conflict']);
    const row = await pulled(a, member.organisationId, partner.id);
    expect(row.row).toMatchObject({ body: { email: 'a@test.example', city: 'Brugge' } });
    expect(row.conflicts.map((c) => c.field)).toEqual(['body.email']);
  });

  it('treats setting the value a field already has as applied, without a new version', async () => {
    const { member, a, b, partner } = await colleagues();
    await a.push([a.entry({ type: 'partner.setFields', id: partner.id, fields: { city: 'Gent' } }, { 'body.city': 1 })]);
    expect(outcomes(await b.push([b.entry({ type: 'partner.setFields', id: partner.id, fields: { city: 'Gent' } }, { 'body.city': 1 })]))).toEqual(['applied']);
    expect((await pulled(a, member.organisationId, partner.id)).version).toBe(2);
  });

  it('merges case transitions and follow-up completion per field', async () => {
    const { member, a, b, kase } = await colleagues();
    const followUp = followUpRow(member.teamId, kase.id);
    await a.push([a.entry({ type: 'followUp.add', row: followUp })]);
    const doneAt = new Date().toISOString();
    expect(outcomes(await b.push([b.entry({ type: 'followUp.complete', id: followUp.id, doneAt }, { status: 2, doneAt: 2 })]))).toEqual(['applied']);
    expect(outcomes(await a.push([a.entry({ type: 'case.transition', id: kase.id, status: 'closed' }, { status: 1 }), a.entry({ type: 'followUp.reopen', id: followUp.id }, { status: 2, doneAt: 2 })]))).toEqual(['applied', 'conflict']);
    const rows = (await pullAll(app, a.token, member.teamId)).rows;
    expect(rows.find((r) => r.id === kase.id)!.row).toMatchObject({ status: 'closed' });
    const fu = rows.find((r) => r.id === followUp.id)!;
    expect(fu.row).toMatchObject({ status: 'done', doneAt });
    expect(fu.conflicts.map((c) => c.field).sort()).toEqual(['doneAt', 'status']);
  });

  it('never overwrites a note: a second note with a taken id is rejected and the text stays', async () => {
    const { member, a, b, kase } = await colleagues();
    const note = noteRow(member.teamId, kase.id, 'Eerste versie. ');
    await a.push([a.entry({ type: 'note.add', row: note })]);
    const forged = { ...noteRow(member.teamId, kase.id, 'Overschreven! '), id: note.id };
    expect(outcomes(await b.push([b.entry({ type: 'note.add', row: forged })]))).toEqual(['invalid']);
    const row = await pulled(a, member.teamId, note.id);
    expect(row.row).toMatchObject({ body: { observaties: { facts: note.body.observaties.facts } } });
  });
});
