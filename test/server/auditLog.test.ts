import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/model/ids';
import { readAuditor } from '../../src/server/sync/readAudit';
import { adminGet, adminPost, colleague, deviceHeaders, organisationWithAdmin } from './support/opsFixtures';
import { accessToken, Device, outcomes } from './support/syncClient';
import { caseRow, followUpRow, instrumentRunRow, noteRow, partnerRow } from './support/syncFixtures';
import { describeEachDatabase } from './support/testDatabases';
import { errorShape, SIGN_IN_FREELY, startApp } from './support/testServer';

describeEachDatabase('audit log', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
  });
  afterAll(() => app.close());

  const audit = (token: string, query: string) => adminGet(app, token, `/api/admin/audit?${query}`);
  const page = (token: string, path: 'changes' | 'snapshot', scope: string, clientId: string, extra: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: `/api/sync/${path}`, query: { scope, ...(path === 'changes' ? { since: '0' } : {}), ...extra }, headers: { authorization: `Bearer ${token}`, ...deviceHeaders(clientId) } });

  it('records which person changed which dossier from which device, one entry per applied change', async () => {
    const { worker, workerToken, adminToken } = await organisationWithAdmin(app, store().db);
    const d = new Device(app, workerToken);
    const one = caseRow(worker.teamId);
    const two = caseRow(worker.teamId);
    const followUp = followUpRow(worker.teamId, one.id);
    const results = await d.push([
      d.entry({ type: 'case.create', row: one }),
      d.entry({ type: 'case.create', row: two }),
      d.entry({ type: 'note.add', row: noteRow(worker.teamId, one.id) }),
      d.entry({ type: 'followUp.add', row: followUp }),
      d.entry({ type: 'instrumentRun.start', row: instrumentRunRow(worker.teamId, two.id) }),
      d.entry({ type: 'partner.create', row: partnerRow(worker.organisationId) }),
      // Refused: nothing changed, nothing audited.
      d.entry({ type: 'note.add', row: noteRow(worker.teamId, newId()) }),
    ]);
    expect(outcomes(results).slice(-1)).toEqual(['notFound']);
    await d.push([d.entry({ type: 'followUp.complete', id: followUp.id, doneAt: '2025-03-21T10:00:00.000Z' }, { status: 1, doneAt: 1 })]);
    const res = await audit(adminToken, `caseId=${one.id}`);
    expect(res.statusCode).toBe(200);
    const actor = { userId: worker.user.id, userName: worker.user.displayName, clientId: d.clientId, target: one.id, rowCount: 1 };
    expect(res.json().entries).toEqual([
      { at: expect.any(String), action: 'followUp.complete', ...actor },
      { at: expect.any(String), action: 'followUp.add', ...actor },
      { at: expect.any(String), action: 'note.add', ...actor },
      { at: expect.any(String), action: 'case.create', ...actor },
    ]);
    const ofTwo = (await audit(adminToken, `caseId=${two.id}`)).json().entries;
    expect(ofTwo.map((e: { action: string }) => e.action)).toEqual(['instrumentRun.start', 'case.create']);
  });

  it('records which device received which dossier, one entry per case and day, for pulls and snapshots', async () => {
    const { worker, workerToken, adminToken } = await organisationWithAdmin(app, store().db);
    const d = new Device(app, workerToken);
    const one = caseRow(worker.teamId);
    const two = caseRow(worker.teamId);
    await d.push([d.entry({ type: 'case.create', row: one }), d.entry({ type: 'note.add', row: noteRow(worker.teamId, one.id) }), d.entry({ type: 'case.create', row: two })]);
    // A team row under no case: a network instrument, which a coordinator starts.
    const coordinator = new Device(app, await accessToken(app, await colleague(store().db, worker, 'coordinator')));
    await coordinator.push([coordinator.entry({ type: 'instrumentRun.start', row: instrumentRunRow(worker.teamId) })]);
    const reader = await colleague(store().db, worker, 'worker');
    const readerToken = await accessToken(app, reader);
    const tablet = newId();
    expect((await page(readerToken, 'changes', worker.teamId, tablet)).statusCode).toBe(200);
    // Snapshot pages of two rows: the pages' rows of one case add up in that case's one entry of the day.
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await page(readerToken, 'snapshot', worker.teamId, tablet, { limit: '2', ...(after ? { after } : {}) });
      expect(res.statusCode).toBe(200);
      after = res.json().nextAfter;
      pages++;
    } while (after);
    expect((await page(readerToken, 'changes', worker.organisationId, tablet)).statusCode).toBe(200);
    const rows = await store().db.selectFrom('audit_log').select(['action', 'target', 'case_id', 'client_id', 'row_count']).where('user_id', '=', reader.user.id).where('action', 'like', 'sync.%').orderBy('id').execute();
    const read = (action: string, caseId: string | null, rowCount: number) => ({ action, target: caseId ?? worker.teamId, case_id: caseId, client_id: tablet, row_count: rowCount });
    expect(rows.slice(0, 3)).toEqual([read('sync.pull', one.id, 2), read('sync.pull', two.id, 1), read('sync.pull', null, 1)]);
    const snapshots = rows.slice(3);
    expect(snapshots.every((r) => r.action === 'sync.snapshot' && r.client_id === tablet && r.target === (r.case_id ?? worker.teamId))).toBe(true);
    expect(pages).toBeGreaterThan(1);
    expect(snapshots).toHaveLength(3);
    const perCase = new Map<string | null, number>();
    for (const r of snapshots) perCase.set(r.case_id, (perCase.get(r.case_id) ?? 0) + Number(r.row_count));
    expect(perCase).toEqual(new Map<string | null, number>([[one.id, 2], [two.id, 1], [null, 1]]));
    const entries = (await audit(adminToken, `caseId=${one.id}`)).json().entries;
    expect(entries[0]).toEqual({ at: expect.any(String), userId: reader.user.id, userName: reader.user.displayName, action: 'sync.snapshot', target: one.id, clientId: tablet, rowCount: expect.any(Number) });
    expect(entries.filter((e: { action: string }) => e.action === 'sync.pull')).toEqual([expect.objectContaining({ userId: reader.user.id, clientId: tablet, rowCount: 2 })]);
  });

  it('adds a day\'s later reads of a dossier to its entry, apart per device, action and day; an entry gone is written anew', async () => {
    const record = readAuditor(store().db);
    const userId = newId();
    const [kase, tablet, phone] = [newId(), newId(), newId()];
    const read = (clientId: string, action: 'sync.pull' | 'sync.snapshot', rowCount: number) => ({ userId, action, target: kase, caseId: kase, clientId, rowCount });
    const day = (d: number, hour = 10) => new Date(Date.UTC(2026, 11, d, hour));
    await record([read(tablet, 'sync.snapshot', 2)], day(3));
    await record([read(tablet, 'sync.snapshot', 3), read(phone, 'sync.snapshot', 1)], day(3, 11));
    await record([read(tablet, 'sync.pull', 1)], day(3, 12));
    await record([read(tablet, 'sync.snapshot', 4)], day(4));
    const entries = () => store().db.selectFrom('audit_log').select(['at', 'client_id', 'action', 'row_count']).where('user_id', '=', userId).orderBy('id').execute();
    expect(await entries()).toEqual([
      { at: day(3).toISOString(), client_id: tablet, action: 'sync.snapshot', row_count: 5 },
      { at: day(3, 11).toISOString(), client_id: phone, action: 'sync.snapshot', row_count: 1 },
      { at: day(3, 12).toISOString(), client_id: tablet, action: 'sync.pull', row_count: 1 },
      { at: day(4).toISOString(), client_id: tablet, action: 'sync.snapshot', row_count: 4 },
    ]);
    await store().db.deleteFrom('audit_log').where('user_id', '=', userId).where('at', '=', day(4).toISOString()).execute();
    await record([read(tablet, 'sync.snapshot', 6)], day(4, 15));
    expect((await entries()).at(-1)).toEqual({ at: day(4, 15).toISOString(), client_id: tablet, action: 'sync.snapshot', row_count: 6 });
  });

  it("shows one person's log: what they did and what was done to their account and devices", async () => {
    const { worker, admin, workerToken, adminToken } = await organisationWithAdmin(app, store().db);
    const d = new Device(app, workerToken);
    const kase = caseRow(worker.teamId);
    await d.push([d.entry({ type: 'case.create', row: kase })]);
    expect((await adminPost(app, adminToken, `/api/admin/devices/${d.clientId}/revoke`)).statusCode).toBe(204);
    const entries = (await audit(adminToken, `userId=${worker.user.id}`)).json().entries;
    expect(entries.map((e: { action: string; userId: string }) => [e.action, e.userId])).toEqual([
      ['device.revoke', admin.user.id],
      ['case.create', worker.user.id],
      ['login', worker.user.id],
    ]);
    expect(entries[0]).toMatchObject({ target: worker.user.id, clientId: d.clientId, userName: admin.user.displayName });
    const both = (await audit(adminToken, `userId=${worker.user.id}&caseId=${kase.id}`)).json().entries;
    expect(both.map((e: { action: string }) => e.action)).toEqual(['case.create']);
  });

  it('exports a log as CSV: a header row, RFC 4180 quoting, and names that cannot run as formulas', async () => {
    const { worker, adminToken } = await organisationWithAdmin(app, store().db);
    const awkward = await colleague(store().db, worker, 'worker', [worker.teamId], '=Janssens, "An"');
    const d = new Device(app, await accessToken(app, awkward));
    const kase = caseRow(worker.teamId);
    await d.push([d.entry({ type: 'case.create', row: kase })]);
    const res = await audit(adminToken, `caseId=${kase.id}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="veldwerk-audit-dossier-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('at,userId,userName,action,target,clientId,rowCount');
    expect(lines[1]).toMatch(new RegExp(`^\\d{4}-[^,]+Z,${awkward.user.id},"'=Janssens, ""An""",case\\.create,${kase.id},${d.clientId},1$`));
    expect(lines.slice(2)).toEqual(['']);
  });

  it('is for admins of the same organisation only, and needs a case or a person', async () => {
    const { worker, workerToken, adminToken } = await organisationWithAdmin(app, store().db);
    const d = new Device(app, workerToken);
    const kase = caseRow(worker.teamId);
    await d.push([d.entry({ type: 'case.create', row: kase })]);
    const elsewhere = await organisationWithAdmin(app, store().db);
    const coordinator = await accessToken(app, await colleague(store().db, worker, 'coordinator'));
    for (const token of [workerToken, coordinator]) expect((await audit(token, `caseId=${kase.id}`)).json()).toEqual(errorShape('forbidden'));
    for (const query of [`caseId=${kase.id}`, `userId=${worker.user.id}`, `caseId=${newId()}`]) {
      const res = await audit(elsewhere.adminToken, query);
      expect([res.statusCode, res.json()]).toEqual([404, errorShape('notFound')]);
    }
    for (const query of ['', 'format=csv', `caseId=${kase.id}&format=xml`]) {
      const res = await audit(adminToken, query);
      expect([res.statusCode, res.json()]).toEqual([400, errorShape('invalid')]);
    }
    // The other organisation's own log holds nothing of this one.
    const theirs = (await audit(elsewhere.adminToken, `userId=${elsewhere.worker.user.id}`)).json().entries;
    expect(theirs.every((e: { userId: string }) => e.userId === elsewhere.worker.user.id)).toBe(true);
  });

  it('answers at most 1000 entries, newest first', async () => {
    const { worker, workerToken, adminToken } = await organisationWithAdmin(app, store().db);
    const d = new Device(app, workerToken);
    const kase = caseRow(worker.teamId);
    await d.push([d.entry({ type: 'case.create', row: kase })]);
    const old = Array.from({ length: 1005 }, (_, i) => ({
      id: newId(Date.UTC(2024, 0, 1) + i * 1000),
      at: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      user_id: worker.user.id,
      action: 'sync.pull',
      target: kase.id,
      row_count: 1,
      client_id: d.clientId,
      case_id: kase.id,
    }));
    for (let i = 0; i < old.length; i += 200) await store().db.insertInto('audit_log').values(old.slice(i, i + 200)).execute();
    const entries = (await audit(adminToken, `caseId=${kase.id}`)).json().entries as Array<{ at: string; action: string }>;
    expect(entries).toHaveLength(1000);
    expect(entries[0]!.action).toBe('case.create');
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort().reverse());
    expect(entries.at(-1)!.at).toBe(old[6]!.at);
  });
});
