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

/** Mirrors, document-sharing and staging sites, blogs and personal sites are no source: cite the publisher, an official text or a DOI. */
const REFUSED_HOSTS = [
  /(^|\.)scribd\.com$/,
  /(^|\.)docslib\.org$/,
  /(^|\.)5dok\.[a-z]+$/,
  /^gist\.github\.com$/,
  /(^|\.)brainscape\.com$/,
  /(^|\.)mrhenry\.eu$/, // the CMS staging host a card once cited for caw.be
  /(^|\.)kanooh\.be$/, // a CMS login/staging host of the Flemish government's sites
  /(^|\.)[fv]?documents\.[a-z]+$/,
  /(^|\.)adoc\.pub$/,
  /(^|\.)studylib[a-z]*\.[a-z]+$/,
  /(^|\.)docplayer\.[a-z]+$/,
  /(^|\.)yumpu\.com$/,
  // blogs and personal sites that cards once cited, and the platforms blogs live on
  /(^|\.)hatenablog\.(com|jp)$/,
  /(^|\.)kitchentable\.org$/,
  /(^|\.)orghacking\.com$/,
  /(^|\.)alearningdiary\.com$/,
  /^learn\d*\.open\.ac\.uk$/, // the Open University's student and staff blogs
  /(^|\.)medium\.com$/,
  /(^|\.)wordpress\.com$/,
  /(^|\.)blogspot\.[a-z.]+$/,
  /(^|\.)substack\.com$/,
  /(^|\.)tumblr\.com$/,
];

/** `host('vvsg.be')` accepts vvsg.be and www.vvsg.be; `domain('vvsg.be')` also its subdomains (knw.vvsg.be). */
const host = (name: string) => new RegExp(`^(www\\.)?${name.replace(/\./g, '\\.')}$`);
const domain = (name: string) => new RegExp(`(^|\\.)${name.replace(/\./g, '\\.')}$`);
/**
 * Where a card's source may live (issue 15): a DOI, an official text, a public body, a recognised knowledge
 * site, an academic repository, or the publisher of the work cited. A host that is not listed fails the test,
 * so a new source means deciding here which kind it is; blogs, personal sites and mirrors have no kind.
 */
const ACCEPTED_SOURCES: Record<string, RegExp[]> = {
  DOI: [host('doi.org')],
  'official text': [host('eur-lex.europa.eu'), host('etaamb.openjustice.be'), host('ejustice.just.fgov.be'), host('codex.vlaanderen.be'), host('vlaamsparlement.be')],
  'Flemish, federal or European public body': [
    domain('vlaanderen.be'), // vlaanderen.be, lokaalbestuur.vlaanderen.be, codex …
    domain('belgium.be'), // belgium.be, digitalopen.belgium.be
    domain('fgov.be'),
    domain('europa.eu'),
    host('socialsecurity.be'),
    host('departementzorg.be'),
    host('departementwvg.be'), // Departement Zorg's former name; its links redirect
    host('zorg-en-gezondheid.be'),
    host('opgroeien.be'),
    host('kindengezin.be'), // Opgroeien
    host('agii.be'), // Agentschap Integratie en Inburgering
    host('vreemdelingenrecht.be'), // the Agentschap Integratie en Inburgering's knowledge site
    host('kruispuntmi.be'), // Kruispunt Migratie-Integratie, now part of that agency
    host('om-mp.be'), // Openbaar Ministerie
    host('desocialekaart.be'),
    host('weliswaar.be'), // the Flemish welfare department's magazine
    host('zorgenvoormorgen.be'),
    host('eerstelijnszone.be'),
    host('fons.be'), // public Groeipakket payer
  ],
  'local government, OCMW or their partnership': [
    host('aalst.be'), host('aalter.be'), host('brugge.be'), host('deerlijk.be'), host('heusden-zolder.be'), host('jabbeke.be'),
    host('kaprijke.be'), host('kontich.be'), host('mechelen.be'), host('nijlen.be'), host('sint-pieters-leeuw.be'), host('wevelgem.be'),
    domain('stad.gent'), host('cpas1200.be'), host('guichetsocial.be'), host('regioneteland.be'), host('rwo-oudenaarde.be'),
  ],
  'recognised knowledge site or sector body': [
    domain('vvsg.be'), host('kennisplein.be'), host('caw.be'), host('kenniscentrumwwz.be'), host('samvzw.be'), host('rimo.be'),
    host('mantelzorgers.be'), host('s-plusmantelzorg.be'), host('partena-ziekenfonds.be'), host('zorgneticuro.be'), host('vwvj.be'),
    host('kbs-frb.be'), host('sciensano.be'), host('odi.org.uk'),
  ],
  'academic repository': [host('oro.open.ac.uk'), host('experts.arizona.edu'), host('wagner.nyu.edu'), host('pmc.ncbi.nlm.nih.gov')],
  'publisher of the work cited': [
    host('politeia.be'), host('taylorfrancis.com'), host('businessofgovernment.org'), host('elfri.be'), host('legalworld.wolterskluwer.be'),
    host('finconnect.be'), host('gemeente.nu'), host('managementimpact.nl'), host('sociaal.net'), host('zorgwijzermagazine.be'),
    host('standaard.be'), host('vrt.be'), host('persregiodender.be'), host('ideaconsult.be'), host('aog.nl'), host('1gezin1plan.nu'),
  ],
};
const isRefused = (hostname: string) => REFUSED_HOSTS.some((r) => r.test(hostname));
const sourceKind = (url: string): string | undefined => {
  const u = new URL(url);
  if (isRefused(u.hostname)) return undefined;
  const kind = Object.entries(ACCEPTED_SOURCES).find(([, hosts]) => hosts.some((r) => r.test(u.hostname)))?.[0];
  // a doi.org link must name a DOI, not a search or the front page
  return kind === 'DOI' && !/^\/10\.\d{4,9}\/\S+$/.test(u.pathname) ? undefined : kind;
};
/** Since April 2026 the 1867 code is the old one: an article 458 (bis, ter) or 422bis must say so. */
const OLD_CODE_ARTICLE = /\b(458(bis|ter)?|422bis)\b/g;
const OLD_CODE_NAMED = /oud Sw\.|\(1867\)|old Criminal Code|old code/;
const PLACEHOLDER = /nog te verifi|te verifiëren|to be verified|niet geverifieerd|\bTODO\b|\bTBD\b|\bFIXME\b|placeholder|\bXXX\b|\[\.\.\.\]/i;
const bareOldCodeArticles = (text: string) =>
  [...text.matchAll(OLD_CODE_ARTICLE)]
    .filter((m) => !OLD_CODE_NAMED.test(text.slice(Math.max(0, m.index - 80), m.index + 80)))
    .map((m) => text.slice(Math.max(0, m.index - 40), m.index + 20));

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

  describe.each(LANGS)('%s: the 2026 content rules', (lang) => {
    it.each(slugs(lang))('%s cites no mirror, document-sharing or staging host', (slug) => {
      const hosts = card(lang, slug).sources.map((s) => new URL(s.url).hostname);
      expect(hosts.filter(isRefused)).toEqual([]);
    });

    it.each(slugs(lang))('%s cites only a DOI, an official text, a public body, a recognised knowledge site, an academic repository or the publisher', (slug) => {
      expect(card(lang, slug).sources.filter((s) => !sourceKind(s.url)).map((s) => s.url)).toEqual([]);
    });

    it.each(slugs(lang))('%s names the old code wherever it cites art. 458, 458bis, 458ter or 422bis', (slug) => {
      expect(bareOldCodeArticles(JSON.stringify(card(lang, slug)))).toEqual([]);
    });

    it.each(slugs(lang))('%s, published, carries no placeholder', (slug) => {
      expect(JSON.stringify(card(lang, slug))).not.toMatch(PLACEHOLDER);
    });
  });

  it('has every card in both languages, each with its sources', () => {
    expect(slugs('en')).toEqual(slugs('nl'));
    for (const lang of LANGS) for (const slug of slugs(lang)) expect(card(lang, slug).sources.length).toBeGreaterThan(0);
  });

  it('refuses the mirror hosts, blogs and a bare old-code article (the rules themselves)', () => {
    for (const host of ['ru.scribd.com', 'docslib.org', '5dok.net', 'gist.github.com', 'brainscape.com', 'caw.wp.mrhenry.eu', 'fdocuments.nl'])
      expect(isRefused(host)).toBe(true);
    for (const host of ['thousandmiles.hatenablog.com', 'www.kitchentable.org', 'orghacking.com', 'learn1.open.ac.uk', 'medium.com', 'someone.wordpress.com', 'someone.blogspot.com', 'someone.substack.com'])
      expect(isRefused(host)).toBe(true);
    for (const host of ['www.vvsg.be', 'doi.org', 'eur-lex.europa.eu', 'etaamb.openjustice.be', 'github.com'])
      expect(isRefused(host)).toBe(false);
    // the allow-list: the blogs, mirrors and law-firm notes cards once cited have no kind; a DOI link must name a DOI
    for (const url of [
      'http://thousandmiles.hatenablog.com/entry/2015/11/10/121058',
      'https://www.kitchentable.org/readings/theorizing-collaboration-practice',
      'https://orghacking.com/2017/07/17/cooperation-coordination-collaboration-keast/',
      'https://learn1.open.ac.uk/mod/oublog/viewpost.php?post=227303',
      'https://innotool.no/tools/chapter-2-tools-to-establish-and-renew-main-strategy/2-4-lifecycle-analysis/page-1',
      'https://www.deplalaw.be/documents/nieuwsarchief/kl1792650-omzendbrief-omschrijft-minimumvoorwaarden-voor-sociaal-onderzoek.xml?lang=nl',
      'https://medium.com/@someone/networks',
      'https://docslib.org/doc/12212991/modes-of-network-governance',
      'https://vvsg.be.example.com/kennisitem',
      'https://doi.org/',
    ])
      expect(sourceKind(url)).toBeUndefined();
    expect(sourceKind('https://doi.org/10.1093/jopart/mum015')).toBe('DOI');
    expect(sourceKind('https://eur-lex.europa.eu/eli/reg/2016/679/oj')).toBe('official text');
    expect(sourceKind('https://knw.vvsg.be/vormingen/x')).toBe('recognised knowledge site or sector body');
    expect(sourceKind('https://www.kennisplein.be/x')).toBe('recognised knowledge site or sector body');
    expect(bareOldCodeArticles('Artikel 458 van het Strafwetboek')).toHaveLength(1);
    expect(bareOldCodeArticles('art. 458bis oud Sw. (1867)')).toEqual([]);
  });

  it('glossary: no bare old-code article and no placeholder', () => {
    const text = readFileSync('content/glossary.json', 'utf8');
    expect(bareOldCodeArticles(text)).toEqual([]);
    expect(text).not.toMatch(PLACEHOLDER);
  });

  it('has a glossary of at least 60 terms whose card links exist', () => {
    const glossary = v.parse(GlossarySchema, read('content/glossary.json'));
    const all = new Set(slugs('nl'));
    expect(glossary.flatMap((g) => g.cards).filter((s) => !all.has(s))).toEqual([]);
    expect(new Set(glossary.map((g) => g.id)).size).toBe(glossary.length);
  });
});
