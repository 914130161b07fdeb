import * as v from 'valibot';
import { THEMES } from '../model/themes';
import { CARD_AUDIENCES, CARD_CATEGORIES } from './categories';

export { CARD_AUDIENCES, CARD_CATEGORIES };

/** A reference card (handreiking) in one language, as stored in content/cards/<lang>/<slug>.json. */
const text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000));
const list = (min: number, max: number) => v.pipe(v.array(text), v.minLength(min), v.maxLength(max));

export const CardSchema = v.strictObject({
  slug: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  title: text,
  summary: v.pipe(text, v.maxLength(200)),
  category: v.picklist(CARD_CATEGORIES),
  audience: v.pipe(v.array(v.picklist(CARD_AUDIENCES)), v.minLength(1)),
  /** Themes shared with partners and practice examples, so a card can list them and they the card. */
  themes: v.optional(v.array(v.picklist(THEMES))),
  whenToUse: list(1, 6),
  core: v.strictObject({ kind: v.picklist(['steps', 'questions', 'checklist']), items: list(3, 12) }),
  pitfalls: list(1, 8),
  related: v.pipe(v.array(v.string()), v.minLength(1)),
  sources: v.pipe(v.array(v.strictObject({ title: text, url: v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//)) })), v.minLength(1)),
  lastChecked: v.pipe(v.string(), v.isoDate()),
  disclaimer: v.optional(text),
});
export type Card = v.InferOutput<typeof CardSchema>;

export const GlossarySchema = v.pipe(
  v.array(v.strictObject({ id: v.string(), nl: text, en: text, nlDef: text, enDef: text, cards: v.array(v.string()) })),
  v.minLength(60),
);
export type GlossaryEntry = v.InferOutput<typeof GlossarySchema>[number];
