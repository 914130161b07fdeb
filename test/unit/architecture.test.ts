import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Who may import whom (see the architecture page, §2). Keys are top folders under src/. */
const ALLOWED: Record<string, string[]> = {
  model: [],
  'sync/protocol': ['model'],
  'sync/merge': ['model'],
  sync: ['db', 'model', 'sync', 'sync/protocol', 'sync/merge', 'sync/status'],
  'sync/status': ['sync'],
  db: ['model', 'crypto', 'db'],
  // WebCrypto only, plus the model's error type: no db, no i18n, no UI.
  crypto: ['model', 'crypto'],
  i18n: ['model', 'i18n'],
  ui: ['ui'],
  pwa: ['pwa'],
  cards: ['model', 'cards'],
  search: ['model', 'search', 'cards'],
  features: ['model', 'db', 'search', 'cards', 'sync/status', 'i18n', 'ui'],
  server: ['model', 'sync/protocol', 'sync/merge', 'server'],
  // The shell composes features, pwa and the rest; only main.tsx and App.tsx sit above it.
  shell: ['model', 'db', 'i18n', 'ui', 'pwa', 'features', 'shell', 'sync', 'sync/status'],
};
/** Only these folders may import these packages. */
const PACKAGE_OWNERS: Record<string, string> = { dexie: 'db', i18next: 'i18n', 'virtual:pwa-register': 'pwa' };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

function area(file: string): string {
  const parts = relative('src', file).split('/');
  if (parts[0] === 'sync' && parts[1] && /^(protocol|merge|status)\./.test(parts[1])) return `sync/${parts[1].split('.')[0]}`;
  return parts.length === 1 ? 'root' : parts[0]!;
}

describe('import rules', () => {
  const violations: string[] = [];
  for (const file of files('src')) {
    const from = area(file);
    const feature = from === 'features' ? relative('src/features', file).split('/')[0] : null;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
      const owner = Object.entries(PACKAGE_OWNERS).find(([pkg]) => spec === pkg || spec!.startsWith(`${pkg}/`));
      if (owner && owner[1] !== from) violations.push(`${file} imports ${spec}`);
      if (!spec!.startsWith('.')) continue;
      const target = resolve(dirname(file), spec!);
      if (!target.startsWith(resolve('src'))) continue;
      const to = area(relative(process.cwd(), target) + '.ts');
      if (from === 'root') continue;
      if (from === 'features' && to === 'features' && relative('src/features', target).split('/')[0] !== feature) {
        violations.push(`${file} imports another feature: ${spec}`);
      }
      if (to !== from && !(ALLOWED[from] ?? []).includes(to)) violations.push(`${file} (${from}) imports ${spec} (${to})`);
    }
  }
  it('every import follows the table', () => expect(violations).toEqual([]));
  // One owner for key handling: a second caller of crypto.subtle would be a second place to audit.
  it('only crypto/ calls crypto.subtle', () => {
    const offenders = files('src').filter((file) => area(file) !== 'crypto' && /\bsubtle\b/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('rendering', () => {
  // Cards, notes and partner data are shown as text nodes only: no markup string ever reaches the DOM.
  it('never writes HTML strings into the page', () => {
    const offenders = files('src').filter((file) => /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
