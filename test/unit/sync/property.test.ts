import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/connection';
import { listConflicts } from '../../../src/db/conflicts';
import { resolveConflict } from '../../../src/db/resolveConflict';
import { createPartner, getPartner, updatePartner } from '../../../src/db/partners';
import { emptyPartnerBody, type Partner, type PartnerBody } from '../../../src/model/partner';
import { THEMES, type Theme } from '../../../src/model/themes';
import { createUser } from '../../../src/server/accounts/users';
import type { Db } from '../../../src/server/store/database';
import { SyncError } from '../../../src/sync/api';
import { discardChange, retryChange } from '../../../src/db/refusedChanges';
import { listNeedsAttention } from '../../../src/db/outbox';
import type { OutboxEntry } from '../../../src/model/mutation';
import type { PushRequest } from '../../../src/sync/protocol';
import { createMember, type Member } from '../../server/support/testServer';
import { answer, Device, pass, serverView, sqliteServer } from './syncHarness';

/**
 * Random offline work on three devices (three colleagues, each with their own local database), synced in random
 * orders, some rounds cut off by a lost request or a lost reply, through the real client and the real server
 * (SQLite in memory). Bounded and seeded so every run of the suite is the same; explore further with
 *   VELDWERK_FC_SEED=<n> VELDWERK_FC_RUNS=<n> npx vitest run test/unit/sync/property.test.ts
 */
const SEED = Number(process.env.VELDWERK_FC_SEED ?? 20261127);
const RUNS = Number(process.env.VELDWERK_FC_RUNS ?? 25);
const DEVICES = 3;
/** Few partners and fields, so that devices often change the same field at once. */
const PARTNERS = 2;
const MAX_ACTIONS = 30;

const PATHS = ['body.name', 'body.phone', 'body.email', 'body.openingHours', 'body.notes', 'themes'] as const;
type Path = (typeof PATHS)[number];
type BodyKey = 'name' | 'phone' | 'email' | 'openingHours' | 'notes';

/** A sync round as the network lets it happen: fully, or cut off at its first push before or after the server had it. */
/**
 * 'refused': a proxy refuses, as a whole, every push that carries the device's oldest queued change: the round
 * narrows it down, withdraws it in its place and keeps it under "needs attention"; the rest goes on.
 */
type Delivery = 'ok' | 'requestLost' | 'replyLost' | 'refused';
type Action =
  | { type: 'edit'; device: number; partner: number; paths: Path[] }
  | { type: 'resolve'; device: number; pick: number; choose: 'kept' | 'proposed' }
  | { type: 'sync'; device: number; delivery: Delivery }
  | { type: 'deal'; device: number; choose: 'retry' | 'discard' };

const device = fc.nat(DEVICES - 1);
const actions = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ type: fc.constant('edit' as const), device, partner: fc.nat(PARTNERS - 1), paths: fc.subarray([...PATHS], { minLength: 1, maxLength: 2 }) }) },
    {
      weight: 3,
      arbitrary: fc.record({ type: fc.constant('sync' as const), device, delivery: fc.constantFrom<Delivery>('ok', 'ok', 'ok', 'requestLost', 'replyLost', 'refused') }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('deal' as const), device, choose: fc.constantFrom('retry' as const, 'discard' as const) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('resolve' as const), device, pick: fc.nat(7), choose: fc.constantFrom('kept' as const, 'proposed' as const) }) },
  ),
  { minLength: 1, maxLength: MAX_ACTIONS },
);

/**
 * Edit number n sets a value no other edit of the run sets, so a value found later names the edit that made it.
 * Themes: the subset whose bits are n (n ≥ 1; far fewer than 2^14 edits per run), in THEMES order as the app keeps them.
 */
function valueFor(path: Path, n: number): unknown {
  switch (path) {
    case 'body.name':
      return `Partner ${n} (fictief)`;
    case 'body.phone':
      return `+32 9 ${String(n).padStart(3, '0')} 00 00`;
    case 'body.email':
      return `partner${n}@test.example`;
    case 'body.openingHours':
      return `ma–vr ${n} u`;
    case 'body.notes':
      return `Notitie ${n}`;
    case 'themes':
      return THEMES.filter((_t, i) => (n >> i) & 1);
  }
}

function valueOf(partner: Partner, path: string): unknown {
  return path === 'themes' ? partner.themes : (partner.body as unknown as Record<string, unknown>)[path.slice('body.'.length)];
}

const key = (value: unknown) => JSON.stringify(value);

interface Edit {
  n: number;
  device: number;
  partnerId: string;
  path: string;
  value: unknown;
}

let app: FastifyInstance;
let store: Db;
beforeAll(async () => {
  ({ app, store } = await sqliteServer());
});
afterAll(() => app.close());

/** A fresh organisation per run with one colleague per device, all in one team. */
async function colleagues(): Promise<Member[]> {
  const first = await createMember(store);
  const rest = await Promise.all(
    Array.from({ length: DEVICES - 1 }, async (_x, i) => {
      const password = `${first.password} ${i}`;
      const user = await createUser(store, {
        organisationId: first.organisationId,
        email: first.user.email.replace('@', `+${i}@`),
        displayName: `Collega ${i}`,
        role: 'worker',
        password,
        teamIds: [first.teamId],
      });
      return { ...first, user, password };
    }),
  );
  return [first, ...rest];
}

/** One sync round; a cut-off one must fail as 'offline' and is simply tried again by a later action. */
async function sync(d: Device, delivery: Delivery): Promise<void> {
  if (delivery === 'ok') {
    await d.sync();
    return;
  }
  if (delivery === 'refused') {
    const oldest = (d.use(), await db().outbox.orderBy('seq').filter((e) => e.status === 'pending').first());
    d.net.intercept = async (call, deliver) => {
      const carries =
        call.path === '/api/sync/push' && oldest !== undefined && (JSON.parse(call.body!) as PushRequest).mutations.some((m) => m.mutationId === oldest.mutationId && 'mutation' in m);
      return carries ? answer(400, '{"error":{"code":"proxy","message":"refused"}}') : pass(deliver);
    };
    try {
      await d.sync();
    } finally {
      d.net.intercept = null;
    }
    if (oldest) expect((await listNeedsAttention()).map((e) => e.mutationId)).toContain(oldest.mutationId);
    return;
  }
  const pending = (d.use(), await db().outbox.count());
  d.net.intercept = async (call, deliver) => {
    if (call.path !== '/api/sync/push') return deliver().then((r) => answer(r.status, r.body));
    d.net.intercept = null;
    if (delivery === 'replyLost') await deliver();
    throw new TypeError('Failed to fetch');
  };
  try {
    await d.sync();
    expect(pending, 'a round with nothing to push makes no push call').toBe(0);
  } catch (e) {
    expect(e).toEqual(new SyncError('offline'));
  } finally {
    d.net.intercept = null;
  }
}

/** Plays a script and checks the end state. */
async function run(script: Action[]): Promise<void> {
  const people = await colleagues();
  const devices = await Promise.all(people.map((m, i) => Device.signedIn(app, m, `prop-${i}`)));
  let n = 0;
  let clock = Date.parse('2026-11-27T08:00:00Z');
  const now = () => new Date((clock += 60_000));

  // The same synced partner set everywhere to start from.
  devices[0]!.use();
  const ids: string[] = [];
  for (let i = 0; i < PARTNERS; i++) ids.push((await createPartner(people[0]!.organisationId, { themes: [], body: { ...emptyPartnerBody(), name: `Start ${i}` } }, now())).id);
  for (const d of devices) await d.sync();

  const edits: Edit[] = [];
  const at = (partnerId: string, path: string) => `${partnerId} ${path}`;
  /** Per partner and field: the values the device showed (as the value, or in a conflict) when someone changed it. */
  const seenWhenChanged = new Map<string, Set<string>>();
  const seeBeforeChanging = (partner: Partner, path: string) => {
    const seen = seenWhenChanged.get(at(partner.id, path)) ?? new Set<string>();
    seen.add(key(valueOf(partner, path)));
    for (const c of partner.conflicts ?? []) if (c.field === path) seen.add(key(c.kept.value)).add(key(c.proposed.value));
    seenWhenChanged.set(at(partner.id, path), seen);
  };

  /** Edits the person let go on purpose (a refused change discarded): not lost silently. */
  const dropped = new Set<string>();
  const drop = (entry: OutboxEntry) => {
    if (entry.mutation.type !== 'partner.setFields') return;
    const { id, fields, themes } = entry.mutation;
    for (const [field, value] of Object.entries(fields)) dropped.add(`${at(id, `body.${field}`)} ${key(value)}`);
    if (themes) dropped.add(`${at(id, 'themes')} ${key(themes)}`);
  };

  for (const a of script) {
    const d = devices[a.device]!;
    if (a.type === 'sync') {
      await sync(d, a.delivery);
      continue;
    }
    d.use();
    if (a.type === 'deal') {
      const [refused] = await listNeedsAttention();
      if (!refused) continue;
      if (a.choose === 'retry') await retryChange(refused.mutationId);
      else {
        drop(refused);
        await discardChange(refused.mutationId);
      }
      continue;
    }
    if (a.type === 'edit') {
      const partner = (await getPartner(ids[a.partner]!))!;
      const body: Record<string, unknown> = { ...partner.body };
      let themes = partner.themes;
      for (const path of a.paths) {
        const value = valueFor(path, ++n);
        seeBeforeChanging(partner, path);
        if (path === 'themes') themes = value as Theme[];
        else body[path.slice('body.'.length) as BodyKey] = value;
        edits.push({ n, device: a.device, partnerId: partner.id, path, value });
      }
      await updatePartner(partner.id, { themes, body: body as unknown as PartnerBody }, now());
    } else {
      // Settles one conflict this device shows, with one of its two values, as the conflicts screen does.
      const open = await listConflicts();
      if (open.length === 0) continue;
      const { id, conflict } = open[a.pick % open.length]!;
      const value = conflict[a.choose].value;
      seeBeforeChanging((await getPartner(id))!, conflict.field);
      edits.push({ n: ++n, device: a.device, partnerId: id, path: conflict.field, value });
      await resolveConflict('partners', id, conflict.field, value, now());
    }
  }

  // Before the end every person deals with what was refused: they try it again, now that the proxy lets it through.
  for (const d of devices) {
    d.use();
    for (const refused of await listNeedsAttention()) await retryChange(refused.mutationId);
  }
  // Everyone comes online: two full rounds, so each device has pushed, and then pulled what the others pushed.
  for (let round = 0; round < 2; round++) {
    for (const d of devices) {
      await d.sync();
    }
  }

  const replicas: Partner[][] = [];
  for (const d of devices) {
    d.use();
    expect(await db().outbox.count(), `${d.name} still has queued changes`).toBe(0);
    replicas.push(await db().partners.orderBy('id').toArray());
  }
  const server = (await serverView(app, people[0]!)).partners;
  expect(server.map((p) => p.id)).toEqual([...ids].sort());
  // All replicas converge, and to what the server holds: bodies, themes, versions, field stamps, conflicts.
  for (const replica of replicas) expect(replica).toEqual(server);

  /*
   * No edit is silently lost. An edit (partner, field path, value) is accounted for when:
   *   (a) in the final state the field holds its value (it was applied, and it is the latest), or
   *   (b) in the final state an open conflict on that field shows its value (proposed, or kept), or
   *   (c) someone changed that field on a device that was showing this value, as the field's value or in a
   *       conflict on it: it was overwritten knowingly ("applied, then overwritten by a change based on it",
   *       "a conflict resolved the other way", "the author changed their mind"), or
   * An edit for which none of these holds is silently lost: it vanished and no person ever saw it, neither as
   * the field's value when changing the field nor as a conflict. Values are unique per edit (valueFor), so the
   * checks name the edit; a resolution re-uses the value it chose, which is then a value someone saw.
   */
  const final = new Map(server.map((p) => [p.id, p]));
  const lost = edits.filter((e) => {
    const partner = final.get(e.partnerId)!;
    if (key(valueOf(partner, e.path)) === key(e.value)) return false;
    if (dropped.has(`${at(e.partnerId, e.path)} ${key(e.value)}`)) return false;
    if ((partner.conflicts ?? []).some((c) => c.field === e.path && (key(c.proposed.value) === key(e.value) || key(c.kept.value) === key(e.value)))) return false;
    return !seenWhenChanged.get(at(e.partnerId, e.path))?.has(key(e.value));
  });
  expect(lost, 'edits silently lost').toEqual([]);
}

describe('random offline edits on three devices, synced in random orders', () => {
  it('converge on every device and the server, and never lose an edit silently', async () => {
    await fc.assert(
      fc.asyncProperty(actions, (script) => run(script)),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);

  // Found by the property (shrunk): a second proposal for a field already in conflict replaced the first one on
  // the server, before any device had pulled it. Fixed in src/sync/merge.ts: proposals now stand side by side.
  it('keeps every concurrent proposal for one field visible, not only the last one to arrive', () =>
    run(
      [
        { type: 'edit', device: 0, partner: 1, paths: ['body.email'] },
        { type: 'edit', device: 0, partner: 1, paths: ['body.email', 'body.notes'] },
        { type: 'edit', device: 1, partner: 1, paths: ['body.email', 'body.openingHours'] },
      ],
    ));

  /*
   * Was a known gap, closed in src/sync/merge.ts: recording a conflict now moves the field's version. Here: 0 sets
   * the name and syncs; 1, offline since before, sets another name and syncs, and the server keeps 0's name with
   * 1's as a conflict; 0, which has not pulled since, changes the name again and syncs. Before the fix that
   * settled the conflict and 1's proposal was gone without anyone having chosen; now it is one more proposal.
   */
  it('a change by someone who never saw an open conflict is added beside it, never settles it', () =>
    run(
      [
        { type: 'edit', device: 0, partner: 0, paths: ['body.name'] },
        { type: 'edit', device: 1, partner: 0, paths: ['body.name'] },
        { type: 'sync', device: 0, delivery: 'ok' },
        { type: 'sync', device: 1, delivery: 'ok' },
        { type: 'edit', device: 0, partner: 0, paths: ['body.name'] },
      ],
    ));

  /*
   * Was a known gap, closed in src/sync/merge.ts: both changes carry the base the device had before the first
   * one (it learns the new version only from a pull), so the server took the second for a concurrent change and
   * asked the person to choose between two values they typed themselves. A field the same device set last now
   * counts as seen by it.
   */
  it('one device changing a field twice offline ends with its last value, not a conflict with itself', async () => {
    const [person] = await colleagues();
    const device = await Device.signedIn(app, person!, 'twice');
    const partner = await createPartner(person!.organisationId, { themes: [], body: { ...emptyPartnerBody(), name: 'Tweemaal (fictief)' } });
    await device.sync();
    await updatePartner(partner.id, { themes: [], body: { ...partner.body, phone: '+32 9 444 44 41' } });
    await updatePartner(partner.id, { themes: [], body: { ...partner.body, phone: '+32 9 444 44 42' } });
    await device.sync();
    device.use();
    const synced = (await getPartner(partner.id))!;
    expect([synced.body.phone, synced.conflicts]).toEqual(['+32 9 444 44 42', []]);
  });
});
