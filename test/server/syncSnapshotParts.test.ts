import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LATEST_NOTES_PER_CASE, MAX_PUSH, type SnapshotResponse } from '../../src/sync/protocol';
import { accessToken, Device, outcomes, snapshotAll } from './support/syncClient';
import { caseRow, followUpRow, noteRow } from './support/syncFixtures';
import { describeEachDatabase } from './support/testDatabases';
import { CompiledQuery, sql } from 'kysely';
import { countNotesQuery, historyQuery, latestNotesQuery } from '../../src/server/sync/snapshotParts';
import { createMember, errorShape, SIGN_IN_FREELY, startApp } from './support/testServer';

const day = (i: number) => `2025-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

describeEachDatabase('sync snapshot in parts (staged first sync)', (store) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
  });
  afterAll(() => app.close());

  const part = (token: string, query: Record<string, string>): Promise<LightMyRequestResponse> =>
    app.inject({ method: 'GET', url: '/api/sync/snapshot', headers: { authorization: `Bearer ${token}` }, query });

  async function all(token: string, scope: string, which: string, limit = 7): Promise<SnapshotResponse[]> {
    const pages: SnapshotResponse[] = [];
    let after: string | null = null;
    do {
      const res = await part(token, { scope, part: which, limit: String(limit), ...(after ? { after } : {}) });
      expect(res.statusCode).toBe(200);
      pages.push(res.json() as SnapshotResponse);
      after = pages.at(-1)!.nextAfter;
    } while (after);
    return pages;
  }

  /** Open cases with `perCase[i]` notes each (visit days in push order) and a closed case with 3; a follow-up. */
  async function team(perCase: number[]) {
    const member = await createMember(store().db);
    const d = new Device(app, await accessToken(app, member));
    const open = perCase.map(() => caseRow(member.teamId));
    const closed = { ...caseRow(member.teamId), status: 'closed' as const };
    const notes = [...open.flatMap((c, i) => Array.from({ length: perCase[i]! }, () => c)), closed, closed, closed].map((c, i) => {
      const note = noteRow(member.teamId, c.id);
      return { ...note, date: day(i), body: { ...note.body, context: { ...note.body.context, date: day(i) } } };
    });
    const entries = [
      ...[...open, closed].map((row) => d.entry({ type: 'case.create', row })),
      d.entry({ type: 'followUp.add', row: followUpRow(member.teamId, open[0]!.id) }),
      ...notes.map((row) => d.entry({ type: 'note.add', row })),
    ];
    for (let i = 0; i < entries.length; i += MAX_PUSH) expect(new Set(outcomes(await d.push(entries.slice(i, i + MAX_PUSH))))).toEqual(new Set(['applied']));
    return { member, d, open, closed, notes };
  }

  const keys = (pages: SnapshotResponse[]) => pages.flatMap((p) => p.rows.map((r) => `${r.collection}/${r.id}@${r.version}`));

  it('recent and history together hold exactly the whole snapshot: every row but notes, then every note newest first', async () => {
    const { member, d, notes } = await team([4, 30, 2]);
    const whole = keys(await snapshotAll(app, d.token, member.teamId));
    const recent = await all(d.token, member.teamId, 'recent');
    const history = await all(d.token, member.teamId, 'history');
    expect(recent.flatMap((p) => p.rows).every((r) => r.collection !== 'notes')).toBe(true);
    expect(history.flatMap((p) => p.rows).every((r) => r.collection === 'notes')).toBe(true);
    expect([...keys(recent), ...keys(history)].sort()).toEqual([...whole].sort());
    const ids = history.flatMap((p) => p.rows.map((r) => r.id));
    expect(ids).toEqual([...ids].sort().reverse());
    expect(history[0]!.total).toBe(notes.length);
    expect(history.slice(1).every((p) => p.total === undefined)).toBe(true);
    expect(new Set(history.map((p) => p.cursor))).toEqual(new Set([whole.length]));
  });

  it('latest gives each open case its newest notes, at most LATEST_NOTES_PER_CASE, rank by rank up to the limit', async () => {
    const { member, d, open, closed, notes } = await team([3, LATEST_NOTES_PER_CASE + 5, 1]);
    const newest = (caseId: string, n: number) => notes.filter((x) => x.caseId === caseId).sort((a, b) => b.date.localeCompare(a.date)).slice(0, n).map((x) => x.id);
    const res = await part(d.token, { scope: member.teamId, part: 'latest' });
    const page = res.json() as SnapshotResponse;
    expect(page.nextAfter).toBeNull();
    const got = page.rows.map((r) => r.id);
    expect(new Set(got)).toEqual(new Set([...newest(open[0]!.id, 3), ...newest(open[1]!.id, LATEST_NOTES_PER_CASE), ...newest(open[2]!.id, 1)]));
    expect(page.rows.some((r) => r.row.caseId === closed.id)).toBe(false);
    // With a limit of 4: every open case's newest note first (most recent visit first), then the next rank.
    const small = (await part(d.token, { scope: member.teamId, part: 'latest', limit: '4' })).json() as SnapshotResponse;
    expect(small.rows.slice(0, 3).map((r) => r.id).sort()).toEqual([newest(open[0]!.id, 1)[0], newest(open[1]!.id, 1)[0], newest(open[2]!.id, 1)[0]].sort());
    expect(small.rows).toHaveLength(4);
  });

  it("latest with case=C gives that case's newest notes, also for a closed case", async () => {
    const { member, d, open, closed, notes } = await team([12, 2]);
    const page = (await part(d.token, { scope: member.teamId, part: 'latest', case: open[0]!.id, limit: '5' })).json() as SnapshotResponse;
    expect(page.rows.map((r) => r.id)).toEqual(notes.filter((x) => x.caseId === open[0]!.id).sort((a, b) => b.date.localeCompare(a.date)).slice(0, 5).map((x) => x.id));
    const ofClosed = (await part(d.token, { scope: member.teamId, part: 'latest', case: closed.id })).json() as SnapshotResponse;
    expect(ofClosed.rows).toHaveLength(3);
  });

  it("a user sees only their own scopes' parts: another team answers 404, and its case ids give nothing", async () => {
    const theirs = await team([3]);
    const mine = await team([1]);
    for (const which of ['recent', 'latest', 'history']) {
      const res = await part(mine.d.token, { scope: theirs.member.teamId, part: which });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(errorShape('notFound'));
    }
    const res = await part(mine.d.token, { scope: mine.member.teamId, part: 'latest', case: theirs.open[0]!.id });
    expect((res.json() as SnapshotResponse).rows).toEqual([]);
    const other = await part(mine.d.token, { scope: theirs.member.teamId, part: 'latest', case: theirs.open[0]!.id });
    expect(other.statusCode).toBe(404);
  });

  it('answers latest also when a note holds a lone surrogate (PostgreSQL cannot read it as JSON); the history brings it', async () => {
    const { member, d, open } = await team([2]);
    const odd = noteRow(member.teamId, open[0]!.id, 'Onvolledig teken \udfff. ');
    expect(outcomes(await d.push([d.entry({ type: 'note.add', row: odd })]))).toEqual(['applied']);
    for (const query of [{ part: 'latest' }, { part: 'latest', case: open[0]!.id }] as Array<Record<string, string>>) {
      const res = await part(d.token, { scope: member.teamId, ...query });
      expect(res.statusCode).toBe(200);
      expect((res.json() as SnapshotResponse).rows.length).toBeGreaterThanOrEqual(2);
    }
    const history = await all(d.token, member.teamId, 'history');
    expect(history.flatMap((p) => p.rows.map((r) => r.id))).toContain(odd.id);
  });

  it('refuses an unknown part and a case without part=latest (400)', async () => {
    const { member, d, open } = await team([1]);
    for (const query of [{ part: 'everything' }, { part: 'history', case: open[0]!.id }, { case: open[0]!.id }] as Array<Record<string, string>>) {
      const res = await part(d.token, { scope: member.teamId, ...query });
      expect(res.statusCode).toBe(400);
    }
  });

  /**
   * The database's plan for a query, as JSON text. PostgreSQL plans by statistics: on tables this small it would
   * rather read them whole, so sequential scans are off; it must still choose the expected index.
   */
  async function planOf(query: { sql: string; parameters: readonly unknown[] }): Promise<string> {
    const explain = CompiledQuery.raw(`explain ${store().kind === 'sqlite' ? 'query plan ' : ''}${query.sql}`, [...query.parameters]);
    return store()
      .db.transaction()
      .execute(async (tx) => {
        if (store().kind === 'postgres') await sql`set local enable_seqscan = off`.execute(tx);
        return JSON.stringify((await tx.executeQuery(explain)).rows);
      });
  }

  it("reads a history page along the scope's own index, not every team's notes (the primary key also orders by id)", async () => {
    const { member } = await team([3]);
    const db = store().db;
    for (const after of [undefined, 'zzzz']) {
      const plan = await planOf(historyQuery(db, member.teamId, 1000, after).compile());
      expect(plan).toContain('records_scope_id_idx');
    }
  });

  it("ranks the open cases' notes on the live-notes case index (migration 0009), not on every note's row", async () => {
    const { member } = await team([3, 2]);
    const db = store().db;
    for (const caseId of [undefined, 'some-case']) {
      const plan = await planOf(latestNotesQuery(db, member.teamId, 1000, caseId).compile(db));
      expect(plan).toContain('records_live_note_case_idx');
      // The ranking reads no row: a note's row is read only for the notes chosen, by its primary key.
      if (store().kind === 'sqlite' && caseId === undefined) expect(plan).toMatch(/MATERIALIZE live/);
    }
  });

  it("counts a scope's notes for the history's progress from the live-notes case index, without reading their rows", async () => {
    const { member, notes } = await team([4]);
    const db = store().db;
    expect(Number((await countNotesQuery(db, member.teamId).executeTakeFirst())?.n)).toBe(notes.length);
    const plan = await planOf(countNotesQuery(db, member.teamId).compile());
    expect(plan).toContain('records_live_note_case_idx');
    if (store().kind === 'sqlite') expect(plan).toContain('COVERING INDEX');
  });
});
