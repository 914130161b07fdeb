import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Entry } from './support/syncClient';
import { accessToken, Device, outcomes, pullAll } from './support/syncClient';
import { caseRow, noteRow, partnerRow } from './support/syncFixtures';
import { signedInUser } from './support/syncWorld';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, SIGN_IN_FREELY, startApp } from './support/testServer';

// Two server instances share nothing but the database (each has its own pool or connection), like two processes.
describeEachDatabase(
  'sync through two server instances',
  (store) => {
    let a: FastifyInstance;
    let b: FastifyInstance;
    beforeAll(async () => {
      a = await startApp(store().db, SIGN_IN_FREELY);
      b = await startApp(store().connectAgain(), SIGN_IN_FREELY);
    });
    afterAll(async () => {
      await a.close();
      await b.close();
    });

    it('converge: clients pushing through different instances at once pull the same rows and versions from either', async () => {
      const member = await createMember(store().db);
      const one = new Device(a, await accessToken(a, member));
      const two = new Device(b, (await signedInUser(store().db, b, member.organisationId, [member.teamId])).token);
      const partner = partnerRow(member.organisationId);
      const kase = caseRow(member.teamId);
      await one.push([one.entry({ type: 'partner.create', row: partner }), one.entry({ type: 'case.create', row: kase })]);

      // Both write the same team and the same partner field at the same time, in several batches each.
      const batches = (d: Device, tag: string): Entry[][] =>
        Array.from({ length: 4 }, (_, i) => [
          ...Array.from({ length: 15 }, () => d.entry({ type: 'note.add', row: noteRow(member.teamId, kase.id, `${tag} ${i}. `) })),
          d.entry({ type: 'partner.setFields', id: partner.id, fields: { notes: `${tag} ${i}` } }, { 'body.notes': 1 }),
        ]);
      const run = async (d: Device, list: Entry[][]) => {
        const all = [];
        for (const batch of list) all.push(...(await d.push(batch)));
        return all;
      };
      const [r1, r2] = await Promise.all([run(one, batches(one, 'een')), run(two, batches(two, 'twee'))]);
      const every = outcomes([...r1, ...r2]);
      expect(every.filter((o) => o === 'applied')).toHaveLength(8 * 15 + 1);
      expect(every.filter((o) => o === 'conflict')).toHaveLength(7);

      for (const scope of [member.teamId, member.organisationId]) {
        const fromA = await pullAll(a, one.token, scope, 0, 7);
        const fromB = await pullAll(b, two.token, scope, 0, 7);
        expect(fromB.rows).toEqual(fromA.rows);
        expect(fromB.cursor).toBe(fromA.cursor);
      }
      // Dense versions: each applied change got its own, none was skipped or given twice.
      const team = await pullAll(b, one.token, member.teamId);
      expect(team.rows.map((r) => r.version)).toEqual(Array.from({ length: 1 + 8 * 15 }, (_, i) => i + 1));
      const org = await pullAll(a, two.token, member.organisationId);
      expect(org.cursor).toBe(1 + 8);
    });

    it('apply a batch delivered to both instances at once exactly once', async () => {
      const member = await createMember(store().db);
      const d = new Device(a, await accessToken(a, member));
      const kase = caseRow(member.teamId);
      const batch = [d.entry({ type: 'case.create', row: kase }), ...Array.from({ length: 30 }, () => d.entry({ type: 'note.add', row: noteRow(member.teamId, kase.id) }))];
      const [viaA, viaB] = await Promise.all([d.push(batch, a), d.push(batch, b)]);
      expect(viaB).toEqual(viaA);
      expect(new Set(outcomes(viaA))).toEqual(new Set(['applied']));
      expect((await pullAll(b, d.token, member.teamId)).rows.map((r) => r.version)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    });
  },
  { onDisk: true },
);
