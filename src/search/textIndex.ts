import { fold } from '../model/caseFile';

/**
 * A tiny in-memory prefix index for small, fixed sets of texts (the reference cards, the glossary): a few
 * hundred documents at most, so sorted word lists and binary search are instant without a library.
 */

/** The words of a text, folded: accents and case do not count, anything not a letter or digit splits. */
export function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Does any word of the sorted list start with `prefix`? Binary search for the first word ≥ prefix. */
function hasPrefix(sorted: readonly string[], prefix: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]!.startsWith(prefix);
}

export interface Field {
  /** How much a query word found here counts; a title should outweigh a whole body of lesser hits. */
  weight: number;
  texts: readonly string[];
}

/**
 * Builds the index once; the returned function answers a query with the matching items, best first.
 * Every query word must prefix-match a word of the item; an item scores, per query word, the weight of the
 * best field it was found in. Equal scores keep the items' own order. An empty query returns every item.
 */
export function prefixIndex<T>(items: readonly T[], fieldsOf: (item: T) => Field[]): (query: string) => T[] {
  const indexed = items.map((item, order) => ({
    item,
    order,
    fields: fieldsOf(item).map((f) => ({ weight: f.weight, words: [...new Set(words(f.texts.join('\n')))].sort() })),
  }));
  return (query) => {
    const terms = [...new Set(words(query))];
    if (terms.length === 0) return [...items];
    const hits: Array<{ item: T; order: number; score: number }> = [];
    for (const doc of indexed) {
      let score = 0;
      for (const term of terms) {
        let best = 0;
        for (const field of doc.fields) if (field.weight > best && hasPrefix(field.words, term)) best = field.weight;
        if (best === 0) {
          score = 0; // one query word found nowhere: no hit (every word must match)
          break;
        }
        score += best;
      }
      if (score > 0) hits.push({ item: doc.item, order: doc.order, score });
    }
    return hits.sort((a, b) => b.score - a.score || a.order - b.order).map((h) => h.item);
  };
}
