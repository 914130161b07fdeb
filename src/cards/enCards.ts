import type { Card } from './cardSchema';

/** Every English card, in one chunk (see nlCards.ts for why). */
export const cards: Card[] = Object.values(import.meta.glob<Card>('../../content/cards/en/*.json', { eager: true, import: 'default' }));
