import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath } from './browser';
import { E2E_DIST, E2E_DIST_NEXT } from './distDirs';

/**
 * The last commit whose app kept cases, notes, follow-ups, ecograms and queued changes in plaintext (schema v4
 * before they were sealed). Its build is what a tablet in use before the update ran: the upgrade test makes data
 * with it, then opens the device with today's build (issue 13, point 5).
 */
export const PREVIOUS_BUILD_COMMIT = '5f1796e8049f18b38e1e54d17f6d622592189d96';
export const PREVIOUS_BUILD_DIR = 'dist-e2e-previous';

/** Builds PREVIOUS_BUILD_COMMIT from the repository's own history, once (kept while the commit stays the same). */
function buildPrevious(): void {
  const out = resolve(PREVIOUS_BUILD_DIR);
  const stamp = join(out, '.commit');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === PREVIOUS_BUILD_COMMIT) return;
  const git = (...args: string[]) => execFileSync('git', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    git('cat-file', '-e', `${PREVIOUS_BUILD_COMMIT}^{commit}`);
  } catch {
    throw new Error(`The upgrade test needs commit ${PREVIOUS_BUILD_COMMIT} of this repository's history (a shallow clone lacks it): git fetch --unshallow`);
  }
  const tree = resolve('.tmp/previous-build');
  rmSync(tree, { recursive: true, force: true });
  git('worktree', 'prune');
  git('worktree', 'add', '--detach', '--force', tree, PREVIOUS_BUILD_COMMIT);
  try {
    symlinkSync(resolve('node_modules'), join(tree, 'node_modules'));
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'], { cwd: tree, stdio: 'inherit', env: { ...process.env, VELDWERK_BUILD_TAG: 'e2e-previous' } });
    writeFileSync(stamp, PREVIOUS_BUILD_COMMIT);
  } finally {
    git('worktree', 'remove', '--force', tree);
  }
}

/**
 * Builds the app twice: `dist-e2e` (E2E_DIST) as it ships, and `dist-e2e-next`, the same app with another version tag,
 * so the update-prompt test has a real new service worker to find; and the previous build once (above).
 */
export default function setup(): void {
  if (!existsSync(chromiumPath())) {
    throw new Error(`Chromium not found at ${chromiumPath()}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  const build = (outDir: string, tag: string) =>
    execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
      stdio: 'inherit',
      env: { ...process.env, VELDWERK_BUILD_TAG: tag },
    });
  build(E2E_DIST, 'e2e');
  build(E2E_DIST_NEXT, 'e2e-next');
  buildPrevious();
}
