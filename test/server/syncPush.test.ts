import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RowState } from '../../src/sync/protocol';
import { accessToken, Device, outcomes, pullAll } from './support/syncClient';
import { caseRow, noteRow, partnerRow } from './support/syncFixtures';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, SIGN_IN_FREELY, startApp } from './support/testServer';

const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase('sync push', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
  });
  afterAll(() => app.close());

  /** A fresh organisation and team with one signed-in device, so every test starts from empty scopes. */
  async function device() {
    const member = await createMember(store().db);
    return { member, device: new Device(app, await accessToken(app, member)) };
  }
  const scopeVersion = async (scopeId: string) =>
    Number((await store().db.selectFrom('scope_versions').select('version').where('scope_id', '=', scopeId).executeTakeFirst())?.version ?? 0);
  const recordCount = async (scopeId: string) => (await store().db.selectFrom('records').select('id').where('scope_id', '=', scopeId).execute()).length;

  it('pushes rows and pulls them back with versions, stamps and no client bookkeeping', async () => {
    const { member, device: d } = await device();
    const kase = caseRow(member.teamId);
    const note = noteRow(member.teamId, kase.id);
    const partner = partnerRow(member.organisationId);
    const batch = [d.entry({ type: 'case.create', row: kase }), d.entry({ type: 'note.add', row: note }), d.entry({ type: 'partner.create', row: partner })];
    const results = await d.push(batch);
    expect(outcomes(results)).toEqual(['applied', 'applied', 'applied']);
    expect(results.map((r) => r.seq)).toEqual([1, 2, 3]);

    const team = await pullAll(app, d.token, member.teamId);
    expect(team.rows.map((r) => [r.collection, r.id, r.version])).toEqual([['cases', kase.id, 1], ['notes', note.id, 2]]);
    expect(team.cursor).toBe(2);
    const { version: _v, ...expectedNote } = note;
    expect(team.rows[1]).toMatchObject({ scopeId: member.teamId, deleted: false, row: expectedNote, conflicts: [] });
    expect(team.rows[1]!.row).not.toHaveProperty('version');
    // A note never changes after it is added: it comes without per-field versions.
    expect(team.rows[1]!.fields).toEqual({});
    expect(team.rows[0]!.fields['body.label']).toEqual({ version: 1, by: member.user.id, at: batch[0]!.createdAt });
    expect(Object.keys(team.rows[0]!.fields).sort()).toEqual(['body.address', 'body.household', 'body.label', 'body.phone', 'status']);
    const org = await pullAll(app, d.token, member.organisationId);
    expect(org.rows.map((r) => r.id)).toEqual([partner.id]);
    expect(Object.keys(org.rows[0]!.fields)).toContain('themes');
  });

  it('audits who changed and pulled which dossier, and not the organisation directory', async () => {
    const { member, device: d } = await device();
    const kase = caseRow(member.teamId);
    await d.push([d.entry({ type: 'case.create', row: kase }), d.entry({ type: 'note.add', row: noteRow(member.teamId, kase.id) }), d.entry({ type: 'partner.create', row: partnerRow(member.organisationId) })]);
    await pullAll(app, d.token, member.teamId);
    await pullAll(app, d.token, member.organisationId);
    const audit = await store().db.selectFrom('audit_log').select(['action', 'target', 'case_id', 'row_count']).where('user_id', '=', member.user.id).where('action', '<>', 'login').orderBy('id').execute();
    expect(audit).toEqual([
      { action: 'case.create', target: kase.id, case_id: kase.id, row_count: 1 },
      { action: 'note.add', target: kase.id, case_id: kase.id, row_count: 1 },
      { action: 'sync.pull', target: kase.id, case_id: kase.id, row_count: 2 },
    ]);
  });

  it('answers the same batch delivered twice identically and applies it once', async () => {
    const { member, device: d } = await device();
    const kase = caseRow(member.teamId);
    const batch = [d.entry({ type: 'case.create', row: kase }), d.entry({ type: 'note.add', row: noteRow(member.teamId, kase.id) })];
    const first = await d.push(batch);
    const second = await d.push(batch);
    expect(second).toEqual(first);
    expect(await recordCount(member.teamId)).toBe(2);
    expect(await scopeVersion(member.teamId)).toBe(2);
  });

  it('answers the same batch delivered twice at once identically and applies it once', async () => {
    const { member, device: d } = await device();
    const kase = caseRow(member.teamId);
    const batch = [d.entry({ type: 'case.create', row: kase }), ...Array.from({ length: 20 }, () => d.entry({ type: 'note.add', row: noteRow(member.teamId, kase.id) }))];
    const [a, b, c] = await Promise.all([d.push(batch), d.push(batch), d.push(batch)]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(outcomes(a).every((o) => o === 'applied')).toBe(true);
    expect(await recordCount(member.teamId)).toBe(21);
    expect(await scopeVersion(member.teamId)).toBe(21);
    const pulled = await pullAll(app, d.token, member.teamId);
    expect(pulled.rows.map((r) => r.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('returns the stored outcomes when the reply was lost after the commit', async () => {
    let crash = true;
    const faulty = await startApp(store().db, undefined, {
      afterPushCommit: () => {
        if (crash) throw new Error('connection lost after commit');
      },
    });
    try {
      const { member, device: d } = await device();
      const partner = partnerRow(member.organisationId);
      const batch = [d.entry({ type: 'partner.create', row: partner }), d.entry({ type: 'partner.setFields', id: partner.id, fields: { phone: '+32 9 000 00 01' } }, { 'body.phone': 1 })];
      const lost = await d.send(batch, faulty);
      expect(lost.statusCode).toBe(500);
      crash = false;
      expect(outcomes(await d.push(batch, faulty))).toEqual(['applied', 'applied']);
      expect(await scopeVersion(member.organisationId)).toBe(2);
      const [row] = (await pullAll(app, d.token, member.organisationId)).rows;
      expect(row).toMatchObject({ version: 2, row: { body: { phone: '+32 9 000 00 01' } } });
    } finally {
      await faulty.close();
    }
  });

  it('defers a batch that overtook an earlier one, then applies both in order', async () => {
    const { member, device: d } = await device();
    const kase = caseRow(member.teamId);
    const early = [d.entry({ type: 'case.create', row: kase }), d.entry({ type: 'case.setFields', id: kase.id, fields: { label: 'Eerste' } }, { 'body.label': 1 })];
    const late = [
      d.entry({ type: 'case.setFields', id: kase.id, fields: { label: 'Tweede' } }, { 'body.label': 2 }),
      d.entry({ type: 'note.add', row: noteRow(member.teamId, kase.id) }),
    ];
    expect(outcomes(await d.push(late))).toEqual(['deferred', 'deferred']);
    expect(await recordCount(member.teamId)).toBe(0);
    expect(await scopeVersion(member.teamId)).toBe(0);
    expect(outcomes(await d.push(early))).toEqual(['applied', 'applied']);
    expect(outcomes(await d.push(late))).toEqual(['applied', 'applied']);
    const rows = (await pullAll(app, d.token, member.teamId)).rows;
    expect(rows.map((r) => r.collection)).toEqual(['cases', 'notes']);
    expect(rows[0]!.row).toMatchObject({ body: { label: 'Tweede' } });
    expect(rows[0]!.conflicts).toEqual([]);
  });

  it('defers everything after a gap inside one batch, and applies what came before it', async () => {
    const { member, device: d } = await device();
    const [one, two, three] = [d.entry({ type: 'case.create', row: caseRow(member.teamId) }), d.entry({ type: 'case.create', row: caseRow(member.teamId) }), d.entry({ type: 'case.create', row: caseRow(member.teamId) })];
    expect(outcomes(await d.push([one!, three!]))).toEqual(['applied', 'deferred']);
    expect(outcomes(await d.push([two!, three!]))).toEqual(['applied', 'applied']);
    expect(await recordCount(member.teamId)).toBe(3);
  });

  it('orders by server version whatever the device clocks say (±2 days)', async () => {
    const { member, device: ahead } = await device();
    const behind = new Device(app, ahead.token);
    const partner = partnerRow(member.organisationId);
    partner.createdAt = new Date(Date.now() + 2 * DAY).toISOString();
    const future = new Date(Date.now() + 2 * DAY);
    const past = new Date(Date.now() - 2 * DAY);
    await ahead.push([ahead.entry({ type: 'partner.create', row: partner }, {}, future)]);
    // The later change comes from the clock that is behind; it still wins, because it saw version 1.
    expect(outcomes(await ahead.push([ahead.entry({ type: 'partner.setFields', id: partner.id, fields: { city: 'Toekomst' } }, { 'body.city': 1 }, future)]))).toEqual(['applied']);
    expect(outcomes(await behind.push([behind.entry({ type: 'partner.setFields', id: partner.id, fields: { city: 'Verleden' } }, { 'body.city': 2 }, past)]))).toEqual(['applied']);
    // A change from the "future" that never saw version 2 does not win by its clock: it becomes a conflict.
    const late = await ahead.push([ahead.entry({ type: 'partner.setFields', id: partner.id, fields: { city: 'Nog later' } }, { 'body.city': 1 }, new Date(Date.now() + 3 * DAY))]);
    expect(outcomes(late)).toEqual(['conflict']);
    const [row] = (await pullAll(app, ahead.token, member.organisationId)).rows as [RowState];
    expect(row.row).toMatchObject({ body: { city: 'Verleden' } });
    // The kept value's stamp (who, when) stays; its version moved with the conflict (see src/sync/merge.ts).
    expect(row.fields['body.city']).toMatchObject({ version: 4, at: past.toISOString() });
    expect(row.version).toBe(4);
  });
});
