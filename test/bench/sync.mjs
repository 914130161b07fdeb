// The sync benchmarks of issue 3: a fresh device pulling 10,000 notes (and PouchDB replicating the same
// documents, in the same browser, alternately), 1,000 offline edits pushed, 100 remote changes pulled.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { openBarePage } from './barePage.mjs';
import { freePort, freshDir, median, ROOT, removeDir, startProcess, WORK } from './lib.mjs';
import { startProxy } from './proxy.mjs';
import { remoteDevice, seedSyncServer, SYNC_SCOPES, USERS } from './syncSeed.mjs';

const PAGE_OUT = join(WORK, 'sync-page');

/** The page bundles src/sync, src/db and pouchdb-browser; a plain build, no app config (no service worker). */
export async function buildSyncPage() {
  await build({
    configFile: false,
    root: join(ROOT, 'test/bench/syncPage'),
    logLevel: 'warn',
    build: { outDir: PAGE_OUT, emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
}

/**
 * `runs` timed runs of each measurement after one untimed (JIT, the server's page cache, IndexedDB start-up).
 * `appDist` is the built app, which the server insists on serving; only /api is used here. `register` hands
 * the clean-up to the harness too, so its watchdog and Ctrl-C end the two servers and the browser as well.
 */
export async function measureSync({ appDist, noteCount = 10_000, cases = 1000, partners = 100, caseEdits = 900, remoteEdits = 100, runs = 5, log, register = () => {} }) {
  const cleanups = [];
  const cleanUp = async () => {
    while (cleanups.length) await cleanups.pop()().catch((e) => log(`sync cleanup failed: ${e.message}`));
  };
  register(cleanUp);
  try {
    const seed = await seedSyncServer({ noteCount, cases, partners, log });
    cleanups.push(async () => removeDir(seed.dir));
    // The same rows, as CouchDB documents: the note as the device stores it, its id as _id.
    const pouchDir = freshDir('sync-pouch');
    cleanups.push(async () => removeDir(pouchDir));
    const docsFile = join(pouchDir, 'docs.json');
    const docs = seed.notes.map((note) => ({ _id: note.id, ...note }));
    writeFileSync(docsFile, JSON.stringify(docs));
    const docBytes = JSON.stringify(docs).length / docs.length;

    const appPort = await freePort();
    // DATABASE_URL emptied: this server must use the seeded SQLite file even where PostgreSQL is configured.
    const app = await startProcess('npx', ['tsx', 'src/server/main.ts'], {
      env: { PORT: String(appPort), HOST: '127.0.0.1', STATIC_DIR: appDist, DATABASE_FILE: seed.file, DATABASE_URL: '', DEMO: '0' },
      ready: /https?:\/\/\S+/,
    });
    cleanups.push(app.stop);
    const pouch = await startProcess('node', ['test/bench/pouchServer.mjs', pouchDir, docsFile], { ready: /pouch ready http:\/\/127\.0\.0\.1:(\d+)(\S+)/ });
    cleanups.push(pouch.stop);
    const [, pouchPort, pouchPath] = pouch.match;

    await buildSyncPage();
    const proxy = await startProxy(PAGE_OUT, [['/api/', appPort], ['/couch/', Number(pouchPort)]]);
    cleanups.push(proxy.close);
    const page = await openBarePage(`${proxy.url}/`, { profileName: 'profile-sync', label: 'sync page error', log });
    cleanups.push(page.close);
    const { call } = page;
    await call('login', USERS.device.email, USERS.device.password);

    // 1 + 2: alternately, so drift (disk cache, GC, thermal) spreads over both sides evenly. Each timed run
    // follows the deletion of the run before's database (dropDevice, PouchDB's destroy) and starts after the
    // browser has finished with it (syncPage/settle.ts).
    // Issue 13: the same fresh device as a signed-in one (client rows sealed), in the same rotation; the
    // plaintext device syncs last, so the push and pull measurements below run as before.
    const fresh = [];
    const freshSealed = [];
    const pouchRuns = [];
    const probeCase = seed.caseIds[0];
    for (let i = 0; i <= runs; i++) {
      await call('dropDevice');
      const p = await call('pouchReplicate', `${proxy.url}${pouchPath}`, noteCount);
      const sealed = await call('freshSync', probeCase, noteCount, true);
      const v = await call('freshSync', probeCase, noteCount, false);
      if (i > 0) pouchRuns.push(p), fresh.push(v), freshSealed.push(sealed);
      log(`sync run ${i}/${runs}${i ? '' : ' (untimed)'}: fresh device ${v.ms.toFixed(0)} ms (${v.pulled} rows pulled), sealed ${sealed.ms.toFixed(0)} ms, PouchDB ${p.ms.toFixed(0)} ms (${p.docsWritten} docs written)`);
    }

    // 3: the device that synced last makes its edits offline (untimed), then syncs.
    const pushes = [];
    const edited = seed.caseIds.slice(0, caseEdits);
    for (let i = 0; i <= runs; i++) {
      const waiting = await call('localEdits', i, edited, seed.partnerIds);
      const r = await call('pushEdits');
      if (i > 0) pushes.push(r);
      log(`push run ${i}/${runs}${i ? '' : ' (untimed)'}: ${waiting} edits, pushed and acknowledged in ${r.pushMs.toFixed(0)} ms (requests ${r.pushRequestMs.toFixed(0)} ms), whole syncOnce ${r.ms.toFixed(0)} ms (${r.pulled} rows pulled back)`);
    }

    // 4: the colleague changes addresses from Node over HTTP straight to the server, then the device syncs.
    const { push, readSnapshot } = await remoteDevice(`http://127.0.0.1:${appPort}`, seed.newId);
    const remote = [];
    const targets = seed.caseIds.slice(-remoteEdits);
    for (let i = 0; i <= runs; i++) {
      const expected = Object.fromEntries(targets.map((id, j) => [id, `Nieuwstraat ${i}-${j}, 9999 Benchmarkstad`]));
      await push(targets.map((id) => [{ type: 'case.setFields', id, fields: { address: expected[id] } }, { 'body.address': 2 ** 40 }]));
      const r = await call('remoteChanges', expected);
      if (i > 0) remote.push(r);
      log(`remote run ${i}/${runs}${i ? '' : ' (untimed)'}: ${r.pulled} rows pulled, visible after ${r.ms.toFixed(0)} ms`);
    }

    // Diagnosis, uncounted: where a fresh device's time goes, and the server's share measured from Node.
    const probe = await call('probeFreshSync', USERS.device.email, USERS.device.password);
    const server = [];
    for (let i = 0; i < 3; i++) server.push(await readSnapshot(SYNC_SCOPES.teamId));
    log(`probe: ${JSON.stringify(probe)}; server snapshot from Node ${server.map((r) => r.ms.toFixed(0)).join(', ')} ms`);

    const m = (xs, k) => median(xs.map((x) => x[k])).toFixed(0);
    const notes = [
      `sync: ${noteCount} notes (${(docBytes / 1000).toFixed(2)} kB JSON each as CouchDB docs) over ${cases} cases, ${partners} partners; server = npm start's main.ts on a seeded SQLite file, page and both servers behind one same-origin loopback proxy`,
      `sync fresh device medians: syncOnce ${m(fresh, 'syncMs')} ms + latestNotesOfCase; PouchDB replicate.from ${m(pouchRuns, 'replicatedMs')} ms + info/allDocs check (default replication options, IndexedDB adapter); every timed run, and each write of the probe's floor, starts 5 s after the database before it was deleted (syncPage/settle.ts)`,
      `sync fresh device, one uncounted instrumented run: ${probe.totalMs.toFixed(0)} ms = network ${probe.netMs.toFixed(0)} ms (${probe.requests} requests, ${(probe.bytes / 1e6).toFixed(1)} MB decoded, server work included) + response parsing ${probe.parseMs.toFixed(0)} ms + applyPage transactions ${probe.applyMs.toFixed(0)} ms (${probe.applyTx}) + rest ${(probe.totalMs - probe.netMs - probe.parseMs - probe.applyMs).toFixed(0)} ms; the same ${probe.rows} rows by one bulkPut per table and page, without the app's checks (median of 3): ${probe.bulkMs.toFixed(0)} ms (notes carry no per-field versions: they never change); the team's snapshot fetched from Node (server + loopback, no browser): median ${median(server.map((r) => r.ms)).toFixed(0)} ms for ${server[0].pages} pages`,
      `sync push medians (${caseEdits} updateCase + ${partners} updatePartner, 2 pushes of 500): syncOnce start to empty outbox ${m(pushes, 'pushMs')} ms, of which the push requests (server, network, answer parsing) ${m(pushes, 'pushRequestMs')} ms and the device's queue work (pendingBatch, acknowledge) the rest; the whole syncOnce, which then pulls the ${pushes[0].pulled} changed rows back, ${m(pushes, 'ms')} ms`,
      `sync remote medians: syncOnce ${m(remote, 'syncMs')} ms of ${m(remote, 'ms')} ms until all ${remoteEdits} values read back through getCase`,
    ];
    return { fresh: fresh.map((r) => r.ms), freshSealed: freshSealed.map((r) => r.ms), pouch: pouchRuns.map((r) => r.ms), push: pushes.map((r) => r.pushMs), pushWhole: pushes.map((r) => r.ms), remote: remote.map((r) => r.ms), notes };
  } finally {
    await cleanUp();
  }
}
