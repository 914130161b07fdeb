import { CARD_AUDIENCES, CARD_CATEGORIES } from '../../cards/categories';
import { t } from '../../i18n/i18n';
import { ChoiceChips } from '../../ui/ChoiceChips';
import { audienceLabel, categoryLabel } from './cardLabels';

export interface CardFilterValues {
  category: string;
  audience: string;
}

/** Browse the cards by topic and audience: large chips, '' meaning "all". */
export function CardFilters({ value, onChange }: { value: CardFilterValues; onChange: (change: Partial<CardFilterValues>) => void }) {
  return (
    <>
      <ChoiceChips
        legend={t('cards.category')}
        value={value.category}
        onChange={(category) => onChange({ category })}
        options={[{ value: '', label: t('cards.allCategories') }, ...CARD_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))]}
      />
      <ChoiceChips
        legend={t('cards.audience')}
        value={value.audience}
        onChange={(audience) => onChange({ audience })}
        options={[{ value: '', label: t('cards.allAudiences') }, ...CARD_AUDIENCES.map((a) => ({ value: a, label: audienceLabel(a) }))]}
      />
    </>
  );
}

/** How many filters narrow the list: the collapsed filters say so, so a short list is never a mystery. */
export function activeFilterCount(value: CardFilterValues): number {
  return (value.category ? 1 : 0) + (value.audience ? 1 : 0);
}
