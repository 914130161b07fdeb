import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './browser';

/**
 * Builds the app twice: `dist-e2e` as it ships, and `dist-e2e-next`, the same app with another version tag,
 * so the update-prompt test has a real new service worker to find.
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
  build('dist-e2e', 'e2e');
  build('dist-e2e-next', 'e2e-next');
}
