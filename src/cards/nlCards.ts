import type { Card } from './cardSchema';

/**
 * Every Dutch card, in one chunk: browsing and search need them all at once, and one file is one precache
 * entry. Only this module and enCards.ts name the content files, so a language's cards load only when used.
 * The content is checked against the schema by the tests, so nothing is validated here at run time.
 */
export const cards: Card[] = Object.values(import.meta.glob<Card>('../../content/cards/nl/*.json', { eager: true, import: 'default' }));
