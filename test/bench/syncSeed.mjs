// Server side of the sync benchmarks: seeds a migrated SQLite file through the server's own code (account
// functions, then the real push route via app.inject, so every row passed the protocol's schemas and merge),
// and plays "another device" that pushes changes over HTTP while the bench device is offline.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { freshDir, removeDir } from './lib.mjs';

const load = (path) => tsImport(path, import.meta.url);
const PUSH = 500; // MAX_PUSH of src/sync/protocol.ts
export const SYNC_SCOPES = { orgId: 'bench-org', teamId: 'bench-team' };
const PASSWORD = `bench password ${randomBytes(6).toString('hex')}`;
export const USERS = {
  device: { email: 'device@bench.example', password: PASSWORD },
  colleague: { email: 'colleague@bench.example', password: PASSWORD },
};

/** A device that pushes in order: dense per-client seq from 1, as the protocol requires. */
export function pushDevice(newId) {
  const clientId = newId();
  let seq = 0;
  const now = () => new Date().toISOString();
  // `base` far ahead means "I saw every version of these fields": the change applies (as in ingest.mjs).
  const entry = (mutation, base = {}) => ({ mutationId: newId(), seq: ++seq, createdAt: now(), mutation, base });
  return (mutations) => JSON.stringify({ protocol: 1, clientId, mutations: mutations.map((m) => (Array.isArray(m) ? entry(...m) : entry(m))) });
}

function requireApplied(status, body) {
  if (status !== 200) throw new Error(`push answered ${status}: ${String(body).slice(0, 300)}`);
  const bad = JSON.parse(body).results.filter((r) => r.outcome !== 'applied');
  if (bad.length) throw new Error(`push not applied: ${JSON.stringify(bad.slice(0, 3))}`);
}

/**
 * A migrated SQLite file (WAL, synchronous=FULL, as in production) holding one organisation, one team, two
 * workers, `cases` cases and `partners` partners, and `noteCount` ~1 KB visit notes of test/bench/page/notes.ts
 * spread over those cases. Returns the file, the notes as the device stores them (for PouchDB) and the ids.
 */
export async function seedSyncServer({ noteCount, cases, partners, log = () => {} }) {
  const [{ buildServer }, { openDatabase }, { migrateToLatest }, orgs, { createUser }, { newId }, { emptyPartnerBody }, notesGen] = await Promise.all([
    load('../../src/server/app.ts'),
    load('../../src/server/store/openDatabase.ts'),
    load('../../src/server/store/migrations.ts'),
    load('../../src/server/accounts/organisations.ts'),
    load('../../src/server/accounts/users.ts'),
    load('../../src/model/ids.ts'),
    load('../../src/model/partner.ts'),
    load('./page/notes.ts'),
  ]);
  const dir = freshDir('sync-server');
  const file = join(dir, 'veldwerk.sqlite');
  const db = openDatabase({ kind: 'sqlite', file });
  let app;
  try {
    await migrateToLatest(db);
    await orgs.createOrganisation(db, { id: SYNC_SCOPES.orgId, name: 'Benchmarkstad (fictief)' });
    await orgs.createTeam(db, { id: SYNC_SCOPES.teamId, organisationId: SYNC_SCOPES.orgId, name: 'Bench' });
    for (const [key, u] of Object.entries(USERS)) {
      await createUser(db, { ...u, organisationId: SYNC_SCOPES.orgId, displayName: `Bench ${key} (fictief)`, role: 'worker', teamIds: [SYNC_SCOPES.teamId] });
    }
    const staticDir = freshDir('sync-server/static'); // buildServer wants a built app; the API is what is measured
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
    app = await buildServer({ staticDir, demo: false, version: 'bench', database: db });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: USERS.colleague });
    const headers = { authorization: `Bearer ${login.json().accessToken}`, 'content-type': 'application/json' };

    // The notes generator of the data-layer bench (same ~1 KB rows), with this team as their scope.
    const notes = notesGen.makeNotes(noteCount, cases).map((n) => ({ ...n, scopeId: SYNC_SCOPES.teamId }));
    const iso = new Date().toISOString();
    const stamp = { createdAt: iso, updatedAt: iso, version: 0 };
    const caseIds = Array.from({ length: cases }, (_, i) => notesGen.caseId(i));
    const caseRows = caseIds.map((id, i) => ({ id, scopeId: SYNC_SCOPES.teamId, status: 'open', ...stamp, body: { label: `Dossier ${i} (fictief)`, address: `Proefstraat ${i}, 9999 Benchmarkstad`, phone: '', household: '' } }));
    const partnerRows = Array.from({ length: partners }, (_, i) => ({ id: newId(), scopeId: SYNC_SCOPES.orgId, themes: ['wonen'], ...stamp, body: { ...emptyPartnerBody(), name: `Partner ${i} (fictief)` } }));
    const mutations = [
      ...caseRows.map((row) => ({ type: 'case.create', row })),
      ...partnerRows.map((row) => ({ type: 'partner.create', row })),
      ...notes.map((row) => ({ type: 'note.add', row })),
    ];
    const send = pushDevice(newId);
    const started = performance.now();
    for (let i = 0; i < mutations.length; i += PUSH) {
      const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers, payload: send(mutations.slice(i, i + PUSH)) });
      requireApplied(res.statusCode, res.body);
    }
    log(`seeded ${mutations.length} rows through /api/sync/push in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { dir, file, notes, caseIds, partnerIds: partnerRows.map((p) => p.id), newId };
  } finally {
    await app?.close();
    await db.destroy(); // the server process opens the file next; WAL is checkpointed on close
    removeDir(join(dir, 'static'));
  }
}

/**
 * "Another device": signs in as the colleague over HTTP. `push` sends changes while the bench device waits;
 * `readSnapshot` fetches a scope's whole snapshot as the app would, to time the server's share without a browser.
 */
export async function remoteDevice(baseUrl, newId) {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(USERS.colleague) });
  if (!res.ok) throw new Error(`colleague login answered ${res.status}`);
  const { accessToken } = await res.json();
  const authorization = `Bearer ${accessToken}`;
  const send = pushDevice(newId);
  const push = async (mutations) => {
    const answer = await fetch(`${baseUrl}/api/sync/push`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: send(mutations) });
    requireApplied(answer.status, await answer.text());
  };
  const readSnapshot = async (scope) => {
    const started = performance.now();
    let after = '';
    let pages = 0;
    do {
      const query = new URLSearchParams({ scope, protocol: '1', ...(after ? { after } : {}) });
      // The browser's accept-encoding: the server compresses with brotli as it does for the app.
      const page = await fetch(`${baseUrl}/api/sync/snapshot?${query}`, { headers: { authorization, 'accept-encoding': 'gzip, deflate, br, zstd' } });
      if (!page.ok) throw new Error(`snapshot answered ${page.status}`);
      after = (await page.json()).nextAfter;
      pages++;
    } while (after);
    return { ms: performance.now() - started, pages };
  };
  return { push, readSnapshot };
}
