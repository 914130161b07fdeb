import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Profile {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent on-disk profile: IndexedDB, the service worker and its caches live as on a real tablet. */
export async function openProfile(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), 'veldwerk-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    args: FLAGS,
    viewport: { width: 1024, height: 768 },
    locale: 'nl-BE',
    timezoneId: 'Europe/Brussels',
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
