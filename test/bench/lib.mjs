// Shared plumbing for the benchmark: paths, statistics, child processes, ports and the browser launch.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Everything the benchmark writes lives under .bench/ (git-ignored), so it never disturbs the working tree.
export const WORK = join(ROOT, '.bench');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh, empty directory under .bench/ (left from an earlier run? wiped first). */
export function freshDir(name) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Browser profiles are temporary: gone after the measurement (a crash leaves them for freshDir to wipe). */
export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank p95. Only meaningful with enough samples, so callers print n/a below 20. */
export function p95(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(0.95 * s.length) - 1)];
}

/** Ask the OS for a free port: bind to 0, read it back, release it. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Runs a command to completion; a non-zero exit is a broken harness, so it throws with the output tail. */
export function run(cmd, args, options = {}) {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', rej);
    child.on('exit', (code) =>
      code === 0 ? res(out) : rej(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out.slice(-3000)}`)),
    );
  });
}

/**
 * Starts a long-running process in its own process group (npx → tsx → node is three processes deep) and
 * resolves once a line of its stdout matches `ready`. Returns { match, stop } where stop() ends the group.
 */
export function startProcess(cmd, args, { env, ready, timeoutMs = 60_000 }) {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  // Signal 0 tests whether any process of the group is still there.
  const groupAlive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {}
  };
  const waitGone = async (ms) => {
    for (const end = Date.now() + ms; groupAlive() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
  };
  // Waits for the whole group, not just npx: a server that lingers after SIGTERM gets SIGKILL.
  const stop = async () => {
    if (!groupAlive()) return;
    signal('SIGTERM');
    await waitGone(5000);
    if (groupAlive()) signal('SIGKILL');
    await waitGone(2000);
  };
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      void stop();
      rej(new Error(`${cmd} ${args.join(' ')} not ready after ${timeoutMs} ms\n${out.slice(-2000)}`));
    }, timeoutMs);
    const onData = (d) => {
      out += d;
      const match = out.match(ready);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume(); // keep draining so a chatty server never blocks on a full pipe
        res({ match, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`${cmd} ${args.join(' ')} exited early (${code})\n${out.slice(-2000)}`));
    });
  });
}
