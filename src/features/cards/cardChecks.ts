import { getMeta, setMeta } from '../../db/meta';

/**
 * The ticks of a card's checklist, kept on this device. Which steps of a guide someone ticked says nothing about a
 * client, so a plain meta entry per card will do (`cardChecks:<slug>`), like the cards opened last.
 *
 * An item is known by a hash of its text, not by its place in the list: when a content update adds, removes or
 * rewords an item, no tick lands on another item; a reworded item simply starts unticked. The text differs per
 * language, so ticks are kept per language too.
 */
const keyOf = (slug: string) => `cardChecks:${slug}`;

/** FNV-1a (32 bits) of the item's text, whitespace folded: short, stable and the same on every device. */
function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text.trim().replace(/\s+/g, ' ')) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** One id per item, in list order. The same text twice in one list gets a counter, so each has its own tick. */
export function checklistIds(items: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return items.map((text) => {
    const base = hashText(text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n}`;
  });
}

/** The ticks with one item ticked or unticked; the order of ticking is kept, nothing doubles. */
export function withTick(ticks: readonly string[], id: string, on: boolean): string[] {
  const rest = ticks.filter((t) => t !== id);
  return on ? [...rest, id] : rest;
}

/**
 * The ticks that belong to a list as it is now. Ticks of items that are no longer there (or of the other language)
 * are not shown, but stay stored: switching language, or an update reverted, brings them back.
 */
export function ticksIn(ticks: readonly string[], ids: readonly string[]): Set<string> {
  const stored = new Set(ticks);
  return new Set(ids.filter((id) => stored.has(id)));
}

export async function cardTicks(slug: string): Promise<string[]> {
  const stored = await getMeta<unknown>(keyOf(slug));
  return Array.isArray(stored) ? stored.filter((t): t is string => typeof t === 'string') : [];
}

export function saveCardTicks(slug: string, ticks: readonly string[]): Promise<void> {
  return setMeta(keyOf(slug), [...ticks]);
}
