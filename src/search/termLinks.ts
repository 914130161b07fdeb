import type { GlossaryEntry } from '../cards/cardSchema';
import type { CardLanguage } from '../cards/categories';
import { fold } from '../model/caseFile';

/**
 * Finds glossary terms in card text so the screen can link them, without ever building HTML: text comes
 * back as segments, some of which name a term. Matching ignores accents and case, respects word
 * boundaries, and links each term only at its first occurrence in a card.
 */

export type Segment = { text: string; termId?: string };

interface Variant {
  folded: string;
  termId: string;
}

export interface TermMatcher {
  variants: readonly Variant[];
}

/** Inflections a term may carry in running text and still be linked ("gemeenten", "netwerkmanagers"). */
const SUFFIXES = ["'s", 'en', 's', 'n', ''];
const MIN_LENGTH = 3;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The ways a term is written: "koker / verkokering" is two, "geïntegreerd breed onthaal (GBO)" is the
 * phrase and its abbreviation, "OCMW (Openbaar Centrum …)" the abbreviation and its full form. Elliptic
 * pairs are completed ("right / duty to speak" → "right to speak"; "network manager / coordinator" →
 * "network coordinator"), and a one-word remark in brackets ("(formal)") is no name of the term: a bare
 * "right" or "formal" would link common words all over the cards.
 */
export function termVariants(term: string): string[] {
  const parts = term.split(' / ');
  const bases = parts.map((p) => p.replace(/\s*\([^)]*\)/g, '').trim());
  const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);
  const first = wordsOf(bases[0]!);
  const last = wordsOf(bases.at(-1)!);
  const named = bases.map((base, i) => {
    const own = wordsOf(base);
    if (i === 0 && bases.length > 1 && own.length === 1 && last.length >= 3) return [base, ...last.slice(1)].join(' ');
    if (i > 0 && own.length === 1 && first.length >= 2) return [...first.slice(0, -1), base].join(' ');
    return base;
  });
  const bracketed = parts
    .flatMap((p) => [...p.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!.trim()))
    .filter((inner) => /^[A-Z][A-Z ]*[A-Z]$/.test(inner) || wordsOf(inner).length >= 2);
  return [...named, ...bracketed].filter((v) => v.length >= MIN_LENGTH);
}

export function termMatcher(entries: readonly GlossaryEntry[], lang: CardLanguage): TermMatcher {
  const variants = entries.flatMap((e) => termVariants(e[lang]).map((v) => ({ folded: fold(v), termId: e.id })));
  return { variants: variants.sort((a, b) => b.folded.length - a.folded.length) };
}

/** The folded text and, for every folded position, where it came from in the original (plus the end). */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** A word starts or ends at `at`: the text's edge, or a letter/digit on one side only. */
const isBoundary = (s: string, at: number) => at <= 0 || at >= s.length || !WORD_CHAR.test(s[at]!) || !WORD_CHAR.test(s[at - 1]!);

interface Match {
  start: number;
  end: number;
  termId: string;
}

function matchesIn(folded: string, matcher: TermMatcher): Match[] {
  const found: Match[] = [];
  for (const { folded: v, termId } of matcher.variants) {
    for (let at = folded.indexOf(v); at !== -1; at = folded.indexOf(v, at + 1)) {
      if (!isBoundary(folded, at)) continue;
      const suffix = SUFFIXES.find((s) => folded.startsWith(s, at + v.length) && isBoundary(folded, at + v.length + s.length));
      if (suffix !== undefined) found.push({ start: at, end: at + v.length + suffix.length, termId });
    }
  }
  // Leftmost first, longest first: "gedeeld beroepsgeheim" wins over the "beroepsgeheim" inside it.
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Splits each text into segments. `texts` are a card's texts in reading order; a term links only where it
 * first occurs across all of them. A later occurrence still claims its words, so a shorter term inside it
 * is not linked instead.
 */
export function linkTerms(texts: readonly string[], matcher: TermMatcher): Segment[][] {
  const linked = new Set<string>();
  return texts.map((text) => {
    const { folded, origin } = foldWithMap(text);
    const segments: Segment[] = [];
    let cursor = 0; // in folded positions: text before it is in `segments`
    let claimed = 0; // words up to here belong to a match already (linked or not)
    const plain = (from: number, to: number) => {
      if (to > from) segments.push({ text: text.slice(origin[from], origin[to]) });
    };
    for (const m of matchesIn(folded, matcher)) {
      if (m.start < claimed) continue;
      claimed = m.end;
      if (linked.has(m.termId)) continue;
      plain(cursor, m.start);
      segments.push({ text: text.slice(origin[m.start], origin[m.end]), termId: m.termId });
      linked.add(m.termId);
      cursor = m.end;
    }
    plain(cursor, folded.length);
    return segments.length ? segments : [{ text }];
  });
}
