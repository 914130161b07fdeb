// The comparison's CouchDB-compatible server, run as its own process (like the app's server, so neither shares
// an event loop with the harness): express-pouchdb on an Express 4 app, PouchDB's memory adapter, loopback only.
// Usage: node test/bench/pouchServer.mjs <workDir> <docs.json>; prints "pouch ready http://…" once filled.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [workDir, docsFile] = process.argv.slice(2);
// express-pouchdb may write a config or log file into the working directory: keep that under .bench/.
process.chdir(workDir);
const require = createRequire(import.meta.url);
const express = require('express');
// pouchdb-core plus what express-pouchdb's minimal mode calls (views, replication, the http adapter);
// the memory adapter keeps it free of native LevelDB builds.
const PouchDB = require('pouchdb-core')
  .plugin(require('pouchdb-adapter-memory'))
  .plugin(require('pouchdb-adapter-http'))
  .plugin(require('pouchdb-mapreduce'))
  .plugin(require('pouchdb-replication'))
  .defaults({ adapter: 'memory' });
const expressPouchDB = require('express-pouchdb');

const DB_NAME = 'notes';
const BULK = 1000;

const app = express();
// 'minimumForPouchDB': the routes PouchDB's replication uses (with gzip), none of CouchDB's admin extras.
app.use('/couch', expressPouchDB(PouchDB, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: `${workDir}/pouch.log` }));

// Created after mounting: express-pouchdb only serves databases its wrapped PouchDB has seen being made.
const docs = JSON.parse(readFileSync(docsFile, 'utf8'));
const db = new PouchDB(DB_NAME);
for (let i = 0; i < docs.length; i += BULK) {
  const answer = await db.bulkDocs(docs.slice(i, i + BULK));
  const failed = answer.filter((r) => r.error);
  if (failed.length) throw new Error(`bulkDocs failed: ${JSON.stringify(failed.slice(0, 3))}`);
}
const info = await db.info();
if (info.doc_count !== docs.length) throw new Error(`expected ${docs.length} docs, the server holds ${info.doc_count}`);

const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`pouch ready http://127.0.0.1:${server.address().port}/couch/${DB_NAME} (${info.doc_count} docs)\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
