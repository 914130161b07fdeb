import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/model/ids';
import { PROTOCOL_VERSION } from '../../src/sync/protocol';
import { accessToken, getChanges } from './support/syncClient';
import { caseRow, followUpRow, noteRow, partnerRow } from './support/syncFixtures';
import { describeEachDatabase } from './support/testDatabases';
import { createMember, SIGN_IN_FREELY, startApp, type Member } from './support/testServer';

/**
 * Malformed pushes, generated: a valid one-change push with one value anywhere in it replaced by something
 * hostile (NUL, lone surrogates, huge strings, deep nesting, prototype keys, wrong types), or a key dropped.
 * On both databases none may get a 500, and none may change stored data unless the answer says it applied.
 * Seeded, so every run is the same; explore further with VELDWERK_FC_SEED / VELDWERK_FC_RUNS.
 */
const SEED = Number(process.env.VELDWERK_FC_SEED ?? 20261203);
const RUNS = Number(process.env.VELDWERK_FC_RUNS ?? 1000);
/** Stands for a value spliced into the JSON text after stringifying: nesting and keys JSON.stringify would not keep. */
const RAW = '@@raw@@';

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('\u0000', 'id\u0000', '\ud800', 'id\udc00x') },
  fc.constantFrom('\u0000', 'case\u0000id', '\ud800', 'x\udfff', '', ' ', '%00', "'; DROP TABLE records;--", '../../etc/passwd', '\u202e', 'a'.repeat(65)),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 300_000 }).map((n) => 'x'.repeat(n)),
);
const hostileRaw = fc.oneof(
  fc.nat({ max: 5000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.nat({ max: 2000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.constantFrom('{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}', '1e400', '-0', '9007199254740993'),
);
const hostileValue = fc.oneof(
  hostileString,
  hostileRaw.map((raw) => ({ [RAW]: raw })),
  fc.constantFrom(null, true, -1, 0.5, 2 ** 53, [], {}, [[]], { body: null }),
);

const ID_KEYS = new Set(['clientId', 'mutationId', 'id', 'scopeId', 'caseId', 'noteId']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON value, so one can be replaced. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const inner = Array.isArray(value)
    ? value.flatMap((item, i) => paths(item, [...prefix, i]))
    : value !== null && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))
      : [];
  return [prefix, ...inner];
}

function replaced(value: Json, path: Array<string | number>, next: unknown, drop: boolean): Json {
  if (path.length === 0) return next as Json;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  if (rest.length === 0 && drop) delete copy[head];
  else copy[head] = replaced(copy[head]!, rest, next, drop);
  return copy as Json;
}

/** The JSON text, with each `{ [RAW]: text }` spliced in as raw JSON. */
function toText(value: Json): string {
  return JSON.stringify(value).replace(/\{"@@raw@@":"((?:[^"\\]|\\.)*)"\}/g, (_m, text: string) => JSON.parse(`"${text}"`) as string);
}

describeEachDatabase('sync push, fuzzed', (store) => {
  let app: FastifyInstance;
  let member: Member;
  let token: string;
  let caseId: string;
  let followUpId: string;
  beforeAll(async () => {
    app = await startApp(store().db, SIGN_IN_FREELY);
    member = await createMember(store().db);
    token = await accessToken(app, member);
    // A case and a follow-up to change, so changes of existing rows are fuzzed as well as creates.
    const kase = caseRow(member.teamId);
    const followUp = followUpRow(member.teamId, kase.id);
    const setUp = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        protocol: PROTOCOL_VERSION,
        clientId: newId(),
        mutations: [
          { mutationId: newId(), seq: 1, createdAt: new Date().toISOString(), mutation: { type: 'case.create', row: kase }, base: {} },
          { mutationId: newId(), seq: 2, createdAt: new Date().toISOString(), mutation: { type: 'followUp.add', row: followUp }, base: {} },
        ],
      },
    });
    expect(setUp.statusCode).toBe(200);
    caseId = kase.id;
    followUpId = followUp.id;
  });
  afterAll(() => app.close());

  /** What is stored, in a few numbers: any write to the scopes' rows or versions changes it. */
  const digest = async () => {
    const rows = await store()
      .db.selectFrom('records')
      .select([sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(version), 0)`.as('versions')])
      .where('scope_id', 'in', [member.teamId, member.organisationId])
      .executeTakeFirstOrThrow();
    return `${Number(rows.n)}/${Number(rows.versions)}`;
  };

  const validChange = (): Json[] => [
    { type: 'case.create', row: caseRow(member.teamId) as unknown as Json },
    { type: 'note.add', row: noteRow(member.teamId, caseId) as unknown as Json },
    { type: 'partner.create', row: partnerRow(member.organisationId) as unknown as Json },
    { type: 'case.setFields', id: caseId, fields: { household: 'Twee volwassenen (fictief)' } },
    { type: 'followUp.complete', id: followUpId, doneAt: new Date().toISOString() },
  ];

  it(`answers ${RUNS} malformed pushes without a 500, and changes nothing it did not say it applied`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 4 }), fc.nat(), fc.boolean(), hostileValue, fc.boolean(), async (which, pick, anId, hostile, drop) => {
        const push: Json = {
          protocol: PROTOCOL_VERSION,
          clientId: newId(),
          mutations: [{ mutationId: newId(), seq: 1, createdAt: new Date().toISOString(), mutation: validChange()[which]!, base: {} }],
        };
        // Half the time an id: ids become database keys, where a NUL once made PostgreSQL answer 500.
        const all = paths(push);
        const ids = all.filter((p) => ID_KEYS.has(String(p[p.length - 1])));
        const from = anId ? ids : all;
        const path = from[pick % from.length]!;
        const payload = toText(replaced(push, path, hostile, drop && path.length > 0));
        const before = await digest();
        const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload });
        expect(res.statusCode, `${res.statusCode} for a change at ${path.join('.')}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        const applied = res.statusCode === 200 && (res.json().results as Array<{ outcome: string }>).some((r) => r.outcome === 'applied' || r.outcome === 'conflict');
        if (!applied) expect(await digest()).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Whatever was stored reads back: the team's changes answer 200 on this database.
    const pulled = await getChanges(app, token, member.teamId, 0);
    expect(pulled.statusCode).toBe(200);
  }, 300_000);
});
