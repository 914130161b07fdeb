/**
 * The card vocabulary without the schema library: screens and the card chunks import these, so valibot
 * (needed only where content is validated, in tests) stays out of the app's card code.
 */
export const CARD_CATEGORIES = ['regie', 'netwerken', 'instrumenten', 'lokaal-sociaal-beleid', 'praktijk', 'privacy'] as const;
export type CardCategory = (typeof CARD_CATEGORIES)[number];

export const CARD_AUDIENCES = ['sociaal-werker', 'coordinator'] as const;
export type CardAudience = (typeof CARD_AUDIENCES)[number];

export const CARD_LANGUAGES = ['nl', 'en'] as const;
export type CardLanguage = (typeof CARD_LANGUAGES)[number];
