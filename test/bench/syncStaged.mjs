// Issue 12 point 6: a fresh tablet of a team with 50,000 notes over 2,000 cases. Timed from sign-in: a usable
// caseload, and one open case's newest 20 notes; then the whole history in the background against writing the
// same rows into IndexedDB alone, alternately in one browser. Server: main.ts on its own seeded SQLite file.
import { openBarePage } from './barePage.mjs';
import { freePort, median, removeDir, startProcess, WORK } from './lib.mjs';
import { startProxy } from './proxy.mjs';
import { buildSyncPage } from './sync.mjs';
import { seedSyncServer, USERS } from './syncSeed.mjs';
import { join } from 'node:path';

const PAGE_OUT = join(WORK, 'sync-page');

/** A fixed amount of CPU work in the page (the same loop as coldStart.mjs): this machine's speed. */
function busyLoop() {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 1e7; i++) x += Math.sqrt(i);
  return x > 0 ? performance.now() - t : -1;
}

/**
 * After the timed runs, `memoryRuns` more (the diagnosis printed in the notes, not a row): the history pages parsed
 * from text kept in the page instead of fetched, each against its own raw write. The server, the bench's proxy and
 * the browser's network work share this machine's cores with IndexedDB; a tablet shares its cores with none of
 * the first two. Those runs show what the history costs the device itself.
 */
export async function measureStagedSync({ appDist, noteCount = 50_000, cases = 2000, partners = 100, runs = 3, memoryRuns = 2, log, register = () => {} }) {
  const cleanups = [];
  const cleanUp = async () => {
    while (cleanups.length) await cleanups.pop()().catch((e) => log(`staged sync cleanup failed: ${e.message}`));
  };
  register(cleanUp);
  try {
    const seed = await seedSyncServer({ noteCount, cases, partners, log });
    cleanups.push(async () => removeDir(seed.dir));
    // The open case the person opens: the one with the most notes (so it surely has 20).
    const perCase = new Map();
    for (const note of seed.notes) perCase.set(note.caseId, (perCase.get(note.caseId) ?? 0) + 1);
    const [probeCase, probeNotes] = [...perCase].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];

    const appPort = await freePort();
    const app = await startProcess('npx', ['tsx', 'src/server/main.ts'], {
      env: { PORT: String(appPort), HOST: '127.0.0.1', STATIC_DIR: appDist, DATABASE_FILE: seed.file, DATABASE_URL: '', DEMO: '0' },
      ready: /https?:\/\/\S+/,
    });
    cleanups.push(app.stop);
    await buildSyncPage();
    const proxy = await startProxy(PAGE_OUT, [['/api/', appPort]]);
    cleanups.push(proxy.close);
    const page = await openBarePage(`${proxy.url}/`, { profileName: 'profile-staged', label: 'staged sync page error', log });
    cleanups.push(page.close);
    const { call } = page;

    const loop = [];
    for (let i = 0; i < 5; i++) loop.push(await page.evaluate(`(${busyLoop})()`));
    const staged = [];
    const raw = [];
    for (let i = 0; i <= runs; i++) {
      const s = await call('stagedSync', USERS.device.email, USERS.device.password, probeCase, cases, noteCount);
      const r = await call('rawHistoryWrite');
      if (i > 0) staged.push(s), raw.push(r);
      log(`staged sync run ${i}/${runs}${i ? '' : ' (untimed)'}: caseload ${s.caseloadMs.toFixed(0)} ms (sign-in ${s.loginMs.toFixed(0)}), case's 20 newest notes ${s.caseNotesMs.toFixed(0)} ms, history ${s.historyMs.toFixed(0)} ms (${s.historyRows} rows, ${s.historyPages} pages); same rows written alone ${r.toFixed(0)} ms`);
    }
    const fromMemory = [];
    for (let i = 1; i <= memoryRuns; i++) {
      const s = await call('stagedSync', USERS.device.email, USERS.device.password, probeCase, cases, noteCount, true);
      const r = await call('rawHistoryWrite');
      fromMemory.push(s.historyMs / r);
      log(`staged sync from memory ${i}/${memoryRuns}: history ${s.historyMs.toFixed(0)} ms, same rows written alone ${r.toFixed(0)} ms`);
    }
    const m = (k) => median(staged.map((s) => s[k]));
    const notes = [
      `staged first sync: ${noteCount} notes over ${cases} open cases, ${partners} partners; timed from the sign-in request (median ${m('loginMs').toFixed(0)} ms of it); the case opened is ${probeCase} (${probeNotes} notes), its newest notes fetched ahead while the history loop runs; history = ${staged[0].historyRows} rows in ${staged[0].historyPages} pages, each written under the sync lock; baseline = the same rows, one transaction and bulkPut per page, into an empty database with the app's schema; both start 5 s after the database before them was deleted (syncPage/settle.ts)`,
      // Where the history's time goes, against the raw write: inside the page writes, or between them (waiting for pages).
      `staged first sync, history split (medians): ${m('inWritesMs').toFixed(0)} ms inside its ${staged[0].writes} page writes (the open cases' newest notes included), ${m('lockWaitMs').toFixed(0)} ms waiting for the sync lock, ${m('betweenMs').toFixed(0)} ms between writes (the loop waiting for its next page); the raw write of the same rows ${median(raw).toFixed(0)} ms`,
      ...(memoryRuns ? [`staged first sync, history with its pages parsed from memory instead of fetched (no server, proxy or network on these cores; diagnosis, not a row): ${fromMemory.map((x) => x.toFixed(2)).join(', ')}× its raw write, against ${staged.map((s, i) => (s.historyMs / raw[i]).toFixed(2)).join(', ')}× fetched`] : []),
    ];
    return { caseload: staged.map((s) => s.caseloadMs), caseNotes: staged.map((s) => s.caseNotesMs), history: staged.map((s) => s.historyMs), raw, loopFast: median(loop), notes };
  } finally {
    await cleanUp();
  }
}
