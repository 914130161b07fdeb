import { hasAnyData, importSnapshot, parseSnapshot } from '../db/importSnapshot';
import { setFirstLoad } from './status';

/**
 * Until accounts and sync exist, a fresh device asks the server for its demo data set once. Offline or on
 * a server without demo data this does nothing; the app works on an empty device just as well.
 */
export function seedDemoIfFresh(): Promise<'seeded' | 'skipped'> {
  const run = seed();
  seeding = run.catch(() => undefined);
  return run;
}

let seeding: Promise<unknown> = Promise.resolve();

/**
 * Resolves once a demo import under way has finished. A sign-in waits for it before it counts what the device
 * holds: otherwise the demo could land between that count and the session being stored, unasked among the
 * organisation's rows.
 */
export function demoSeedSettled(): Promise<unknown> {
  return seeding;
}

async function seed(): Promise<'seeded' | 'skipped'> {
  if (await hasAnyData()) {
    setFirstLoad('done');
    return 'skipped';
  }
  setFirstLoad('loading');
  try {
    return await fetchAndImport();
  } finally {
    setFirstLoad('done');
  }
}

async function fetchAndImport(): Promise<'seeded' | 'skipped'> {
  let response: Response;
  try {
    response = await fetch('/api/demo-snapshot', { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch {
    return 'skipped';
  }
  if (!response.ok) return 'skipped';
  await importSnapshot(parseSnapshot(await response.json()));
  return 'seeded';
}
