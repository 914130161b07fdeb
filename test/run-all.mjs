#!/usr/bin/env node
// `npm test`: the type check, the unit suite and the browser suite, then one line "N passed, N failed" for all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args) {
  process.stdout.write(`\n▶ ${title}\n`);
  return spawnSync(command, args, { stdio: 'inherit', env: process.env }).status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function vitest(title, report, extraArgs) {
  rmSync(report, { force: true });
  const ok = run(title, 'npx', ['vitest', 'run', ...extraArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  const result = readJson(report);
  if (!result) {
    // The runner died before it could report: count that as a failure, never as "nothing to test".
    totals.failed += 1;
    return;
  }
  totals.passed += result.numPassedTests;
  totals.failed += result.numFailedTests + (ok || result.numFailedTests > 0 ? 0 : 1);
  totals.skipped += result.numPendingTests + result.numTodoTests;
}

const typesOk = run('Type check (tsc, strict)', 'npm', ['run', '--silent', 'typecheck']);
totals[typesOk ? 'passed' : 'failed'] += 1;
vitest('Unit tests (vitest + fake-indexeddb)', '.tmp/unit.json', []);
vitest('Database and sync unit tests again, on a signed-in device (client data sealed)', '.tmp/unit-sealed.json', ['--config', 'test/unit/sealed.vitest.config.ts']);
vitest('Server tests (SQLite and PostgreSQL)', '.tmp/server.json', ['--config', 'test/server/vitest.config.ts']);
rmSync('.tmp/e2e-second-try.json', { force: true });
vitest('Browser tests (Playwright + Chromium)', '.tmp/e2e.json', ['--config', 'test/e2e/vitest.config.ts', '--reporter=./test/e2e/support/secondTryReporter.ts']);
const secondTry = readJson('.tmp/e2e-second-try.json') ?? [];

// The last line is always exactly "N passed, N failed"; skipped tests (the PostgreSQL half without a server) are
// named on the line before it.
if (secondTry.length) process.stdout.write(`\n${secondTry.length} browser test(s) passed only at their second try (flaky: find out why):\n${secondTry.map((name) => `  - ${name}`).join('\n')}\n`);
if (totals.skipped) process.stdout.write(`\n${totals.skipped} skipped (see above why)`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed === 0 ? 0 : 1);
