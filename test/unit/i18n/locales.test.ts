import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../../src/i18n/i18n';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function values(obj: object): string[] {
  return Object.values(obj).flatMap((v) => (v && typeof v === 'object' ? values(v) : [String(v)]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'server' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every namespace file of a language (app.json and those loaded with their screens), by file name. */
const namespaceFiles = (lang: string) => readdirSync(join('locales', lang)).filter((f) => f.endsWith('.json')).sort();
const read = (lang: string, file: string): object => JSON.parse(readFileSync(join('locales', lang, file), 'utf8')) as object;
const FILES = namespaceFiles('nl');
/** The namespace files hold whole top-level subtrees, so together they read as one key tree. */
const nl = Object.assign({}, ...FILES.map((f) => read('nl', f))) as object;
const en = Object.assign({}, ...FILES.map((f) => read('en', f))) as object;
const nlKeys = new Set(keys(nl));
/** Plural forms are stored as key_one / key_other and used as key. */
const usable = new Set([...nlKeys].map((k) => k.replace(/_(one|other|zero)$/, '')));

/**
 * Where each namespace's texts may be used: only in code that its loading screens draw (src/shell/routes.tsx and
 * App.tsx wrap those screens in withTexts). A key used elsewhere would show as a raw key on a screen that never
 * loaded the namespace, as the header's link to the instruments would have on the first screen.
 */
const NAMESPACE_USERS: Record<string, RegExp> = {
  instruments: /^src\/features\/(instruments\/|cases\/CaseInstruments\.tsx$|conflicts\/)/,
  visit: /^src\/features\/visits\//,
  cards: /^src\/features\/(cards\/|examples\/ExampleCards\.tsx$)/,
  forms:
    /^src\/features\/(cases\/(CaseForm|CaseScreen|AddFollowUpForm|CaseloadFilters|teamView)\.tsx$|partners\/(PartnerListScreen|PartnerScreen|PartnerForm|ContactPersonsEditor)\.tsx$|partners\/partnerFieldWords\.ts$|examples\/(ExampleForm|ExampleScreen)\.tsx$|conflicts\/)/,
  settings: /^src\/features\/settings\//,
  account: /^src\/features\/account\//,
  admin: /^src\/features\/admin\//,
};

describe('locales', () => {
  it('nl and en have the same namespace files, and exactly the same keys in each', () => {
    expect(namespaceFiles('en')).toEqual(FILES);
    for (const file of FILES) expect(keys(read('en', file)).sort(), file).toEqual(keys(read('nl', file)).sort());
  });

  it('each namespace besides app.json is declared in src/i18n, and no subtree lives in two files', () => {
    const others = FILES.filter((f) => f !== 'app.json').map((f) => f.replace(/\.json$/, ''));
    expect(others).toEqual([...NAMESPACES].sort());
    // The fallback lookup would silently pick one of two copies of a key.
    const tops = FILES.flatMap((f) => Object.keys(read('nl', f)));
    expect(tops.filter((k, i) => tops.indexOf(k) !== i)).toEqual([]);
  });

  it('no translation is empty', () => {
    expect(values(nl).filter((v) => v.trim() === '')).toEqual([]);
    expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
  });

  it('every literal key used in the code exists in nl', () => {
    const used = sourceFiles('src').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(100);
    expect(used.filter((k) => !usable.has(k))).toEqual([]);
  });

  it('uses a namespace\'s texts only in the screens that load it', () => {
    const topOf = new Map(FILES.filter((f) => f !== 'app.json').flatMap((f) => Object.keys(read('nl', f)).map((top) => [top, f.replace(/\.json$/, '')] as const)));
    expect(Object.keys(NAMESPACE_USERS).sort()).toEqual([...NAMESPACES].sort());
    // Screens, shell and UI code: where keys are written (in t() calls or in tables of keys, like the header's).
    const uiFiles = sourceFiles('src').filter((f) => /^src[\\/](features|shell|ui)[\\/]|^src[\\/]App\.tsx$/.test(f));
    // The audit log's action codes ('account.create', 'settings.change' …) are the server's words, not text keys.
    const codeTables = (file: string) => /[\\/]admin[\\/]auditText\.ts$/.test(file);
    const misplaced = uiFiles.filter((file) => !codeTables(file)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/['`]([a-zA-Z]+)\.[a-zA-Z$]/g)]
        .map((m) => topOf.get(m[1]!))
        .filter((ns): ns is string => ns !== undefined && !NAMESPACE_USERS[ns]!.test(file.split('\\').join('/')))
        .map((ns) => `${file}: ${ns}`),
    );
    expect(misplaced).toEqual([]);
  });

  it('no visible text is written literally in JSX', () => {
    const offenders = sourceFiles('src')
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/(?<![=-])>\s*([A-Za-zÀ-ÿ][^<>{}();=[\]]*[A-Za-zÀ-ÿ.!?])\s*</g)].map((m) => `${file}: ${m[1]}`),
      );
    expect(offenders).toEqual([]);
  });

  it('no text a person hears or sees is written literally in a JSX attribute (labels, titles, placeholders, alt)', () => {
    const offenders = sourceFiles('src')
      .filter((f) => f.endsWith('.tsx'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\s(aria-label|aria-description|title|placeholder|alt|label|legend|hint)="([^"]*[A-Za-zÀ-ÿ][^"]*)"/g)].map(
          (m) => `${file}: ${m[1]}="${m[2]}"`,
        ),
      );
    expect(offenders).toEqual([]);
  });
});
