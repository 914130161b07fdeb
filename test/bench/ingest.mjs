// Server ingest: mutations per second through the real Fastify app (app.inject: routing, JSON, auth, schema
// parsing, merge, transactions) on SQLite as in production (a file, WAL, synchronous=FULL) and on PostgreSQL.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { freshDir, median, removeDir } from './lib.mjs';

const BATCH = 500;
const DEFAULT_PG = 'postgres://root@127.0.0.1:5432/test';
const load = (path) => tsImport(`../../src/${path}`, import.meta.url);

/**
 * `runs` timed runs per database (after one untimed), each pushing `batches` batches of 500 mutations from a
 * fresh device: 4 of 5 are ~1 KB visit notes, 1 of 5 a field edit on one of 50 partners. Returns changes/s
 * per run; `postgres` is null when no PostgreSQL was reachable (the reason is in `notes`).
 */
export async function measureIngest({ runs = 5, batches = 6, log = () => {} } = {}) {
  const notes = [];
  const sqliteDir = freshDir('ingest-sqlite');
  let sqlite;
  try {
    sqlite = await measureOn({ kind: 'sqlite', file: join(sqliteDir, 'ingest.sqlite') }, { runs, batches, log: (m) => log(`ingest sqlite: ${m}`) });
  } finally {
    removeDir(sqliteDir);
  }
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_PG;
  const schema = `vw_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  let postgres = null;
  try {
    await admin.connect();
  } catch (e) {
    notes.push(`ingest: PostgreSQL not measured, ${url} unreachable (${e.message}); set TEST_DATABASE_URL`);
    return { sqlite: sqlite.rates, postgres, isolation: sqlite.isolation, notes: [...notes, sqlite.note] };
  }
  try {
    await admin.query(`create schema ${schema}`);
    postgres = await measureOn({ kind: 'postgres', url, schema }, { runs, batches, log: (m) => log(`ingest postgres: ${m}`) });
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`).catch(() => {});
    await admin.end();
  }
  return { sqlite: sqlite.rates, postgres: postgres.rates, isolation: sqlite.isolation, notes: [sqlite.note, postgres.note] };
}

async function measureOn(config, { runs, batches, log }) {
  const [{ buildServer }, { openDatabase }, { migrateToLatest }, { createOrganisation, createTeam }, { createUser }, { newId }, { emptyVisitNote }, { emptyPartnerBody }] = await Promise.all([
    load('server/app.ts'),
    load('server/store/openDatabase.ts'),
    load('server/store/migrations.ts'),
    load('server/accounts/organisations.ts'),
    load('server/accounts/users.ts'),
    load('model/ids.ts'),
    load('model/visitNote.ts'),
    load('model/partner.ts'),
  ]);
  const db = openDatabase(config);
  const staticDir = freshDir(`ingest-static-${config.kind}`);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  let app;
  try {
    await migrateToLatest(db);
    app = await buildServer({ staticDir, demo: false, version: 'bench', database: db });
    const org = await createOrganisation(db, { name: 'Benchgemeente' });
    const team = await createTeam(db, { organisationId: org.id, name: 'Bench' });
    const password = `bench password ${randomBytes(4).toString('hex')}`;
    const user = await createUser(db, { organisationId: org.id, email: `bench-${config.kind}@test.example`, displayName: 'Bench', role: 'worker', password, teamIds: [team.id] });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
    const headers = { authorization: `Bearer ${login.json().accessToken}`, 'content-type': 'application/json' };

    const now = () => new Date().toISOString();
    const stamp = () => ({ createdAt: now(), updatedAt: now(), version: 0 });
    const cases = Array.from({ length: 20 }, (_, i) => ({ id: newId(), scopeId: team.id, status: 'open', ...stamp(), body: { label: `Dossier ${i} (fictief)`, address: '', phone: '', household: '' } }));
    const partners = Array.from({ length: 50 }, (_, i) => ({ id: newId(), scopeId: org.id, themes: ['wonen'], ...stamp(), body: { ...emptyPartnerBody(), name: `Partner ${i} (fictief)` } }));
    const note = (i) => {
      const body = emptyVisitNote('2025-03-14');
      body.context = { ...body.context, place: 'Thuis', reason: 'Opvolging na het eerste huisbezoek (fictief).' };
      body.observaties.facts = `Observatie ${i}: `.padEnd(520, 'De woning is netjes, de brievenbus puilt uit. ');
      body.hulpvraag.ownWords = '“We willen de facturen op tijd betalen.”';
      return { type: 'note.add', row: { id: newId(), scopeId: team.id, caseId: cases[i % cases.length].id, date: '2025-03-14', ...stamp(), body } };
    };
    const edit = (i) => ({ type: 'partner.setFields', id: partners[i % partners.length].id, fields: { phone: `+32 9 000 ${String(i % 100).padStart(2, '0')} ${String(i % 97).padStart(2, '0')}`, notes: `Bijgewerkt ${i}` } });
    // A base far ahead means "I saw everything": the edit is merged and applied (a conflict costs the same).
    const base = { 'body.phone': 2 ** 40, 'body.notes': 2 ** 40 };

    const device = () => {
      let seq = 0;
      const clientId = newId();
      return (mutations) => JSON.stringify({ protocol: 1, clientId, mutations: mutations.map((mutation) => ({ mutationId: newId(), seq: ++seq, createdAt: now(), mutation, base: mutation.type === 'partner.setFields' ? base : {} })) });
    };
    const push = async (payload) => {
      const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers, payload });
      if (res.statusCode !== 200) throw new Error(`push answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      const bad = res.json().results.filter((r) => r.outcome !== 'applied');
      if (bad.length) throw new Error(`push not applied: ${JSON.stringify(bad.slice(0, 3))}`);
    };
    const setup = device();
    await push(setup([...cases.map((row) => ({ type: 'case.create', row })), ...partners.map((row) => ({ type: 'partner.create', row }))]));

    const bytes = [];
    const rates = [];
    for (let run = 0; run <= runs; run++) {
      const send = device();
      let n = 0;
      // Built before the clock starts: the client's work is not the server's ingest.
      const payloads = Array.from({ length: batches }, () => send(Array.from({ length: BATCH }, () => (++n % 5 === 0 ? edit(n) : note(n)))));
      bytes.push(payloads[0].length);
      const started = performance.now();
      for (const payload of payloads) await push(payload);
      const seconds = (performance.now() - started) / 1000;
      const rate = (batches * BATCH) / seconds;
      if (run > 0) rates.push(rate);
      log(`run ${run}/${runs}${run === 0 ? ' (untimed)' : ''}: ${batches * BATCH} changes in ${(seconds * 1000).toFixed(0)} ms = ${rate.toFixed(0)}/s`);
    }
    // One refused change in the middle of a push: answered in its place, the 499 others applied in the same
    // push. Clean and spoiled pushes alternate (fresh devices each), so both see the same machine and database.
    const isolation = { clean: [], oneBad: [] };
    for (let run = 0; run <= runs; run++) {
      for (const spoil of [false, true]) {
        const send = device();
        let n = 0;
        const changes = Array.from({ length: BATCH }, () => (++n % 5 === 0 ? edit(n) : note(n)));
        // A note without its body: the server's own parse refuses it, as it would a corrupt change.
        if (spoil) {
          const broken = note(n + 1);
          changes[BATCH / 2] = { ...broken, row: { ...broken.row, body: undefined } };
        }
        const payload = send(changes);
        const started = performance.now();
        const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers, payload });
        const ms = performance.now() - started;
        const outcomes = res.json().results.map((r) => r.outcome);
        const applied = outcomes.filter((o) => o === 'applied').length;
        if (res.statusCode !== 200 || applied !== BATCH - (spoil ? 1 : 0)) throw new Error(`isolation push: ${res.statusCode}, ${applied} applied`);
        if (run > 0) isolation[spoil ? 'oneBad' : 'clean'].push(ms);
      }
    }
    log(`refused change isolated: clean ${median(isolation.clean).toFixed(0)} ms, one bad ${median(isolation.oneBad).toFixed(0)} ms (medians of ${runs})`);
    const summary = `ingest ${config.kind}: ${runs} runs of ${batches} × ${BATCH} mutations (80% ~1 KB notes, 20% partner field edits; push body ${(median(bytes) / 1024).toFixed(0)} KiB) through app.inject`;
    return { rates, isolation, note: summary };
  } finally {
    await app?.close();
    await db.destroy();
    removeDir(staticDir);
  }
}
