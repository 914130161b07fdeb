import { t } from '../../i18n/i18n';
import type { Card } from '../../cards/cardSchema';

export const categoryLabel = (c: string) => t(`cards.categories.${c}` as 'cards.categories.regie');
export const audienceLabel = (a: string) => t(`cards.audiences.${a}` as 'cards.audiences.coordinator');
export const coreHeading = (kind: Card['core']['kind']) => t(`cards.core.${kind}` as 'cards.core.steps');
export const cardHref = (slug: string) => `/kaarten/${encodeURIComponent(slug)}`;
export const termHref = (id: string) => `/woordenlijst/${encodeURIComponent(id)}`;
