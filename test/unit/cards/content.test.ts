import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CardSchema, GlossarySchema, type Card } from '../../../src/cards/cardSchema';

const ROOT = 'content/cards';
const LANGS = ['nl', 'en'] as const;
const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const slugs = (lang: string) => readdirSync(join(ROOT, lang)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const card = (lang: string, slug: string) => read(join(ROOT, lang, `${slug}.json`)) as Card;
const PRIVACY_DISCLAIMER = /oriëntatie, geen juridisch advies|orientation, not legal advice/i;

describe('reference card content', () => {
  it('has at least 30 cards, each in both languages', () => {
    expect(slugs('nl').length).toBeGreaterThanOrEqual(30);
    expect(slugs('en')).toEqual(slugs('nl'));
  });

  describe.each(LANGS)('%s', (lang) => {
    it.each(slugs('nl'))('%s follows the card schema, under its own name', (slug) => {
      const result = v.safeParse(CardSchema, read(join(ROOT, lang, `${slug}.json`)));
      expect(result.issues?.map((i) => `${(i.path ?? []).map((p) => p.key).join('.')}: ${i.message}`) ?? []).toEqual([]);
      expect(card(lang, slug).slug).toBe(slug);
    });
  });

  it.each(slugs('nl'))('%s links only to cards that exist, and matches its translation in structure', (slug) => {
    const [nl, en] = [card('nl', slug), card('en', slug)];
    const all = new Set(slugs('nl'));
    expect(nl.related.filter((r) => !all.has(r))).toEqual([]);
    expect({ c: en.category, a: en.audience, t: en.themes, r: en.related, s: en.sources.map((s) => s.url), d: en.lastChecked, k: en.core.kind }).toEqual({
      c: nl.category,
      a: nl.audience,
      t: nl.themes,
      r: nl.related,
      s: nl.sources.map((s) => s.url),
      d: nl.lastChecked,
      k: nl.core.kind,
    });
    expect(en.core.items.length).toBe(nl.core.items.length);
  });

  it('tags the cards that partners and practice examples share a theme with, each theme once', () => {
    const all = slugs('nl').map((s) => card('nl', s));
    expect(card('nl', 'geintegreerd-breed-onthaal').themes).toContain('onthaal');
    expect(all.filter((c) => c.category === 'netwerken' && !c.themes?.includes('netwerk')).map((c) => c.slug)).toEqual([]);
    for (const c of all) expect(new Set(c.themes).size).toBe(c.themes?.length ?? 0);
  });

  it('privacy cards say visibly that they give orientation, not legal advice', () => {
    for (const lang of LANGS) {
      const privacy = slugs(lang).map((s) => card(lang, s)).filter((c) => c.category === 'privacy');
      expect(privacy.length).toBeGreaterThanOrEqual(3);
      for (const c of privacy) expect(c.disclaimer ?? '').toMatch(PRIVACY_DISCLAIMER);
    }
  });

  it('never states unverified facts as fact: any mention is marked as still to be verified', () => {
    for (const lang of LANGS) {
      for (const slug of slugs(lang)) {
        const text = JSON.stringify(card(lang, slug));
        expect(text).not.toMatch(/NIET GEVERIFIEERD|UNVERIFIED|\[BK\]|\[V\]/);
      }
    }
  });

  it('has a glossary of at least 60 terms whose card links exist', () => {
    const glossary = v.parse(GlossarySchema, read('content/glossary.json'));
    const all = new Set(slugs('nl'));
    expect(glossary.flatMap((g) => g.cards).filter((s) => !all.has(s))).toEqual([]);
    expect(new Set(glossary.map((g) => g.id)).size).toBe(glossary.length);
  });
});
