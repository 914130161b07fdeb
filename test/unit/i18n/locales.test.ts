import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/app.json';
import nl from '../../../locales/nl/app.json';

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

const nlKeys = new Set(keys(nl));
/** Plural forms are stored as key_one / key_other and used as key. */
const usable = new Set([...nlKeys].map((k) => k.replace(/_(one|other|zero)$/, '')));

describe('locales', () => {
  it('nl and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual([...nlKeys].sort());
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
